import { adaptiveCard, type AdaptiveCard } from '../../../bot/cards/adaptive-card';
import { openUrlAction } from '../../../bot/cards/card-actions';
import { buildNoAccessCard, buildNotActivatedCard } from '../../../bot/cards/access-cards';
import { buildDeactivateCard } from '../../../bot/cards/deactivate-card';
import { buildErrorCard } from '../../../bot/cards/error-card';
import { userFacingFailure, type UserFacingFailure } from '../../../src/domain/user-facing-failure';
import { buildHelpCard } from '../../../bot/cards/help-card';
import { buildMessageCard } from '../../../bot/cards/message-card';
import { buildWelcomeCard } from '../../../bot/cards/welcome-card';
import { AfasError } from '../../../src/domain/afas-error';
import type { Language } from '../../../src/domain/user-preferences';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actions, topLevelActionTitles, visibleText } from '../../support/card-inspection';

const NOW = new Date('2024-07-01T08:00:00Z');
const FAILURES: UserFacingFailure[] = [
  { kind: 'expired' },
  { kind: 'maintenance', until: new Date('2024-07-01T10:00:00Z') },
  { kind: 'maintenance', until: null },
  { kind: 'afas', reference: '6f2c1d' },
  { kind: 'afas', reference: null },
  { kind: 'unreachable' },
  { kind: 'adminSetup' },
  { kind: 'generic' },
];

describe.each<Language>(['en', 'nl'])('the other cards (%s)', (lang) => {
  it.each<[string, () => AdaptiveCard]>([
    ['welcome', () => buildWelcomeCard({ lang })],
    ['welcome back', () => buildWelcomeCard({ lang, activated: true })],
    ['help', () => buildHelpCard({ lang, activated: true })],
    ['help before activation', () => buildHelpCard({ lang, activated: false })],
    ['deactivate', () => buildDeactivateCard(lang)],
    ['not activated', () => buildNotActivatedCard(lang)],
    ['no access', () => buildNoAccessCard(lang)],
    ['message', () => buildMessageCard({ text: 'Done.', tone: 'success', title: 'T', details: ['d'] })],
    ...FAILURES.map((f): [string, () => AdaptiveCard] => [`error ${f.kind}`, () => buildErrorCard(lang, f, NOW)]),
  ])('%s is a valid Teams card', (_name, build) => {
    expectValidCard(build());
  });
});

describe('the welcome card', () => {
  it('explains the app and offers Activate', () => {
    const card = buildWelcomeCard({ lang: 'nl' });
    expect(visibleText(card)).toContain('taken en signalen');
    expect(actions(card).map((a) => [a.verb ?? a.type, a.title])).toEqual([
      ['activation.start', 'Activeren'],
      ['command.run', 'Wat kan ik doen?'],
    ]);
  });

  it('does not ask an activated user to activate again', () => {
    expect(topLevelActionTitles(buildWelcomeCard({ lang: 'en', activated: true }))).toEqual(['What can I do?']);
  });
});

describe('the help card', () => {
  it('lists every command in the user language', () => {
    const text = visibleText(buildHelpCard({ lang: 'nl', activated: true }));
    for (const command of ['mijn taken', 'mijn signalen', 'overzicht', 'activeren', 'afmelden', 'instellingen', 'help']) expect(text).toContain(command);
    const en = visibleText(buildHelpCard({ lang: 'en', activated: true }));
    for (const command of ['my tasks', 'my signals', 'summary', 'activate', 'deactivate', 'settings', 'help']) expect(en).toContain(command);
  });

  it('buttons run the command (Action.Execute, which the Playground also sends) so the help stays', () => {
    const buttons = actions(buildHelpCard({ lang: 'nl', activated: true }));
    expect(buttons.map((a) => [a.type, a.verb, a.data])).toEqual([
      ['Action.Execute', 'command.run', { command: 'tasks' }],
      ['Action.Execute', 'command.run', { command: 'signals' }],
      ['Action.Execute', 'command.run', { command: 'summary' }],
    ]);
  });
});

describe('the deactivate card', () => {
  it('asks for confirmation with a destructive Deactivate and a Cancel', () => {
    const card = buildDeactivateCard('nl');
    expect(actions(card).map((a) => [a.verb, a.title])).toEqual([
      ['deactivate.confirm', 'Afmelden'],
      ['deactivate.cancel', 'Annuleren'],
    ]);
    expect(visibleText(card)).toContain('In AFAS zelf verandert niets.');
  });
});

describe('errors', () => {
  it('AFAS 401 means the activation expired and offers to activate again', () => {
    const card = buildErrorCard('en', userFacingFailure(new AfasError('afas_unauthorized', 'x', { status: 401 }), NOW), NOW);
    expect(visibleText(card)).toContain('Activate again');
    expect(actions(card).map((a) => a.verb)).toEqual(['activation.start']);
  });

  it('AFAS 503 tells until when AFAS is in maintenance, in Amsterdam time', () => {
    const failure = userFacingFailure(new AfasError('afas_unavailable', 'x', { status: 503, retryAfterSeconds: 7200 }), NOW);
    expect(visibleText(buildErrorCard('nl', failure, NOW))).toContain('AFAS is tot ongeveer 12:00 in onderhoud.');
  });

  it('AFAS 429 and gateway errors are not called maintenance', () => {
    expect(userFacingFailure(new AfasError('afas_unavailable', 'x', { status: 502 }), NOW)).toEqual({ kind: 'unreachable' });
    expect(userFacingFailure(new AfasError('afas_unavailable', 'x', { status: 429, retryAfterSeconds: 30 }), NOW)).toEqual({ kind: 'unreachable' });
  });

  it('other AFAS failures give the reference for the AFAS administrator', () => {
    const failure = userFacingFailure(new AfasError('afas_functional_error', 'x', { status: 500, profitLogReference: '6f2c1d-ab' }), NOW);
    expect(visibleText(buildErrorCard('en', failure, NOW))).toContain('give your AFAS administrator this reference: 6f2c1d-ab');
  });

  it('anything else gets a plain apology', () => {
    expect(userFacingFailure(new Error('boom'), NOW)).toEqual({ kind: 'generic' });
    expect(visibleText(buildErrorCard('nl', { kind: 'generic' }, NOW))).toContain('Sorry');
  });

  it('timeouts and network trouble say AFAS cannot be reached', () => {
    expect(userFacingFailure(new AfasError('afas_timeout', 'x'), NOW)).toEqual({ kind: 'unreachable' });
    expect(userFacingFailure(new AfasError('afas_network', 'x'), NOW)).toEqual({ kind: 'unreachable' });
  });
});

describe('access', () => {
  it('offers activation to a user who has not activated', () => {
    expect(actions(buildNotActivatedCard('en')).map((a) => a.verb)).toEqual(['activation.start']);
  });

  it('tells a user without access to ask the administrator', () => {
    expect(visibleText(buildNoAccessCard('en'))).toContain('Ask your administrator');
  });
});

describe('building a card', () => {
  it('refuses more top-level actions than Teams shows', () => {
    const seven = Array.from({ length: 7 }, (_, i) => openUrlAction(`b${i}`, 'https://x.example'));
    expect(() => adaptiveCard([], seven)).toThrow(expect.objectContaining({ code: 'card_too_many_actions' }));
  });
});
