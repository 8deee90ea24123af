import { FakeTabApi, problem } from './fakes/fake-tab-api';
import { FakeTabHost } from './fakes/fake-tab-host';
import { tile } from './fixtures';
import { startTab, type TabUnderTest } from './tab-dom';

const JAN = 'jan.devries@horizon-groep.example';

function notActivated(api = new FakeTabApi()): FakeTabApi {
  api.tiles.push({ state: 'activate', reason: 'not_activated', attempt: null });
  return api;
}

async function toCodeStep(tab: TabUnderTest): Promise<void> {
  tab.api.codeRequests.push({ afasUserId: JAN, nextRequestAt: '2026-03-02T08:01:00.000Z' });
  await tab.submit();
}

describe('activation inside the tab', () => {
  it('asks which AFAS user, prefilled with the Teams sign-in name, and explains why', async () => {
    const tab = await startTab({ api: notActivated() });
    expect(tab.$('h1').textContent).toBe('Activate AFAS for Teams');
    expect(tab.text()).toContain('AFAS for Teams needs to know who you are in AFAS.');
    const input = tab.$('#afas-user-id') as HTMLInputElement;
    expect(input.value).toBe(JAN);
    expect(tab.$('label[for="afas-user-id"]').textContent).toBe('AFAS user (e-mail address or user code)');
    expect(tab.doc.activeElement).toBe(input);
  });

  it('says the activation expired when AFAS stopped accepting the user', async () => {
    const api = new FakeTabApi();
    api.tiles.push({ state: 'activate', reason: 'expired', attempt: null });
    const tab = await startTab({ api });
    expect(tab.text()).toContain('Your activation has expired or was revoked in AFAS. Activate again to continue.');
  });

  it('checks the user id before asking AFAS: nothing typed, or not a user id', async () => {
    const tab = await startTab({ api: notActivated(), host: new FakeTabHost({ locale: 'en-GB', theme: 'default', loginHint: null }) });
    await tab.submit();
    expect(tab.$('#afas-user-id-problem').textContent).toBe('Enter your AFAS e-mail address or user code.');
    expect(tab.$('#afas-user-id').getAttribute('aria-invalid')).toBe('true');
    expect(tab.$('#afas-user-id').getAttribute('aria-describedby')).toBe('afas-user-id-problem');
    tab.type('#afas-user-id', 'jan de vries');
    await tab.submit();
    expect(tab.$('#afas-user-id-problem').textContent).toBe('That is not an AFAS e-mail address or user code. Check it and try again.');
    expect((tab.$('#afas-user-id') as HTMLInputElement).value).toBe('jan de vries');
    expect(tab.api.calls).toEqual(['tile']);
  });

  it('requests the code, then asks for it with the reasons a mail may not come', async () => {
    const tab = await startTab({ api: notActivated() });
    await toCodeStep(tab);
    expect(tab.api.calls).toEqual(['tile', `requestCode ${JAN}`]);
    expect(tab.text()).toContain(`AFAS has been asked to e-mail a code to the address it holds for ${JAN}. Enter that code below.`);
    expect(tab.doc.activeElement?.id).toBe('afas-code');
    expect(tab.$('#afas-code').getAttribute('autocomplete')).toBe('one-time-code');
    expect(tab.$('details.no-mail summary').textContent).toBe('No e-mail after a few minutes? These are the known reasons:');
    expect(tab.$$('details.no-mail li')).toHaveLength(5);
  });

  it('lets a new code be requested only when the limit allows, and enables it by itself when the minute is over', async () => {
    const tab = await startTab({ api: notActivated() });
    await toCodeStep(tab);
    const resend = () => tab.$('[data-focus-key="resend"]');
    expect(resend().getAttribute('aria-disabled')).toBe('true');
    expect(tab.text()).toContain('You can request a new code at 09:01.');
    await tab.click('[data-focus-key="resend"]');
    expect(tab.api.calls).not.toContain('resendCode');
    await tab.timers.advance(61_000);
    expect(resend().getAttribute('aria-disabled')).toBeNull();
    tab.api.codeRequests.push({ afasUserId: JAN, nextRequestAt: '2026-03-02T08:02:01.000Z' });
    await tab.click('[data-focus-key="resend"]');
    expect(tab.api.calls).toContain('resendCode');
    expect(tab.text()).toContain('A new code has been requested. Use the code from the newest e-mail.');
  });

  it('does not send what cannot be a code, and explains AFAS\'s refusal with the attempts left', async () => {
    const tab = await startTab({ api: notActivated() });
    await toCodeStep(tab);
    tab.type('#afas-code', 'abc');
    await tab.submit();
    expect(tab.$('#afas-code-problem').textContent).toBe("That doesn't look like the code from the e-mail. Copy the code exactly as it appears there.");
    expect(tab.api.calls.filter((c) => c.startsWith('confirmCode'))).toEqual([]);
    tab.api.confirmations.push(problem(422, { code: 'activation_code_rejected', reason: 'De code is onjuist.', attemptsLeft: 2 }));
    tab.type('#afas-code', '123 456');
    await tab.submit();
    expect(tab.api.calls).toContain('confirmCode 123 456');
    expect(tab.$('#afas-code-problem').textContent).toBe('AFAS did not accept this code: De code is onjuist. You can try 2 more times.');
  });

  it('shows AFAS\'s reason as text, even when it looks like markup', async () => {
    const tab = await startTab({ api: notActivated() });
    await toCodeStep(tab);
    tab.api.confirmations.push(problem(422, { code: 'activation_code_rejected', reason: '<img src=x onerror=alert(1)>', attemptsLeft: 1 }));
    tab.type('#afas-code', '123456');
    await tab.submit();
    expect(tab.$('#afas-code-problem').textContent).toBe('AFAS did not accept this code: <img src=x onerror=alert(1)> You can try 1 more time.');
    expect(tab.root.querySelector('img')).toBeNull();
  });

  it('stops after three wrong codes and starts again on request', async () => {
    const tab = await startTab({ api: notActivated() });
    await toCodeStep(tab);
    tab.api.confirmations.push(problem(409, { code: 'activation_too_many_attempts' }));
    tab.type('#afas-code', '123456');
    await tab.submit();
    expect(tab.text()).toContain('The code was wrong 3 times, so this activation has stopped.');
    await tab.click('[data-focus-key="start-again"]');
    expect((tab.$('#afas-user-id') as HTMLInputElement).value).toBe(JAN);
  });

  it('goes straight to the code when one was asked for moments ago, as the bot does', async () => {
    const api = notActivated();
    api.codeRequests.push(problem(429, { code: 'activation_throttled', retryAt: '2026-03-02T08:00:40.000Z', codeStillUsable: true }));
    const tab = await startTab({ api });
    await tab.submit();
    expect(tab.$('#afas-code')).toBeDefined();
    expect(tab.text()).toContain('You can request a new code at 09:00.');
  });

  it('continues at the code step after a reload', async () => {
    const api = new FakeTabApi();
    api.tiles.push({ state: 'activate', reason: 'not_activated', attempt: { afasUserId: '12345.jdevries', nextRequestAt: null } });
    const tab = await startTab({ api });
    expect(tab.text()).toContain('the address it holds for 12345.jdevries');
    expect(tab.$('[data-focus-key="resend"]').getAttribute('aria-disabled')).toBeNull();
    await tab.click('[data-focus-key="other-user"]');
    expect((tab.$('#afas-user-id') as HTMLInputElement).value).toBe('12345.jdevries');
  });

  it('keeps the form when AFAS is down, and says so in plain words', async () => {
    const tab = await startTab({ api: notActivated() });
    tab.api.codeRequests.push(problem(503, { code: 'afas_failure', failure: { kind: 'unreachable' } }));
    await tab.submit();
    expect(tab.$('#afas-user-id-problem').textContent).toBe('AFAS cannot be reached right now. Please try again in a few minutes.');
    expect((tab.$('#afas-user-id') as HTMLInputElement).value).toBe(JAN);
  });

  it('after the right code, says so and shows the tile', async () => {
    const api = notActivated();
    const tab = await startTab({ api });
    await toCodeStep(tab);
    api.confirmations.push({ afasUserId: JAN });
    api.tiles.splice(0, api.tiles.length, tile());
    tab.type('#afas-code', '123456');
    await tab.submit();
    expect(tab.text()).toContain(`Done: Teams is now linked to AFAS user ${JAN}.`);
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
  });

  it('speaks Dutch in Dutch Teams', async () => {
    const tab = await startTab({ api: notActivated(), host: new FakeTabHost({ locale: 'nl-BE', theme: 'default', loginHint: null }) });
    expect(tab.$('h1').textContent).toBe('AFAS for Teams activeren');
    expect(tab.$('button[type="submit"]').textContent).toBe('Code versturen');
  });
});
