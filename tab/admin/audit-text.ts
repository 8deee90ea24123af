import type { PlainMessageKey } from '../../src/domain/i18n/translate';
import { translate, type Language } from '../i18n';
import type { AuditEvent } from './admin-contract';

const ACTIONS: Readonly<Record<string, PlainMessageKey>> = {
  'connection.create': 'adminTab.audit.connection.create',
  'connection.update': 'adminTab.audit.connection.update',
  'connection.remove': 'adminTab.audit.connection.remove',
  'connection.secrets': 'adminTab.audit.connection.secrets',
  'connection.default': 'adminTab.audit.connection.default',
  'connection.test': 'adminTab.audit.connection.test',
  'access.update': 'adminTab.audit.access.update',
  'owner.add': 'adminTab.audit.owner.add',
  'owner.remove': 'adminTab.audit.owner.remove',
};

const MAX_DETAIL = 300;

/** "Changed connection production-3f2b9c": what was done to what; unknown actions as they are. */
export function auditWhat(lang: Language, event: AuditEvent): string {
  const key = ACTIONS[event.action];
  return key ? `${translate(lang, key)} ${event.target}` : `${event.action} ${event.target}`;
}

/**
 * The details in one line of plain text: `name: "A" → "B"` for changes, lists joined, nested
 * settings flattened. Keys were redacted by the server (`[set]`); this only shortens.
 */
export function auditDetails(details: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(details).flatMap(([key, value]) => describe(key, value));
  const text = parts.join('; ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

function describe(key: string, value: unknown): string[] {
  if (isChange(value)) return [`${key}: ${show(value.from)} → ${show(value.to)}`];
  if (Array.isArray(value)) return value.length === 0 ? [] : [`${key}: ${value.map(show).join(', ')}`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([inner, v]) => describe(key === 'changes' || key === 'settings' ? inner : `${key}.${inner}`, v));
  return [`${key}: ${show(value)}`];
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).sort().join() === 'from,to';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
