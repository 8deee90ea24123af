import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { JSONSchemaType } from 'ajv';
import { at, type Json } from './json-tree';

const KNOWN_PATTERNS: Readonly<Record<string, string>> = {
  '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$': 'must be a GUID',
  '^[Hh][Tt][Tt][Pp][Ss]?://': 'must be an http(s) URL',
  '^[Hh][Tt][Tt][Pp][Ss]://': 'must be an https URL',
  '^#[0-9a-fA-F]{6}$': 'must be a colour like #1E5FB4',
};

/**
 * Checks a manifest or localization file against the official JSON schema bundled with
 * @microsoft/app-manifest (no network), with one readable line per violation.
 */
export async function checkAgainstSchema(document: Json, schema: Json, file: string): Promise<string[]> {
  let messages: string[];
  try {
    messages = await AppManifestUtils.validateAgainstSchema(document as unknown as AppManifest, schema as unknown as JSONSchemaType<AppManifest>);
  } catch (error) {
    return [`${file}: the bundled schema could not be used (${error instanceof Error ? error.message : String(error)})`];
  }
  return messages.map((message) => readable(message, file));
}

/** The library reports `<pointer> <ajv message>. Details: <params as JSON>`. */
function readable(message: string, file: string): string {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(message);
  if (!match) return `${file}: ${message}`;
  const [, pointer, text, details] = match;
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(details) as Record<string, unknown>;
  } catch {
    return at(file, pointer, text);
  }
  if (typeof params.missingProperty === 'string') return at(file, pointer, `the required property "${params.missingProperty}" is missing`);
  if (typeof params.additionalProperty === 'string') return at(file, pointer, `"${params.additionalProperty}" is not a property the schema allows here`);
  if (Array.isArray(params.allowedValues)) return at(file, pointer, `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof params.pattern === 'string' && KNOWN_PATTERNS[params.pattern]) return at(file, pointer, KNOWN_PATTERNS[params.pattern]);
  return at(file, pointer, text);
}
