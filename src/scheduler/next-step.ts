import type { Notification } from '../domain/notification';
import { MAX_RETRY_AFTER_MS, SEND_RETRY } from '../domain/teams-limits';
import type { DeliveryOutcome } from '../use-cases/deliver-notification';
import { sendRetryDelay, type Random } from './backoff';
import type { Outbox } from './user-job';

/** A `delivered` that could not be written is tried again this much later (never the send). */
export const RECORD_RETRY_MS = 5000;

/** What one send step did to the outbox: the rest, when to come back (null: carry on), whether a message was given up. */
export interface Step {
  readonly box: Outbox;
  readonly waitUntil: number | null;
  /** Given up while its entries stay `to_deliver`: the next poll offers them again. */
  readonly gaveUp: boolean;
}

/** A `Step` and the side effects the caller performs for it. */
export interface NextStep extends Step {
  /** The first message left the outbox (sent, dropped or given up). */
  readonly headLeft: boolean;
  /** The conversation takes no messages: these leave the outbox unsent, their entries `failed`. */
  readonly discard: readonly Notification[];
  /** 429: every send of the tenant waits this long. */
  readonly pauseTenantMs: number | null;
  /** 429s and transient failures of the answered message, this answer included. */
  readonly attempts: number;
}

/**
 * What the first message's outcome means for the rest of its outbox. Pure (randomness comes in):
 * 429 pauses the whole tenant for Retry-After, 412/502/503/504 back off with jitter (bounded; then
 * the next poll offers the items again), 413 puts a smaller rendering first, a closed conversation
 * (403/404, or found closed when preparing) drops everything left.
 */
export function nextStep(outcome: DeliveryOutcome, answered: Outbox, now: number, random: Random): NextStep {
  // Whatever the answer, the slot is used and the next send prepares again.
  const box: Outbox = { ...answered, prepared: null, slotAt: null };
  const carryOn: NextStep = { box, waitUntil: null, gaveUp: false, headLeft: false, discard: [], pauseTenantMs: null, attempts: box.attempts };
  const left: NextStep = { ...carryOn, box: shift(box), headLeft: true };
  switch (outcome.kind) {
    case 'sent':
      return left;
    case 'sentUnrecorded':
      return { ...left, box: { ...left.box, unrecorded: [...box.unrecorded, ...outcome.entries] }, waitUntil: now + RECORD_RETRY_MS };
    case 'shrink':
      return { ...carryOn, box: { ...box, messages: [outcome.notification, ...box.messages.slice(1)], attempts: 0 } };
    case 'throttled': {
      const attempts = box.attempts + 1;
      const pauseTenantMs = Math.min(MAX_RETRY_AFTER_MS, outcome.retryAfterMs ?? sendRetryDelay(attempts, random));
      if (attempts >= SEND_RETRY.maxAttempts) return { ...left, gaveUp: true, attempts, pauseTenantMs };
      return { ...carryOn, box: { ...box, attempts }, waitUntil: now + pauseTenantMs, attempts, pauseTenantMs };
    }
    case 'retry': {
      const attempts = box.attempts + 1;
      if (attempts >= SEND_RETRY.maxAttempts) return { ...left, gaveUp: true, attempts };
      return { ...carryOn, box: { ...box, attempts }, waitUntil: now + sendRetryDelay(attempts, random), attempts };
    }
    case 'dropped':
      return outcome.closed ? { ...left, box: { ...left.box, messages: [] }, discard: box.messages.slice(1) } : left;
  }
}

function shift(box: Outbox): Outbox {
  return { ...box, messages: box.messages.slice(1), prepared: null, slotAt: null, attempts: 0 };
}
