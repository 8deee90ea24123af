import { buildSignInCard } from '../../bot/cards/sign-in-card';
import { translate } from '../../src/domain/i18n/translate';
import { operatorScope } from '../../src/use-cases/admin/admin-scope';
import { actions, visibleText } from '../support/card-inspection';
import { PUBLIC_URL } from '../support/test-core';
import { FLEUR, JAN, LOTTE, NotificationHarness, TENANT } from '../support/notification-harness';

const DAY = 24 * 3_600_000;

describe('"Invite every classic user": one sign-in card per classic user, through the product\'s notifier to the Bot Connector', () => {
  let h: NotificationHarness;

  beforeEach(async () => {
    h = await NotificationHarness.start();
  });
  afterEach(() => h.close());

  async function setUp() {
    const jan = await h.activate('aad-jan', JAN, { locale: 'en-US' });
    const fleur = await h.activate('aad-fleur', FLEUR, { locale: 'nl-NL' });
    const lotte = await h.activate('aad-lotte', LOTTE);
    const now = h.clock.now();
    await h.storage.oauthTokens.saveSignIn({ user: lotte, connectionId: 'default', afasUserId: LOTTE, activatedAt: now }, { accessToken: 'a', refreshToken: 'r', expiresAt: new Date(now.getTime() + 3_600_000) });
    // Activated, but never wrote to the bot: no chat to invite them in.
    await h.storage.activations.save({ user: { tenantId: TENANT, aadObjectId: 'aad-nochat' }, connectionId: 'default', afasUserId: 'nochat@example.nl', activatedAt: now }, 'classic-token');
    await h.storage.connectionOAuth.save('default', { authMode: 'both', clientId: 'teams-app', scope: '' }, now, 'client-secret');
    return { jan, fleur, lotte };
  }

  it('each classic user with a chat gets one card in their language with a sign-in button; OAuth users get none; a second invite the same day sends nothing', async () => {
    const { jan, fleur, lotte } = await setUp();
    const invite = () => h.useCases.admin.inviteClassicUsers.execute(operatorScope('ops'), 'default');

    expect(await invite()).toEqual({ connectionId: 'default', invite: '2026-03-02', invited: 2, alreadyInvited: 0, notReached: 1 });
    const [janCard] = h.cardsFor(jan);
    expect(h.cardsFor(jan)).toHaveLength(1);
    expect(visibleText(janCard)).toContain(translate('en', 'oauth.card.migrate'));
    const [button] = actions(janCard);
    expect(button).toMatchObject({ type: 'Action.OpenUrl', title: translate('en', 'oauth.card.button') });
    const link = String(button.url);
    expect(link.startsWith(`${PUBLIC_URL}/auth/afas/start?t=`)).toBe(true);
    expect(janCard).toEqual(buildSignInCard({ lang: 'en', startUrl: link, reason: 'migrate' }));
    expect(h.cardsFor(fleur)).toHaveLength(1);
    expect(visibleText(h.cardsFor(fleur)[0])).toContain(translate('nl', 'oauth.card.migrate'));
    expect(h.cardsFor(lotte)).toHaveLength(0);

    expect(await invite()).toMatchObject({ invited: 0, alreadyInvited: 2, notReached: 1 });
    expect(h.cardsFor(jan)).toHaveLength(1);
    expect(h.activitiesFor(jan)[0].activity.channelData).toEqual({ notification: { alert: true } });

    // The link waits in the chat: still good 13 days later, for Jan only (it begins his sign-in).
    await h.clock.advance(13 * DAY);
    const authorize = await h.useCases.signInStarts.open(link.slice(link.indexOf('?t=') + 3));
    expect(authorize).toEqual(expect.stringContaining('/oauth/authorize?'));

    // A new invite (another day) reminds them once more.
    expect(await invite()).toMatchObject({ invited: 2, alreadyInvited: 0 });
    expect(h.cardsFor(jan)).toHaveLength(2);
    const [event] = await h.storage.audit.list({ limit: 1 });
    expect(event).toMatchObject({ action: 'connection.oauthInvite', actor: 'cli:ops', target: 'default', details: { invite: '2026-03-15', invited: 2, alreadyInvited: 0, notReached: 1 } });
  });

  it('a card Teams refused goes out on the next click the same day; a card Teams took is not sent again', async () => {
    const { jan, fleur } = await setUp();
    const invite = () => h.useCases.admin.inviteClassicUsers.execute(operatorScope('ops'), 'default');
    // Fleur's card is the first request (stable order): Teams is down for it.
    h.connector.answerNext({ status: 503, code: 'ServiceUnavailable' });
    expect(await invite()).toMatchObject({ invited: 1, alreadyInvited: 0, notReached: 2 });
    expect(h.cardsFor(fleur)).toHaveLength(0);
    expect(await invite()).toMatchObject({ invited: 1, alreadyInvited: 1, notReached: 1 });
    expect(h.cardsFor(fleur)).toHaveLength(1);
    expect(h.cardsFor(jan)).toHaveLength(1);
    expect(await invite()).toMatchObject({ invited: 0, alreadyInvited: 2, notReached: 1 });
    expect(h.cardsFor(fleur)).toHaveLength(1);
  });

  it('a user who blocked the bot is not reached and their chat is marked blocked; the poll that follows sends no invitation again', async () => {
    const { jan, fleur } = await setUp();
    // Users are invited in a stable order (tenant, then object id): Fleur's card is the first request.
    h.connector.answerNext({ status: 403, code: 'ConversationBlockedByUser' });
    const result = await h.useCases.admin.inviteClassicUsers.execute(operatorScope('ops'), 'default');
    expect(result).toMatchObject({ invited: 1, notReached: 2 });
    expect((await h.storage.conversations.get(fleur))?.status).toBe('blocked');
    expect(h.cardsFor(fleur)).toHaveLength(0);
    expect(h.cardsFor(jan)).toHaveLength(1);
    await h.storage.conversations.save(fleur, h.reference(fleur, 'nl-NL'), h.clock.now());
    await h.startEngine();
    await h.drive(10 * 60_000);
    expect(h.cardsFor(fleur).filter((card) => visibleText(card).includes(translate('nl', 'oauth.card.migrate')))).toHaveLength(0);
    expect(h.cardsFor(jan).filter((card) => visibleText(card).includes(translate('en', 'oauth.card.migrate')))).toHaveLength(1);
  });
});
