import type { LedgerRef, Notification } from '../domain/notification';
import type { UserKey } from '../domain/user-key';
import type { PreparedSend } from '../use-cases/deliver-notification';

/**
 * Everything the scheduler keeps about one activated user between jobs: one queued job per user,
 * whose time is the earliest of its next poll, its next digest or its next send slot. Kept small
 * (a handful of numbers) because it exists for every activated user.
 */
export interface UserJobData {
  /** Next AFAS poll, epoch ms. */
  readonly pollAt: number;
  /** Next digest, epoch ms; null: none planned (no digest, or not known before the first poll). */
  readonly digestAt: number | null;
  /** The due time of a digest that waits (quiet hours, AFAS down): polls must not plan past it. */
  readonly heldDigest: number | null;
  /** Polls failed in a row (backoff). */
  readonly failures: number;
  /** The ledger may hold `to_deliver` entries no queued message covers (the next poll looks). */
  readonly pending: boolean;
  /** False until the first poll since this process started (then a missed digest is caught up). */
  readonly started: boolean;
  /** Stop once the outbox is empty: the user has no active activation. */
  readonly stop: boolean;
  /** Messages waiting to be sent, oldest first; null when there are none. */
  readonly outbox: Outbox | null;
}

export interface Outbox {
  readonly messages: readonly Notification[];
  /** The first message is prepared (conversation read, attempt counted) and waits for its slot. */
  readonly prepared: PreparedSend | null;
  /** A slot booked for the first message, epoch ms. */
  readonly slotAt: number | null;
  /** 429s and transient failures of the first message so far. */
  readonly attempts: number;
  /** Entries Teams accepted whose `delivered` could not be written yet: write before anything else. */
  readonly unrecorded: readonly LedgerRef[];
}

export const SWEEP_KEY = 'sweep';

/**
 * The lane a user's job waits in for a booked send slot: its own concurrency, so a send goes out
 * on time instead of queueing behind polls that wait for AFAS. Everything else runs in the default lane.
 */
export const SEND_LANE = 'send';

/**
 * Lanes (and their concurrency) the engine's queue needs. Polls are limited per tenant as well:
 * 10 at a time (AFAS's 8 calls per environment plus two getting ready) keeps a tenant with
 * thousands of due users from taking every slot while other tenants' AFAS environments idle.
 */
export const NOTIFICATION_LANES = Object.freeze({ default: { concurrency: 256, perGroup: 10 }, [SEND_LANE]: 64 });

/** The group a job counts against for `perGroup`: its tenant (the sweep is a group of its own). */
export function jobGroup(key: string): string {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length, key.indexOf('/', PREFIX.length)) : key;
}

/** The periodic look for activations without a job (new ones, re-activated ones). */
export interface SweepJobData {
  readonly sweep: true;
}

export type EngineJobData = UserJobData | SweepJobData;

export function isSweep(data: EngineJobData): data is SweepJobData {
  return 'sweep' in data;
}

export function newUserJob(pollAt: number, pending = true): UserJobData {
  return { pollAt, digestAt: null, heldDigest: null, failures: 0, pending, started: false, stop: false, outbox: null };
}

const PREFIX = 'u/';

/** `u/<tenant>/<aad object id>`, both parts URI-encoded (GUIDs stay as they are). */
export function userJobKey(user: UserKey): string {
  return `${PREFIX}${encodeURIComponent(user.tenantId)}/${encodeURIComponent(user.aadObjectId)}`;
}

export function userFromJobKey(key: string): UserKey | null {
  if (!key.startsWith(PREFIX)) return null;
  const [tenant, aad, extra] = key.slice(PREFIX.length).split('/');
  if (tenant === undefined || aad === undefined || extra !== undefined) return null;
  return { tenantId: decodeURIComponent(tenant), aadObjectId: decodeURIComponent(aad) };
}
