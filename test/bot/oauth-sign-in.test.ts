import { DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import { oauthRedirectUri } from '../../src/domain/afas-auth-mode';
import { actions, visibleText } from '../support/card-inspection';
import { BotHarness, PUBLIC_URL, type TestUser } from '../support/bot-harness';
import { JAN, onlyCard, validCards, verbsOf } from '../support/transcript';

const FLEUR = 'fleur.bakker@horizon-groep.example';
const OAUTH_CLIENT = { AFAS_OAUTH_CLIENT_ID: DEMO_OAUTH_CLIENT_ID, AFAS_OAUTH_CLIENT_SECRET: DEMO_OAUTH_CLIENT_SECRET };

/** The start link on a sign-in card: one Action.OpenUrl to our start page, no e-mailed-code steps. */
function startLinkOf(card: unknown): string {
  const buttons = actions(card);
  expect(buttons.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  const url = buttons[0].url ?? '';
  expect(url.startsWith(`${PUBLIC_URL}/auth/afas/start?t=`)).toBe(true);
  return url;
}

describe('signing in to AFAS with OAuth from the chat', () => {
  let h: BotHarness;
  async function start(mode: 'oauth' | 'both'): Promise<void> {
    h = await BotHarness.start({ env: { AFAS_AUTH_MODE: mode, ...OAUTH_CLIENT } });
    h.sandbox.oauth.allowRedirect(DEMO_OAUTH_CLIENT_ID, oauthRedirectUri(PUBLIC_URL));
  }
  afterEach(async () => {
    await h?.close();
  });

  /** Whoever holds the link opens it, signs in at AFAS as `afasUser`, and reads the code on our callback page. */
  async function codeShownAfter(startLink: string, afasUser = JAN): Promise<string> {
    const authorizeUrl = await h.services.signInStarts.open(new URL(startLink).searchParams.get('t') ?? '');
    const consent = await fetch(authorizeUrl ?? '', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user: afasUser }).toString(), redirect: 'manual' });
    const outcome = await h.services.oauthSignIn.callback(new URL(consent.headers.get('location') ?? ''));
    if (outcome.surface !== 'bot') throw new Error('expected the bot surface');
    return outcome.confirmationCode;
  }

  async function signInCard(user: TestUser, text = 'activate'): Promise<unknown> {
    const card = onlyCard(await user.say(text));
    expect(verbsOf(card)).toEqual([]);
    return card;
  }

  it('"activate" answers with one sign-in card; the code typed into the same chat links AFAS and shows the tasks', async () => {
    await start('oauth');
    const jan = h.user(h.newBot());
    const card = await signInCard(jan);
    expect(visibleText(card)).toContain('type the 6-digit code');
    const code = await codeShownAfter(startLinkOf(card));

    const replies = validCards(await jan.say(code));
    expect(replies).toHaveLength(2);
    expect(visibleText(replies[0])).toContain('You are signed in to AFAS');
    expect(visibleText(replies[1])).toContain('My tasks');
    expect((await h.storage.activations.get(jan.key))?.authKind).toBe('oauth');
    // Once only.
    expect(visibleText(validCards(await jan.say(code))[0])).toContain('not valid');
  });

  it('the code typed by another Teams user links nothing; the one who asked can still complete', async () => {
    await start('oauth');
    const bot = h.newBot();
    const jan = h.user(bot);
    const mallory = h.user(bot, { aadObjectId: 'aad-mallory', name: 'Mallory' });
    const code = await codeShownAfter(startLinkOf(await signInCard(jan)));

    const refused = validCards(await mallory.say(code));
    expect(visibleText(refused[0])).toContain('not valid');
    expect(await h.storage.activations.get(mallory.key)).toBeNull();
    expect(await h.storage.activations.get(jan.key)).toBeNull();
    expect(visibleText(validCards(await jan.say(code))[0])).toContain('You are signed in to AFAS');
  });

  it("a sign-in link sent to someone else: they sign in with their own AFAS account, and their code links nothing to the sender", async () => {
    await start('oauth');
    const bot = h.newBot();
    const jan = h.user(bot);
    const fleur = h.user(bot, { aadObjectId: 'aad-fleur', name: 'Fleur Bakker' });
    const janLink = startLinkOf(await signInCard(jan));
    const fleursCode = await codeShownAfter(janLink, FLEUR);
    expect(visibleText(validCards(await fleur.say(fleursCode))[0])).toContain('not valid');
    expect(await h.storage.activations.get(jan.key)).toBeNull();
    expect(await h.storage.activations.get(fleur.key)).toBeNull();
  });

  it('an OAuth activation AFAS no longer accepts gets one sign-in card, not the e-mailed code', async () => {
    await start('oauth');
    const jan = h.user(h.newBot());
    await jan.say(await codeShownAfter(startLinkOf(await signInCard(jan))));
    await h.storage.activations.markInvalid(jan.key, h.clock.now());
    const card = onlyCard(await jan.say('my tasks'));
    expect(visibleText(card)).toContain('AFAS no longer accepts your sign-in');
    startLinkOf(card);
  });

  it('"both": a classic user keeps working until AFAS refuses classic tokens, then gets one card to sign in with OAuth', async () => {
    await start('both');
    const jan = h.user(h.newBot());
    const connection = (await h.storage.connections.get('default'))!;
    await h.storage.activations.save({ user: jan.key, connectionId: connection.id, afasUserId: JAN, activatedAt: h.clock.now() }, h.sandbox.issueToken(JAN));
    expect(visibleText(onlyCard(await jan.say('my tasks')))).toContain('My tasks');

    h.sandbox.oauth.setClassicTokensEnabled(false);
    const card = onlyCard(await jan.say('my tasks'));
    expect(visibleText(card)).toContain('moved to signing in with your AFAS account');
    await jan.say(await codeShownAfter(startLinkOf(card)));
    expect((await h.storage.activations.get(jan.key))?.authKind).toBe('oauth');
    expect(visibleText(onlyCard(await jan.say('my tasks')))).toContain('My tasks');
  });
});
