import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import type * as AdaptiveCards from 'adaptivecards';

/*
 * Two independent checks for every card a test builds:
 *  1. the official Adaptive Card 1.5 JSON schema (draft-06, `additionalProperties: false`, so a
 *     misspelt property fails), via ajv;
 *  2. the official JS renderer's parser and validator with Teams' host config (6 actions max,
 *     interactivity on): unknown element types, properties from a newer version, too many actions.
 * Without a DOM (jsdom is not installed) the renderer cannot render, but parsing and property
 * validation need none. Fixtures are copies kept in test/fixtures: tests never read outside the repo.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'adaptive-cards');

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

// The package's ESM entry cannot be loaded by Node 20/jest; its UMD bundle can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

let schemaValidator: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  const { id, ...schema } = readJson('adaptive-card-1.5.schema.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  // anyOf branches produce many echoes; the deepest paths say what is actually wrong.
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  const relevant = errors.filter((e) => e.instancePath.split('/').length >= deepest - 1);
  const lines = relevant.map((e) => `schema: ${e.instancePath || '(card)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  return [...new Set(lines)].slice(0, 15);
}

export function schemaProblems(card: unknown): string[] {
  schemaValidator ??= compileSchema();
  if (schemaValidator(card)) return [];
  return describeSchemaErrors(schemaValidator.errors ?? []);
}

const HOST_CONFIGS = ['host-config-teams-light.json', 'host-config-teams-dark.json'] as const;

export function rendererProblems(card: unknown): string[] {
  const problems: string[] = [];
  for (const hostConfigFile of HOST_CONFIGS) {
    const parsed = new AC.AdaptiveCard();
    parsed.hostConfig = new AC.HostConfig(readJson(hostConfigFile));
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    parsed.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(`parse (${hostConfigFile}): ${context.getEventAt(i).message}`);
    for (const event of parsed.validateProperties().validationEvents) problems.push(`validate (${hostConfigFile}): ${event.message}`);
  }
  return [...new Set(problems)];
}

/** Every problem the schema and the renderer find; empty for a valid card. */
export function cardProblems(card: unknown): string[] {
  return [...schemaProblems(card), ...rendererProblems(card)];
}

/** Fails the test, listing what is wrong, unless the card passes the schema and the renderer cleanly. */
export function expectValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0) {
    throw new Error(`Adaptive Card is not valid for Teams:\n  ${problems.join('\n  ')}`);
  }
}
