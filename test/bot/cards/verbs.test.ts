import { buildNotActivatedCard } from '../../../bot/cards/access-cards';
import { buildActivationStoppedCard, buildCodeCard, buildUserIdCard } from '../../../bot/cards/activation-cards';
import { buildDeactivateCard } from '../../../bot/cards/deactivate-card';
import { buildSettingsCard, settingsFormFrom } from '../../../bot/cards/settings-card';
import { buildSummaryCard } from '../../../bot/cards/summary-card';
import { isVerb, parseVerbData, VERB_DATA_SCHEMAS, VERBS, type Verb, type VerbHandlers } from '../../../bot/cards/verbs';
import { buildWelcomeCard } from '../../../bot/cards/welcome-card';
import { buildWorkListCard } from '../../../bot/cards/work-list-card';
import { DEFAULT_PREFERENCES } from '../../../src/domain/user-preferences';
import { actions } from '../../support/card-inspection';
import { numberedItems } from '../../support/work-items';

const NOW = new Date('2024-07-01T08:00:00Z');
const INPUT_VALUES: Partial<Record<Verb, Record<string, string>>> = {
  'activation.submitUser': { afasUserId: 'j.doe@contoso.nl' },
  'activation.submitCode': { code: '12345678' },
  'settings.save': { signalNotifications: 'true', taskNotifications: 'false', digest: 'true', digestTime: '08:30', quietStart: 'none', quietEnd: 'none', language: 'teams' },
};

function everyCard() {
  const list = { lang: 'en' as const, itemUrl: () => 'https://x.example', insiteUrl: 'https://x.example', now: NOW };
  return [
    buildWorkListCard({ ...list, kind: 'task', items: numberedItems(23), page: 2 }),
    buildSummaryCard({ ...list, tasks: { items: numberedItems(2) }, signals: { items: [] } }),
    buildWelcomeCard({ lang: 'en' }),
    buildUserIdCard({ lang: 'en' }),
    buildCodeCard({ lang: 'en', afasUserId: 'x', now: NOW, resendAvailableAt: null }),
    buildActivationStoppedCard('en', 3),
    buildDeactivateCard('en'),
    buildNotActivatedCard('en'),
    buildSettingsCard({ lang: 'en', teamsLanguage: 'en', form: settingsFormFrom(DEFAULT_PREFERENCES) }),
  ];
}

describe('card verbs', () => {
  it('every Action.Execute on every card uses a known verb whose schema accepts its data', () => {
    const executes = everyCard().flatMap((card) => actions(card)).filter((a) => a.type === 'Action.Execute');
    expect(executes.length).toBeGreaterThan(10);
    for (const action of executes) {
      expect(isVerb(action.verb)).toBe(true);
      const verb = action.verb as Verb;
      expect(parseVerbData(verb, { ...(action.data as object), ...INPUT_VALUES[verb] })).toMatchObject({ ok: true });
    }
  });

  it('rejects list payloads with a bad kind or page', () => {
    expect(parseVerbData('list.page', { kind: 'task', page: 2 })).toEqual({ ok: true, data: { kind: 'task', page: 2 } });
    for (const bad of [{ kind: 'invoice', page: 1 }, { kind: 'task', page: 0 }, { kind: 'task', page: 1.5 }, { kind: 'task', page: '2' }, {}]) {
      expect(parseVerbData('list.page', bad).ok).toBe(false);
    }
  });

  it('rejects an empty or oversized user id and code, and never echoes the value in issues', () => {
    expect(parseVerbData('activation.submitUser', { afasUserId: '   ' }).ok).toBe(false);
    const result = parseVerbData('activation.submitCode', { code: 'secret-code-'.repeat(10) });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret-code');
  });

  it('drops unknown fields Teams or a client might add', () => {
    expect(parseVerbData('deactivate.confirm', { msteams: { x: 1 }, extra: true })).toEqual({ ok: true, data: {} });
  });

  it('has a schema for every verb, so a handler record can be complete', () => {
    expect(Object.keys(VERB_DATA_SCHEMAS).sort()).toEqual(Object.values(VERBS).sort());
    const handlers: VerbHandlers<void, string> = {
      'list.page': (d) => `${d.kind}:${d.page}`,
      'list.refresh': (d) => `${d.kind}:${d.page}`,
      'summary.refresh': () => 'summary',
      'activation.start': () => 'start',
      'activation.submitUser': (d) => d.afasUserId,
      'activation.submitCode': (d) => d.code,
      'activation.resend': () => 'resend',
      'activation.cancel': () => 'cancel',
      'deactivate.confirm': () => 'confirm',
      'deactivate.cancel': () => 'cancel',
      'settings.save': (d) => d.digestTime,
      'settings.cancel': () => 'cancel',
      'command.run': (d) => d.command,
      'task.act': (d) => `${d.s}:${d.a}`,
      'task.more': (d) => d.s,
    };
    expect(handlers['list.page']({ kind: 'signal', page: 3 }, undefined)).toBe('signal:3');
  });
});
