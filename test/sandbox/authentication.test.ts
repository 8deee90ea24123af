import { SandboxHarness } from '../support/sandbox-http';

const JAN = '12345.jdevries';
const ENDPOINTS = ['/connectors/Teams_Tasks', '/metainfo', '/metainfo/get/Teams_Tasks', '/ProfitVersion'];

describe('authenticated endpoints', () => {
  let h: SandboxHarness;

  beforeEach(async () => {
    h = await SandboxHarness.start();
  });
  afterEach(() => h.close());

  async function expect401(res: Response): Promise<void> {
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ externalMessage: expect.any(String), errorNumber: -1, profitLogReference: expect.any(String) });
  }

  test.each(ENDPOINTS)('%s answers 401 without an Authorization header', async (path) => {
    await expect401(await h.get(path));
  });

  test.each(ENDPOINTS)('%s answers 200 with a valid token', async (path) => {
    expect((await h.get(path, h.sandbox.issueToken(JAN))).status).toBe(200);
  });

  test('a token the sandbox never issued gets 401', async () => {
    await expect401(await h.get('/metainfo', `<token><version>1</version><data>${'AB'.repeat(32)}</data></token>`));
  });

  test('a revoked token gets 401 while the user\'s other tokens keep working', async () => {
    const revoked = h.sandbox.issueToken(JAN);
    const other = h.sandbox.issueToken(JAN);
    h.sandbox.revokeToken(revoked);
    await expect401(await h.get('/metainfo', revoked));
    expect((await h.get('/metainfo', other)).status).toBe(200);
  });

  test('the token with AFAS\'s trailing CRLF still in it is refused: clients must trim it', async () => {
    await expect401(await h.get('/metainfo', `${h.sandbox.issueToken(JAN)}\r\n`));
  });

  test('the raw (not base64) token, a Bearer header or a bare base64 value get 401', async () => {
    const token = h.sandbox.issueToken(JAN);
    for (const value of [`AfasToken ${token}`, `Bearer ${Buffer.from(token).toString('base64')}`, Buffer.from(token).toString('base64')]) {
      await expect401(await fetch(`${h.baseUrl}/metainfo`, { headers: { Authorization: value } }));
    }
  });

  test('issueToken and the request log know users by e-mail address or user code', async () => {
    const token = h.sandbox.issueToken('jan.devries@horizon-groep.example');
    await h.get('/ProfitVersion', token);
    expect(h.sandbox.stats.requests[0].userId).toBe('jan.devries@horizon-groep.example');
    expect(() => h.sandbox.issueToken('nobody@nowhere.example')).toThrow(expect.objectContaining({ code: 'sandbox_unknown_user' }));
  });

  test('each user sees only their own rows', async () => {
    const jan = await h.rows(h.sandbox.issueToken(JAN), 'Teams_Tasks');
    const fleur = await h.rows(h.sandbox.issueToken('12345.fbakker'), 'Teams_Tasks');
    const lotte = await h.rows(h.sandbox.issueToken('12345.lsmit'), 'Teams_Tasks');
    expect(jan).toHaveLength(9);
    expect(fleur).toHaveLength(7);
    expect(lotte).toEqual([]);
    const janIds = new Set(jan.map((r) => r.guid_task));
    expect(fleur.some((r) => janIds.has(r.guid_task))).toBe(false);
  });
});
