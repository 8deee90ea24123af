import type { ConnectionAuth } from '../../contracts/admin-api';
import { FakeAdminApi, refusal } from './admin-fake-api';
import { connection, OWNER_ME } from './admin-fixtures';
import { startAdminTab } from './admin-dom';

function auth(overrides: Partial<ConnectionAuth> = {}): ConnectionAuth {
  return {
    connectionId: 'prod-1',
    authMode: 'classic',
    clientId: null,
    clientSecretSet: false,
    scope: '',
    redirectUri: 'https://teams-app.example.nl/auth/afas/callback',
    users: { classic: 3, oauth: 0 },
    classicEndWarning: false,
    fromConfiguration: false,
    changeable: true,
    ...overrides,
  };
}

const PROD = connection({ id: 'prod-1', name: 'Productie' });

async function openEdit(admin: FakeAdminApi, locale?: string) {
  const tab = await startAdminTab(admin, locale ? { locale } : {});
  await tab.press(locale === 'nl-NL' ? 'Koppeling Productie wijzigen' : 'Edit connection Productie');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return tab;
}

describe('signing in to AFAS in the connection form', () => {
  it('shows the mode, the redirect URI read-only to copy, the counts, and saves only what changed; the secret goes once and is never shown', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [PROD]).answer('connectionAuth', auth()).answer('setConnectionAuth', auth({ authMode: 'both', clientId: 'teams-app', clientSecretSet: true }));
    const tab = await openEdit(admin);
    expect(tab.text('.admin-auth h3')).toBe('Signing in to AFAS');
    expect((tab.$('#auth-authMode') as HTMLSelectElement).value).toBe('classic');
    const redirect = tab.$('#auth-redirectUri') as HTMLInputElement;
    expect([redirect.value, redirect.readOnly, tab.text('label[for="auth-redirectUri"]')]).toEqual(['https://teams-app.example.nl/auth/afas/callback', true, 'Redirect URI']);
    expect(tab.text('#auth-redirectUri-hint')).toContain('copy');
    expect(tab.text('.auth-counts')).toBe('Activated: 3 with a classic token, 0 with OAuth.');
    expect(tab.text('.admin-auth')).not.toContain('stop working');
    expect((tab.$('#auth-clientSecret') as HTMLInputElement).type).toBe('password');
    expect(tab.text('#auth-clientSecret-hint')).toBe('Not set. As the app connector in Profit shows it.');

    (tab.$('#auth-authMode') as HTMLSelectElement).value = 'both';
    tab.type('#auth-clientId', 'teams-app');
    tab.type('#auth-clientSecret', 's3cret');
    await tab.submit('form.auth-form');
    expect(admin.last('setConnectionAuth')).toEqual(['prod-1', { authMode: 'both', clientId: 'teams-app', clientSecret: 's3cret' }]);
    expect((tab.$('#auth-clientSecret') as HTMLInputElement).value).toBe('');
    expect(tab.text('#auth-clientSecret-hint')).toBe('Set. Type a secret only to replace it.');
    expect(tab.text('.admin-auth [role="status"]')).toBe('Saved how people sign in to Productie.');
  });

  it("the API's problems land under the field they name", async () => {
    const problems = [{ field: 'clientId', code: 'oauthClientRequired', params: {}, message: 'is required to sign in with OAuth' }];
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [PROD]).answer('connectionAuth', auth()).answer('setConnectionAuth', refusal(400, { code: 'validation_failed', message: 'Not saved', problems }));
    const tab = await openEdit(admin);
    (tab.$('#auth-authMode') as HTMLSelectElement).value = 'oauth';
    await tab.submit('form.auth-form');
    expect(tab.text('#auth-clientId-problem')).toBe('is required to sign in with OAuth (the app connector in AFAS shows it)');
    expect(tab.$('#auth-clientId').getAttribute('aria-invalid')).toBe('true');
  });

  it('from 1 June 2027 the owner is warned while classic users remain, and can invite every classic user (in Dutch too)', async () => {
    const admin = new FakeAdminApi()
      .answer('me', OWNER_ME)
      .answer('connections', [PROD])
      .answer('connectionAuth', auth({ authMode: 'both', clientId: 'teams-app', clientSecretSet: true, users: { classic: 2, oauth: 5 }, classicEndWarning: true }))
      .answer('inviteClassicUsers', { connectionId: 'prod-1', invite: '2027-06-02', invited: 2, alreadyInvited: 0, notReached: 0 }, { connectionId: 'prod-1', invite: '2027-06-02', invited: 0, alreadyInvited: 0, notReached: 2 });
    const tab = await openEdit(admin);
    expect(tab.text('.admin-auth [role="alert"]')).toBe('Classic AFAS tokens stop working on 31 August 2027: 2 users still use one.');
    await tab.press('Invite every classic user');
    expect(admin.last('inviteClassicUsers')).toEqual(['prod-1']);
    expect(tab.text('.admin-auth [role="status"]')).toBe('Invited: 2. Invited earlier today: 0. Not reached: 0.');
    expect(tab.$('.admin-auth [role="status"]').classList.contains('notice-good')).toBe(true);
    // Reaching nobody is said plainly, not in the success colour.
    await tab.press('Invite every classic user');
    expect(tab.text('.admin-auth [role="status"]')).toBe('Invited: 0. Invited earlier today: 0. Not reached: 2.');
    expect(tab.$('.admin-auth [role="status"]').classList.contains('notice-good')).toBe(false);

    const nl = await openEdit(new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [PROD]).answer('connectionAuth', auth({ users: { classic: 1, oauth: 0 }, classicEndWarning: true })), 'nl-NL');
    expect(nl.text('.admin-auth [role="alert"]')).toBe('Klassieke AFAS-tokens werken na 31 augustus 2027 niet meer: 1 gebruiker heeft er nog een.');
  });

  it('the AFAS_* connection shows its values read-only, says they come from the settings, and offers no save', async () => {
    const configured = connection({ id: 'default', name: 'AFAS', fromConfiguration: true });
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [configured]).answer('connectionAuth', auth({ connectionId: 'default', authMode: 'oauth', clientId: 'from-env', clientSecretSet: true, fromConfiguration: true, changeable: false }));
    const tab = await startAdminTab(admin);
    await tab.press('Edit connection AFAS');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(['authMode', 'clientId', 'clientSecret', 'scope'].map((f) => (tab.$(`#auth-${f}`) as HTMLInputElement).disabled)).toEqual([true, true, true, true]);
    expect((tab.$('#auth-clientId') as HTMLInputElement).value).toBe('from-env');
    expect(tab.text('.admin-auth')).toContain('AFAS_AUTH_MODE');
    expect(tab.$$('.admin-auth button')).toHaveLength(0);
  });
});

describe('the audit log says the sign-in changes as sentences', () => {
  it('connection.auth and connection.oauthInvite', async () => {
    const { auditWhat } = await import('../../tab/admin/audit-text');
    const event = (action: string) => ({ id: 1, at: '2027-06-02T08:00:00Z', actor: 'jan', action, target: 'prod-1', targetName: 'Productie', tenantId: null, details: {} });
    expect(auditWhat('en', event('connection.auth'))).toBe("Changed how people sign in to connection 'Productie'.");
    expect(auditWhat('nl', event('connection.oauthInvite'))).toBe("De klassieke gebruikers van koppeling 'Productie' uitgenodigd om met OAuth aan te melden.");
  });
});
