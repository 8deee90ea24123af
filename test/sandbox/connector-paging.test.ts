import { MAX_CELLS, TASK_FIELDS } from '../../sandbox';
import { FakeClock } from '../fakes/fake-clock';
import { SandboxHarness, query } from '../support/sandbox-http';

const PIETER = '12345.pvisser'; // 130 tasks
const LOTTE = '12345.lsmit'; // none of her own

describe('GetConnector paging, order and limits', () => {
  let h: SandboxHarness;
  let pieter: string;

  beforeEach(async () => {
    h = await SandboxHarness.start({ clock: new FakeClock('2026-03-02T10:00:00Z') });
    pieter = h.sandbox.issueToken(PIETER);
  });
  afterEach(() => h.close());

  test('without skip/take the answer is {skip:0, take:100} with the first 100 rows', async () => {
    const res = await h.get('/connectors/Teams_Tasks', pieter);
    const body = (await res.json()) as { skip: number; take: number; rows: unknown[] };
    expect(body.skip).toBe(0);
    expect(body.take).toBe(100);
    expect(body.rows).toHaveLength(100);
  });

  test('pages of take rows follow each other until a short page, covering every row once', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 40) {
      const rows = await h.rows(pieter, 'Teams_Tasks', query({ skip, take: 40, orderbyfieldids: '-submitdate,guid_task' }));
      seen.push(...rows.map((r) => String(r.guid_task)));
      if (rows.length < 40) break;
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
  });

  test('orderbyfieldids sorts ascending, `-` descending, with further fields breaking ties', async () => {
    const rows = await h.rows(pieter, 'Teams_Tasks', query({ skip: 0, take: 200, orderbyfieldids: '-submitdate' }));
    const dates = rows.map((r) => String(r.submitdate));
    expect(dates).toEqual([...dates].sort().reverse());
    const bySubmitter = await h.rows(pieter, 'Teams_Tasks', query({ orderbyfieldids: 'submitter,-subjectid', take: 200, skip: 0 }));
    for (let i = 1; i < bySubmitter.length; i++) {
      const [a, b] = [bySubmitter[i - 1], bySubmitter[i]];
      const cmp = String(a.submitter).localeCompare(String(b.submitter), 'nl', { sensitivity: 'accent' });
      expect(cmp).toBeLessThanOrEqual(0);
      if (cmp === 0) expect(Number(a.subjectid)).toBeGreaterThanOrEqual(Number(b.subjectid));
    }
  });

  test('numbers sort as numbers and empty values come first when ascending', async () => {
    h.sandbox.addTask(LOTTE, { guid_task: 'X', subjectid: 1000, workflow: 'b' });
    h.sandbox.addTask(LOTTE, { guid_task: 'Y', subjectid: 75, workflow: null });
    h.sandbox.addTask(LOTTE, { guid_task: 'Z', subjectid: 250, workflow: 'a' });
    const lotte = h.sandbox.issueToken(LOTTE);
    expect((await h.rows(lotte, 'Teams_Tasks', query({ orderbyfieldids: 'subjectid' }))).map((r) => r.guid_task)).toEqual(['Y', 'Z', 'X']);
    expect((await h.rows(lotte, 'Teams_Tasks', query({ orderbyfieldids: 'workflow' }))).map((r) => r.guid_task)).toEqual(['Y', 'Z', 'X']);
    expect((await h.rows(lotte, 'Teams_Tasks', query({ orderbyfieldids: '-workflow' }))).map((r) => r.guid_task)).toEqual(['X', 'Z', 'Y']);
  });

  test('skip or take without orderbyfieldids is a 400 (the sandbox enforces AFAS\'s "always sort when paging")', async () => {
    expect((await h.get('/connectors/Teams_Tasks?skip=0&take=10', pieter)).status).toBe(400);
    expect((await h.get('/connectors/Teams_Tasks?take=10', pieter)).status).toBe(400);
    expect((await h.get('/connectors/Teams_Tasks?skip=10', pieter)).status).toBe(400);
  });

  test('skip=-1&take=-1 returns every row, without a sort order', async () => {
    const res = await h.get('/connectors/Teams_Tasks?skip=-1&take=-1', pieter);
    const body = (await res.json()) as { skip: number; take: number; rows: unknown[] };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ skip: -1, take: -1 });
    expect(body.rows).toHaveLength(130);
  });

  test('skip/take that are not whole numbers are a 400', async () => {
    expect((await h.get('/connectors/Teams_Tasks?skip=a&take=10&orderbyfieldids=guid_task', pieter)).status).toBe(400);
    expect((await h.get('/connectors/Teams_Tasks?skip=0&take=-5&orderbyfieldids=guid_task', pieter)).status).toBe(400);
  });

  test('ordering on a field the connector does not have is a 500 naming it', async () => {
    const res = await h.get('/connectors/Teams_Tasks?orderbyfieldids=-nope', pieter);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ externalMessage: "Connector field 'nope' not found", errorNumber: -1 });
  });

  test('a query string of 2049 characters is answered; one character more gets 404', async () => {
    const build = (length: number): string => {
      const head = 'filterfieldids=description&operatortypes=6&filtervalues=';
      return head + 'x'.repeat(length - head.length);
    };
    expect(build(2049)).toHaveLength(2049);
    expect((await h.get(`/connectors/Teams_Tasks?${build(2049)}`, pieter)).status).toBe(200);
    const tooLong = await h.get(`/connectors/Teams_Tasks?${build(2050)}`, pieter);
    expect(tooLong.status).toBe(404);
    expect(tooLong.headers.get('content-type')).toContain('application/json');
  });

  test('more than 150,000 cells (rows x columns) in one answer is a 500 "Out of memory"', async () => {
    const fitting = Math.floor(MAX_CELLS / TASK_FIELDS.length);
    for (let i = 0; i < fitting + 1; i++) h.sandbox.addTask(LOTTE, { guid_task: `bulk-${i}` });
    const lotte = h.sandbox.issueToken(LOTTE);
    const ok = await h.get(`/connectors/Teams_Tasks?${query({ skip: 0, take: fitting, orderbyfieldids: 'guid_task' })}`, lotte);
    expect(ok.status).toBe(200);
    const tooMuch = await h.get('/connectors/Teams_Tasks?skip=-1&take=-1', lotte);
    expect(tooMuch.status).toBe(500);
    expect(await tooMuch.json()).toMatchObject({ externalMessage: 'Out of memory' });
  });

  test('a connector outside the app connector, or unknown, is AFAS\'s 500 "not supported... not authorized"', async () => {
    h.sandbox.setAppConnectorConnectors(['Teams_Tasks', 'Teams_Signals']);
    for (const id of ['Unknown_Connector', 'Profit_Subject_Tasks']) {
      const res = await h.get(`/connectors/${id}`, pieter);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ externalMessage: 'GetConnector not supported for this app or the user is not authorized' });
    }
  });

  test('connector ids are case-insensitive, and an unknown path is a 404', async () => {
    expect((await h.get('/CONNECTORS/teams_tasks', pieter)).status).toBe(200);
    expect((await h.get('/connectors', pieter)).status).toBe(404);
    expect((await h.get('/nothing/here', pieter)).status).toBe(404);
  });
});
