import type { MessageKey, PlainMessageKey } from '../../src/domain/i18n/translate';
import { translate, type Language } from '../i18n';
import type { AuditEvent } from '../../contracts/admin-api';

const MAX_DETAIL = 300;

/**
 * One audit event as a sentence in the user's language: "Tested connection 'AFAS sandbox (demo)':
 * it works." Connections by name (the server sends it), owners by sign-in name. Actions this tab
 * does not know are shown as they are.
 */
export function auditWhat(lang: Language, event: AuditEvent): string {
  const name = event.targetName ?? event.target;
  const d = event.details;
  switch (event.action) {
    case 'connection.create':
      return translate(lang, 'adminTab.audit.connection.create', { name });
    case 'connection.update':
      return translate(lang, 'adminTab.audit.connection.update', { name });
    case 'connection.remove':
      return translate(lang, 'adminTab.audit.connection.remove', { name });
    case 'connection.secrets':
      return translate(lang, d.apiKey && !d.environmentKey ? 'adminTab.audit.connection.secrets.apiKey' : !d.apiKey && d.environmentKey ? 'adminTab.audit.connection.secrets.environmentKey' : 'adminTab.audit.connection.secrets', { name });
    case 'connection.default':
      return translate(lang, 'adminTab.audit.connection.default', { name });
    case 'connection.auth':
      return translate(lang, 'adminTab.audit.connection.auth', { name });
    case 'connection.oauthInvite':
      return translate(lang, 'adminTab.audit.connection.oauthInvite', { name });
    case 'connection.test':
      return translate(lang, d.outcome === 'ok' ? 'adminTab.audit.connection.test.ok' : d.outcome === 'problems' ? 'adminTab.audit.connection.test.problems' : 'adminTab.audit.connection.test.notConfirmable', { name });
    case 'access.update': {
      const mode = translate(lang, isChange(d.mode) && d.mode.to === 'listed' ? 'adminTab.access.listed' : 'adminTab.access.everyone');
      return translate(lang, 'adminTab.audit.access.update', { name, mode: mode.charAt(0).toLowerCase() + mode.slice(1) });
    }
    case 'owner.add':
      return translate(lang, ownerKey(d, 'add'), { upn: event.target });
    case 'owner.remove':
      return translate(lang, ownerKey(d, 'remove'), { upn: event.target });
    case 'task.action':
    case 'task.comment':
      return taskSentence(lang, event);
    default:
      return `${event.action} ${event.target}`;
  }
}

const TASK_OUTCOMES: Readonly<Record<string, PlainMessageKey>> = {
  done: 'adminTab.audit.task.outcome.done',
  already_handled: 'adminTab.audit.task.outcome.alreadyHandled',
  afas_error: 'adminTab.audit.task.outcome.afasError',
  expired: 'adminTab.audit.task.outcome.expired',
  unavailable: 'adminTab.audit.task.outcome.unavailable',
  failed: 'adminTab.audit.task.outcome.failed',
};

/** "'Goedkeuren' on dossier item 33476, from the tab: AFAS took it." (the reaction text is never recorded). */
function taskSentence(lang: Language, event: AuditEvent): string {
  const d = event.details;
  const subject = typeof d.subjectId === 'string' ? d.subjectId : event.target.replace(/^subject:/, '');
  const via = translate(lang, d.via === 'tab' ? 'adminTab.audit.task.via.tab' : 'adminTab.audit.task.via.chat');
  const outcomeKey = typeof d.outcome === 'string' ? TASK_OUTCOMES[d.outcome] : undefined;
  const outcome = outcomeKey ? translate(lang, outcomeKey) : String(d.outcome ?? '');
  if (event.action === 'task.comment' || typeof d.action !== 'string') return translate(lang, 'adminTab.audit.task.comment', { subject, via, outcome });
  return translate(lang, 'adminTab.audit.task.action', { action: d.action, subject, via, outcome });
}

function ownerKey(details: AuditEvent['details'], verb: 'add' | 'remove'): MessageKey & `adminTab.audit.owner.${string}` {
  if (details.source === 'demo') return `adminTab.audit.owner.${verb}.demo`;
  if (details.source === 'APP_OWNERS') return `adminTab.audit.owner.${verb}.appOwners`;
  return details.everyTenant === true ? `adminTab.audit.owner.${verb}.everyTenant` : `adminTab.audit.owner.${verb}`;
}

/**
 * What the sentence leaves out, in one line, or '' for nothing: the changed settings of a
 * connection (`name: "A" → "B"`; keys were redacted by the server), who was added to or removed
 * from an access list, whose activation a test used. Unknown actions: every detail, flattened.
 */
export function auditDetails(lang: Language, event: AuditEvent): string {
  const d = event.details;
  switch (event.action) {
    case 'connection.update':
      return shorten(flatten(d.changes ?? {}));
    case 'connection.test':
      return typeof d.testedWith === 'string' ? translate(lang, 'adminTab.audit.testedWith', { user: d.testedWith }) : '';
    case 'access.update':
      return [
        listed(d.added) ? translate(lang, 'adminTab.audit.access.added', { people: d.added.join(', ') }) : null,
        listed(d.removed) ? translate(lang, 'adminTab.audit.access.removed', { people: d.removed.join(', ') }) : null,
      ].filter((part): part is string => part !== null).join(' ');
    case 'connection.create':
    case 'connection.remove':
    case 'connection.secrets':
    case 'connection.default':
    case 'owner.add':
    case 'owner.remove':
      return '';
    case 'task.action':
    case 'task.comment':
      return [
        d.withText === true ? translate(lang, 'adminTab.audit.task.withText') : null,
        typeof d.profitLogReference === 'string' ? translate(lang, 'adminTab.audit.task.reference', { reference: d.profitLogReference }) : null,
        typeof d.code === 'string' ? translate(lang, 'adminTab.audit.task.code', { code: d.code }) : null,
      ].filter((part): part is string => part !== null).join(' ');
    default:
      return shorten(flatten(d));
  }
}

function listed(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}

function shorten(parts: readonly string[]): string {
  const text = parts.join('; ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

function flatten(details: unknown): string[] {
  return details && typeof details === 'object' ? Object.entries(details).flatMap(([key, value]) => describe(key, value)) : [];
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
