/**
 * Who may use the app through one connection, per Teams tenant: everyone in the tenant, or the
 * people on a list. Pure rules; the store keeps them, the check-access use case applies them.
 */
export type AccessMode = 'everyone' | 'listed';

/**
 * One person on the list. An admin names them by UPN or by Entra object id; once the bot has seen
 * a UPN-listed person, their object id is remembered too, so checks without a UPN (the scheduler,
 * a token without a `upn` claim) still recognise them.
 */
export interface AccessEntry {
  /** Lower case; null for an entry made by object id. */
  readonly upn: string | null;
  /** Lower case; for a UPN entry, null until the person has been seen. */
  readonly aadObjectId: string | null;
}

export interface AccessRule {
  readonly tenantId: string;
  readonly connectionId: string;
  readonly mode: AccessMode;
  readonly entries: readonly AccessEntry[];
  /** Audit actor of the last change. */
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** The person a check is about: the object id is always known, the UPN not always. */
export interface Person {
  readonly aadObjectId: string;
  readonly upn: string | null;
}

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
// A UPN has the shape of an e-mail address; guests look like `jan_contoso.nl#EXT#@tenant.onmicrosoft.com`.
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** UPNs compare without case (Entra ID treats them so). */
export function normaliseUpn(upn: string): string {
  return upn.trim().toLowerCase();
}

export function isUpn(text: string): boolean {
  return UPN.test(text.trim()) && text.trim().length <= 254;
}

export function isObjectId(text: string): boolean {
  return GUID.test(text.trim());
}

/** An entry from what an admin typed (a UPN or an object id), or null when it is neither. */
export function parseAccessEntry(text: string): AccessEntry | null {
  const value = text.trim();
  if (isObjectId(value)) return { upn: null, aadObjectId: value.toLowerCase() };
  if (isUpn(value)) return { upn: normaliseUpn(value), aadObjectId: null };
  return null;
}

/** The key an entry is stored and de-duplicated under: its UPN when it has one, else its object id. */
export function accessEntryKey(entry: AccessEntry): string {
  return entry.upn !== null ? `upn:${entry.upn}` : `aad:${entry.aadObjectId ?? ''}`;
}

/** The entry that admits the person, matching on object id first and on UPN when it is known. */
export function matchingEntry(entries: readonly AccessEntry[], person: Person): AccessEntry | null {
  const aad = person.aadObjectId.toLowerCase();
  const byId = entries.find((e) => e.aadObjectId !== null && e.aadObjectId === aad);
  if (byId) return byId;
  if (person.upn === null) return null;
  const upn = normaliseUpn(person.upn);
  return entries.find((e) => e.upn !== null && e.upn === upn) ?? null;
}

/** Whether the list has entries that only a UPN can match (then it is worth asking Teams for it). */
export function needsUpn(entries: readonly AccessEntry[], aadObjectId: string): boolean {
  const aad = aadObjectId.toLowerCase();
  return !entries.some((e) => e.aadObjectId === aad) && entries.some((e) => e.upn !== null);
}
