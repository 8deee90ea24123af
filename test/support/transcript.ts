import type { Activity } from 'botbuilder';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, visibleText } from '../support/card-inspection';
import { cardsOf, type BotHarness, type TestUser } from './bot-harness';

/** Demo users of the sandbox (sandbox/demo-users.ts). */
export const JAN = 'jan.devries@horizon-groep.example';
export const PIETER = 'pieter.visser@horizon-groep.example';
export const LOTTE = 'lotte.smit@horizon-groep.example';

/** The cards of a turn, each checked against the Adaptive Card schema and Teams' renderer first. */
export function validCards(replies: Partial<Activity>[]): unknown[] {
  const cards = cardsOf(replies);
  for (const card of cards) expectValidCard(card);
  return cards;
}

/** The single card a turn answered with (validated); fails when there is none or more than one. */
export function onlyCard(replies: Partial<Activity>[]): unknown {
  const cards = validCards(replies);
  expect(cards).toHaveLength(1);
  return cards[0];
}

/** What the user reads in the single card of a turn. */
export function onlyText(replies: Partial<Activity>[]): string {
  return visibleText(onlyCard(replies));
}

/** The verbs of a card's Action.Execute buttons, anywhere in the card. */
export function verbsOf(card: unknown): string[] {
  return actions(card).flatMap((a) => (a.verb ? [a.verb] : []));
}

/** The `adaptiveCard/action` invoke response among a turn's replies. */
export function invokeResponseOf(replies: Partial<Activity>[]): { status: number; body: { type?: string; value?: unknown } } {
  const response = replies.find((r) => r.type === 'invokeResponse');
  if (!response) throw new Error(`no invoke response among ${replies.length} replies`);
  return response.value as { status: number; body: { type?: string; value?: unknown } };
}

/** How many requests the sandbox received whose path contains `pathPart` (e.g. `otpvalidation`). */
export function afasRequests(h: BotHarness, pathPart: string): number {
  return h.sandbox.stats.requests.filter((r) => r.path.toLowerCase().includes(pathPart.toLowerCase())).length;
}

/** Everything a turn put in front of the user, card text and plain text alike. */
export function everythingShown(replies: Partial<Activity>[]): string {
  const plain = replies.map((r) => (typeof r.text === 'string' ? r.text : '')).filter((t) => t !== '');
  return [...plain, ...cardsOf(replies).map((card) => JSON.stringify(card))].join('\n');
}

/** Activates `user` as `afasUserId` by typing, as a person would; returns the code AFAS mailed. */
export async function activateByChat(h: BotHarness, user: TestUser, afasUserId: string): Promise<string> {
  await user.say('activate');
  await user.say(afasUserId);
  const code = h.sandbox.mailbox.latestCodeFor(afasUserId);
  if (!code) throw new Error(`the sandbox mailed no code to ${afasUserId}`);
  await user.say(code);
  expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  return code;
}
