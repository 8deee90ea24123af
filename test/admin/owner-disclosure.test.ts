import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { ssoAdminAuthenticator } from '../../src/http/admin-auth';
import type { SsoTokenValidator } from '../../src/ports/sso-token-validator';
import { RecordingLogger } from '../fakes/recording-logger';
import { AdminHarness, PEOPLE, TENANT_A, TENANT_B } from '../support/admin-harness';

const REFUSED = 'Only app owners can change the settings of AFAS for Teams.';
const NOBODY_OF_B = { tenantId: TENANT_B, aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000099', upn: 'bea.user@fabrikam.nl' };

/**
 * The 403 that tells a non-owner whom to ask names only people who can act for the caller's
 * tenant; the operator's owners of every tenant appear by name, their address only to the
 * operator's own tenant (MicrosoftAppTenantId). Through the admin API, with Teams SSO tokens.
 */
describe('whom a non-owner is told to ask', () => {
  let h: AdminHarness;
  const issuers = new Map<string, DevTokenIssuer>();

  beforeEach(async () => {
    const clock = { now: () => new Date(), sleep: async () => undefined };
    for (const tenantId of [TENANT_A, TENANT_B]) issuers.set(tenantId, await DevTokenIssuer.create({ tenantId, clock }));
    // Signed tokens of two tenants, each checked by its own issuer's keys.
    const validator: SsoTokenValidator = {
      validate: (token, options) => (issuers.get(TENANT_A) as DevTokenIssuer).validate(token, options).catch(() => (issuers.get(TENANT_B) as DevTokenIssuer).validate(token, options)),
    };
    h = await AdminHarness.start({ authenticate: ssoAdminAuthenticator(validator, new RecordingLogger()), homeTenantId: TENANT_A });
    const add = (tenantId: string | null, upn: string, displayName: string | null) =>
      h.storage.owners.add({ tenantId, upn, aadObjectId: null, displayName, source: 'added', addedBy: 'test', addedAt: h.clock.now() });
    await add(TENANT_A, PEOPLE.olga.upn, null);
    await add(null, PEOPLE.oscar.upn, 'Oscar Operator');
    await add(null, 'night.shift@operator.nl', null);
  });
  afterEach(() => h.close());

  async function refusal(who: { tenantId: string; aadObjectId: string; upn: string }): Promise<{ status: number; message: string; text: string }> {
    const token = await (issuers.get(who.tenantId) as DevTokenIssuer).issue({ tenantId: who.tenantId, aadObjectId: who.aadObjectId, name: 'Someone', upn: who.upn });
    const res = await fetch(`${h.origin}/api/admin/connections`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, message: (JSON.parse(text) as { message: string }).message, text };
  }

  it('a user of another tenant sees that tenant\'s owners and the operator\'s by name, never another tenant\'s or the operator\'s addresses', async () => {
    await h.addOwner('bram');
    const res = await refusal(NOBODY_OF_B);
    expect(res.status).toBe(403);
    expect(res.message).toBe(`${REFUSED} Ask an owner: bram.owner@fabrikam.nl, Oscar Operator.`);
    for (const hidden of ['olga.owner@contoso.nl', 'oscar@operator.nl', 'night.shift@operator.nl', 'contoso', 'operator.nl']) expect(res.text).not.toContain(hidden);
  });

  it('a tenant without owners of its own is sent to the operator, still without addresses', async () => {
    await h.storage.owners.remove(null, PEOPLE.oscar.upn);
    const res = await refusal(NOBODY_OF_B);
    expect(res.message).toBe(`${REFUSED} Ask the operator of AFAS for Teams to make someone of your organisation an owner.`);
    expect(res.text).not.toContain('@');
  });

  it('in the operator\'s own tenant, the operator\'s owners are named with their address', async () => {
    const res = await refusal(PEOPLE.piet);
    expect(res.message).toBe(`${REFUSED} Ask an owner: olga.owner@contoso.nl, night.shift@operator.nl, Oscar Operator (oscar@operator.nl).`);
  });
});
