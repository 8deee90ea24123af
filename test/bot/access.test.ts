import type { AccessEntry } from '../../src/domain/access-rule';
import { DEFAULT_CONNECTION_ID } from '../../src/use-cases/register-default-connection';
import { visibleText } from '../support/card-inspection';
import { BotHarness, TENANT, type TestUser } from '../support/bot-harness';
import { activateByChat, invokeResponseOf, JAN, onlyCard, onlyText, validCards } from '../support/transcript';

const JAN_AAD = 'aad-jan';
const OWNER = { tenantId: TENANT, upn: 'olga.owner@contoso.nl', aadObjectId: null, displayName: 'Olga Owner', source: 'added' as const, addedBy: 'cli:root', addedAt: new Date('2026-03-01T00:00:00Z') };

describe('access: who may use the app through the connection', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await BotHarness.start();
    await h.storage.owners.add(OWNER);
  });
  afterEach(() => h.close());

  const listOnly = (...entries: AccessEntry[]) =>
    h.storage.accessRules.save({ tenantId: TENANT, connectionId: DEFAULT_CONNECTION_ID, mode: 'listed', entries, updatedBy: 'olga.owner@contoso.nl', updatedAt: h.clock.now() });
  const afasCalls = () => h.sandbox.stats.requests.length;
  const withUpn = (user: TestUser, upn: string): TestUser => {
    // Some clients put the UPN on the activity's `from`; the TestAdapter copies its template onto every activity.
    Object.assign(user.adapter.template.from ?? {}, { userPrincipalName: upn });
    return user;
  };

  it('without any rule everyone in the tenant may activate', async () => {
    const jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
    expect(onlyText(await jan.say('my tasks'))).toMatch(/^My tasks/);
  });

  it('a user who is not listed is told so, with the owners to ask, and AFAS is never called', async () => {
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const jan = h.user(h.newBot());
    for (const text of ['my tasks', 'my signals', 'summary', 'activate']) {
      const shown = onlyText(await jan.say(text));
      expect(shown).toContain('You do not have access to AFAS for Teams');
      expect(shown).toContain('Olga Owner (olga.owner@contoso.nl)');
    }
    expect(afasCalls()).toBe(0);
    expect(h.logger.lines.some((l) => l.message === 'user without access turned away' && l.fields.code === 'access_denied')).toBe(true);
  });

  it('says it in Dutch to a Dutch user', async () => {
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const jan = h.user(h.newBot(), { locale: 'nl-NL' });
    const shown = onlyText(await jan.say('mijn taken'));
    expect(shown).toContain('Je hebt geen toegang tot AFAS for Teams');
    expect(shown).toContain('Vraag een app-eigenaar om je toe te voegen: Olga Owner (olga.owner@contoso.nl)');
  });

  it('a card button of a user without access answers with the same card in place, without calling AFAS', async () => {
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const jan = h.user(h.newBot());
    const replies = await jan.click('list.refresh', { kind: 'task', page: 1 });
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(validCards(replies)[0])).toContain('You do not have access');
    expect(afasCalls()).toBe(0);
  });

  it('help, language and settings still answer a user without access', async () => {
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const jan = h.user(h.newBot());
    expect(onlyText(await jan.say('help'))).toMatch(/^What you can ask me/);
    expect(onlyText(await jan.say('settings'))).toMatch(/^Your settings/);
    expect(onlyText(await jan.say('nederlands'))).not.toContain('geen toegang');
    expect(afasCalls()).toBe(0);
  });

  it('a user listed by object id may use the app', async () => {
    await listOnly({ upn: null, aadObjectId: JAN_AAD });
    const jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
    expect(onlyText(await jan.say('my tasks'))).toMatch(/^My tasks/);
  });

  it('a user listed by UPN is recognised by the UPN Teams gives (any case), and remembered by object id', async () => {
    await listOnly({ upn: 'jan.devries@contoso.nl', aadObjectId: null });
    const jan = withUpn(h.user(h.newBot()), 'Jan.deVries@Contoso.nl');
    await activateByChat(h, jan, JAN);
    expect((await h.storage.accessRules.get(TENANT, DEFAULT_CONNECTION_ID))?.entries).toEqual([{ upn: 'jan.devries@contoso.nl', aadObjectId: JAN_AAD }]);
    // From now on the object id alone is enough (the scheduler and the tab may not know the UPN).
    const again = h.user(h.newBot());
    expect(onlyText(await again.say('my tasks'))).toMatch(/^My tasks/);
  });

  it('when Teams does not say the UPN, a UPN-only list is matched on object id only: the user is turned away', async () => {
    await listOnly({ upn: 'jan.devries@contoso.nl', aadObjectId: null });
    const jan = h.user(h.newBot());
    expect(onlyText(await jan.say('activate'))).toContain('You do not have access');
    expect(afasCalls()).toBe(0);
  });

  it('app owners may use the app even when the list does not name them', async () => {
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const olga = withUpn(h.user(h.newBot(), { aadObjectId: 'aad-olga', name: 'Olga Owner' }), 'olga.owner@contoso.nl');
    await activateByChat(h, olga, JAN);
    expect(onlyText(await olga.say('my tasks'))).toMatch(/^My tasks/);
  });

  it('a user taken off the list loses access at once, mid-activation too, and the activation ends', async () => {
    const jan = h.user(h.newBot());
    await jan.say('activate');
    await jan.say(JAN);
    const code = h.sandbox.mailbox.latestCodeFor(JAN) ?? '';
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const before = afasCalls();
    expect(onlyText(await jan.say(code))).toContain('You do not have access');
    expect(afasCalls()).toBe(before);
    expect(await h.storage.activations.get(jan.key)).toBeNull();
    await listOnly({ upn: null, aadObjectId: JAN_AAD });
    // The dialog was ended: the code is no longer taken as an answer.
    expect(onlyText(await jan.say(code))).toMatch(/did not understand/);
  });

  it('an activated user who is taken off the list gets no AFAS call for the lists', async () => {
    const jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const before = afasCalls();
    expect(onlyText(await jan.say('my tasks'))).toContain('You do not have access');
    expect(onlyText(await jan.say('summary'))).toContain('You do not have access');
    expect(afasCalls()).toBe(before);
  });

  it('without owners the card asks the administrator', async () => {
    await h.storage.owners.remove(TENANT, OWNER.upn);
    await listOnly({ upn: 'someone.else@contoso.nl', aadObjectId: null });
    const card = onlyCard(await h.user(h.newBot()).say('my tasks'));
    expect(visibleText(card)).toContain('Ask your administrator to add you');
  });
});
