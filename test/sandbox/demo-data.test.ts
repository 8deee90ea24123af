import { euro } from '../../sandbox/demo-vocabulary';
import { parseAfasDate } from '../../src/domain/amsterdam-time';
import { AfasSandbox, DEMO_USERS, TASK_FIELDS } from '../../sandbox';
import { FakeClock } from '../fakes/fake-clock';
import { SandboxHarness } from '../support/sandbox-http';

const NOW = '2026-03-02T10:00:00Z';
const WIRE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('demo data', () => {
  let h: SandboxHarness;

  beforeAll(async () => {
    h = await SandboxHarness.start({ clock: new FakeClock(NOW) });
  });
  afterAll(() => h.close());

  test('there are named Dutch demo users with e-mail addresses and user codes', () => {
    const users = h.sandbox.users();
    expect(users.length).toBeGreaterThanOrEqual(4);
    expect(users).toContainEqual({ userId: 'jan.devries@horizon-groep.example', userCode: '12345.jdevries', name: 'Jan de Vries' });
    expect(users).toContainEqual({ userId: 'fleur.bakker@horizon-groep.example', userCode: '12345.fbakker', name: 'Fleur Bakker' });
  });

  test.each(DEMO_USERS.map((u) => [u.name, u] as const))('%s has the documented number of tasks and signals', async (_name, user) => {
    const token = h.sandbox.issueToken(user.email);
    expect(await h.rows(token, 'Teams_Tasks', 'skip=-1&take=-1')).toHaveLength(user.taskCount);
    expect(await h.rows(token, 'Teams_Signals', 'skip=-1&take=-1')).toHaveLength(user.signalCount);
  });

  test('rows carry exactly the connector fields, with null for empty values and AFAS wire dates', async () => {
    const token = h.sandbox.issueToken('12345.pvisser');
    const rows = await h.rows(token, 'Teams_Tasks', 'skip=-1&take=-1');
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(TASK_FIELDS.map((f) => f.id));
      expect(row.submitdate).toMatch(WIRE_DATE);
      expect(typeof row.opened).toBe('boolean');
      expect(typeof row.subjectid).toBe('number');
    }
    expect(rows.some((r) => r.duedate === null)).toBe(true);
    expect(rows.some((r) => r.opened === true) && rows.some((r) => r.opened === false)).toBe(true);
  });

  test('dates spread over the past four weeks, never in the future', async () => {
    const token = h.sandbox.issueToken('12345.pvisser');
    const instants = (await h.rows(token, 'Teams_Tasks', 'skip=-1&take=-1')).map((r) => parseAfasDate(String(r.submitdate))?.getTime() ?? NaN);
    const now = new Date(NOW).getTime();
    expect(Math.max(...instants)).toBeLessThanOrEqual(now);
    expect(Math.min(...instants)).toBeGreaterThanOrEqual(now - 31 * 86_400_000);
    expect(new Set(instants.map((t) => Math.floor(t / 86_400_000))).size).toBeGreaterThan(10);
  });

  test('tasks and signals are the kinds a Dutch manager meets', async () => {
    const token = h.sandbox.issueToken('12345.pvisser');
    const types = new Set((await h.rows(token, 'Teams_Tasks', 'skip=-1&take=-1')).map((r) => r.subjecttype));
    expect([...types]).toEqual(expect.arrayContaining(['Declaratie', 'Verlofaanvraag', 'Aanvraag lease-auto', 'Inkoopfactuur']));
    const signals = await h.rows(h.sandbox.issueToken('12345.jdevries'), 'Teams_Signals');
    expect(signals.every((s) => s.language === 'NL' && typeof s.description === 'string')).toBe(true);
  });

  test('Pocket_* connectors return the same rows as Teams_*', async () => {
    const token = h.sandbox.issueToken('12345.sjansen');
    expect(await h.rows(token, 'Pocket_Tasks')).toEqual(await h.rows(token, 'Teams_Tasks'));
    expect(await h.rows(token, 'Pocket_Signals')).toEqual(await h.rows(token, 'Teams_Signals'));
  });

  test('the same clock gives the same data in every sandbox', async () => {
    const other = await SandboxHarness.start({ clock: new FakeClock(NOW) });
    try {
      const a = await h.rows(h.sandbox.issueToken('12345.fbakker'), 'Teams_Signals');
      const b = await other.rows(other.sandbox.issueToken('12345.fbakker'), 'Teams_Signals');
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  });
});

describe('sandbox options', () => {
  test('the participant number shapes user codes', () => {
    expect(new AfasSandbox({ participant: '54321' }).users()[0].userCode).toBe('54321.jdevries');
  });

  test('keys that are not 32 hex characters, or a bad participant, are refused at construction', () => {
    expect(() => new AfasSandbox({ apiKey: 'short' })).toThrow(expect.objectContaining({ code: 'sandbox_invalid_option' }));
    expect(() => new AfasSandbox({ environmentKey: 'Z'.repeat(32) })).toThrow(expect.objectContaining({ code: 'sandbox_invalid_option' }));
    expect(() => new AfasSandbox({ participant: '123' })).toThrow(expect.objectContaining({ code: 'sandbox_invalid_option' }));
  });

  test('custom keys replace the demo keys', async () => {
    const apiKey = '0123456789abcdef0123456789ABCDEF';
    const environmentKey = 'FEDCBA9876543210FEDCBA9876543210';
    const h = await SandboxHarness.start({ apiKey, environmentKey });
    try {
      await h.post('/otprequest', { apiKey: '0123456789ABCDEF0123456789ABCDEF', apiToken: environmentKey, userId: '12345.jdevries' });
      expect(h.sandbox.mailbox.messages()).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('demo amounts', () => {
  it('keep the euro sign and the amount together with a no-break space', () => {
    expect(euro(350.88)).toBe('€\u00a0350,88');
  });
});
