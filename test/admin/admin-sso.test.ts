import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { ssoAdminAuthenticator } from '../../src/http/admin-auth';
import type { SsoTokenValidator } from '../../src/ports/sso-token-validator';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { AdminHarness, PEOPLE, TENANT_A, TENANT_B } from '../support/admin-harness';

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

/** Accepts any token and believes its tid/oid: the signature check is the validator's job, tested with it. */
const believingValidator: SsoTokenValidator = {
  async validate(token) {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { tid: string; oid: string };
    return { user: { tenantId: claims.tid, aadObjectId: claims.oid }, name: null };
  },
};

async function get(h: AdminHarness, token: string | null): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.origin}/api/admin/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the admin API with the tab\'s Teams SSO token', () => {
  it('admits an owner by the object id in a valid token, refuses a missing token with 401 and logs why', async () => {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    const issuer = await DevTokenIssuer.create({ tenantId: TENANT_A, clock });
    const logger = new RecordingLogger();
    const h = await AdminHarness.start({ authenticate: ssoAdminAuthenticator(issuer, logger) });
    try {
      await h.storage.owners.add({ tenantId: TENANT_A, upn: PEOPLE.olga.upn, aadObjectId: PEOPLE.olga.aadObjectId, displayName: 'Olga', source: 'added', addedBy: 'test', addedAt: clock.now() });
      const olga = await issuer.issue({ tenantId: TENANT_A, aadObjectId: PEOPLE.olga.aadObjectId, name: 'Olga' });
      const piet = await issuer.issue({ tenantId: TENANT_A, aadObjectId: PEOPLE.piet.aadObjectId, name: 'Piet' });
      expect(await get(h, olga)).toEqual({ status: 200, body: { tenantId: TENANT_A, actor: `${TENANT_A}/${PEOPLE.olga.aadObjectId}`, everyTenant: false } });
      expect((await get(h, piet)).status).toBe(403);
      expect(await get(h, null)).toEqual({ status: 401, body: { code: 'unauthorized', message: 'Sign in with Teams first.' } });
      expect((await get(h, `${olga.slice(0, -4)}AAAA`)).status).toBe(401);
      expect(logger.lines.filter((l) => l.message === 'admin request refused: Teams sign-in token not accepted').map((l) => l.fields.reason)).toEqual(['missing', 'signature']);
      expect(logger.text()).not.toContain(olga);
    } finally {
      await h.close();
    }
  });

  it('trusts the upn claim everywhere, but preferred_username only for owners of the caller\'s own tenant', async () => {
    const h = await AdminHarness.start({ authenticate: ssoAdminAuthenticator(believingValidator, new RecordingLogger()) });
    try {
      await h.addOwner('oscar', null);
      await h.addOwner('bram');
      const upnToken = unsignedToken({ tid: TENANT_B, oid: 'cccccccc-0000-4000-8000-000000000001', upn: 'Oscar@Operator.nl' });
      expect((await get(h, upnToken)).body).toMatchObject({ actor: 'oscar@operator.nl', everyTenant: true });
      // Another tenant can name anyone in preferred_username: it must not make them an owner of every tenant.
      const spoofed = unsignedToken({ tid: TENANT_B, oid: 'cccccccc-0000-4000-8000-000000000002', preferred_username: 'oscar@operator.nl' });
      expect((await get(h, spoofed)).status).toBe(403);
      const tenantOwner = unsignedToken({ tid: TENANT_B, oid: 'cccccccc-0000-4000-8000-000000000003', preferred_username: 'bram.owner@fabrikam.nl' });
      expect((await get(h, tenantOwner)).body).toMatchObject({ tenantId: TENANT_B, everyTenant: false });
      expect((await h.storage.owners.get(null, 'oscar@operator.nl'))?.aadObjectId).toBe('cccccccc-0000-4000-8000-000000000001');
    } finally {
      await h.close();
    }
  });
});
