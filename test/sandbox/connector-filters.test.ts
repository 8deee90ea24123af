import { FakeClock } from '../fakes/fake-clock';
import { SandboxHarness, query } from '../support/sandbox-http';

/** Four tasks for Lotte Smit (who has none of her own), chosen so every operator tells them apart. */
const LOTTE = '12345.lsmit';
const TASKS = [
  { guid_task: 'A', description: 'Declaratie reiskosten maart', submitter: 'Bram de Boer', submitdate: '2026-03-01T09:30:00Z', subjectid: 100, opened: false, workflow: 'Declaratie' },
  { guid_task: 'B', description: 'Verlofaanvraag zomer', submitter: 'Eva de Graaf', submitdate: '2026-02-20T14:00:00Z', subjectid: 250, opened: true, workflow: null },
  { guid_task: 'C', description: 'Inkoopfactuur Van Dijk & Zn., Utrecht; spoed', submitter: 'bram de boer', submitdate: '2026-02-27T23:30:00Z', subjectid: 75, opened: false, workflow: 'Inkoopfactuur' },
  { guid_task: 'D', description: 'Aanvraag lease-auto', submitter: 'Zoë de Wit', submitdate: '2026-03-02T08:00:00Z', subjectid: 1000, opened: true, workflow: 'Lease' },
];

describe('GetConnector filters', () => {
  let h: SandboxHarness;
  let token: string;

  beforeAll(async () => {
    h = await SandboxHarness.start({ clock: new FakeClock('2026-03-02T10:00:00Z') });
    for (const task of TASKS) h.sandbox.addTask(LOTTE, task);
    token = h.sandbox.issueToken(LOTTE);
  });
  afterAll(() => h.close());

  async function ids(params: Record<string, string | number>): Promise<string[]> {
    const rows = await h.rows(token, 'Teams_Tasks', query(params));
    return rows.map((r) => String(r.guid_task)).sort();
  }
  const one = (field: string, operator: number, value = '') => ids({ filterfieldids: field, filtervalues: value, operatortypes: operator });

  test.each([
    ['1 equals (text, case-insensitive)', 'submitter', 1, 'BRAM DE BOER', ['A', 'C']],
    ['2 greater or equal (numbers compare as numbers)', 'subjectid', 2, '250', ['B', 'D']],
    ['3 less or equal', 'subjectid', 3, '100', ['A', 'C']],
    ['4 greater than', 'subjectid', 4, '100', ['B', 'D']],
    ['5 less than', 'subjectid', 5, '100', ['C']],
    ['6 contains', 'description', 6, 'AANVRAAG', ['B', 'D']],
    ['6 contains with AFAS % wildcards', 'description', 6, '%factuur%utrecht%', ['C']],
    ['7 not equal (an empty value is not equal)', 'workflow', 7, 'declaratie', ['B', 'C', 'D']],
    ['7 with % means does not contain', 'description', 7, '%aanvraag%', ['A', 'C']],
    ['8 empty', 'workflow', 8, '', ['B']],
    ['9 not empty', 'workflow', 9, '', ['A', 'C', 'D']],
    ['10 starts with', 'description', 10, 'aanvraag', ['D']],
    ['11 does not contain', 'description', 11, 'aanvraag', ['A', 'C']],
    ['12 does not start with', 'description', 12, 'verlof', ['A', 'C', 'D']],
    ['13 ends with', 'description', 13, 'ZOMER', ['B']],
    ['14 does not end with', 'description', 14, 'zomer', ['A', 'C', 'D']],
    ['15 quick filter (contains in the field)', 'description', 15, 'lease', ['D']],
  ])('operator %s', async (_name, field, operator, value, expected) => {
    expect(await one(field, operator, value)).toEqual(expected);
  });

  test('dates compare as AFAS wall clock, with values written without Z', async () => {
    expect(await one('submitdate', 2, '2026-03-01T00:00:00')).toEqual(['A', 'D']);
    expect(await one('submitdate', 1, '2026-02-27T23:30:00')).toEqual(['C']);
    expect(await one('submitdate', 5, '2026-02-28')).toEqual(['B', 'C']);
    expect(await one('submitdate', 4, '2026-03-02T07:59:59')).toEqual(['D']);
  });

  test('a date value with Z is refused with a 500, as AFAS wants filter dates without it', async () => {
    const res = await h.get(`/connectors/Teams_Tasks?${query({ filterfieldids: 'submitdate', filtervalues: '2026-03-01T00:00:00Z', operatortypes: 2 })}`, token);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { externalMessage: string }).externalMessage).toContain('submitdate');
  });

  test('booleans filter as true/false or 1/0; anything else is a 500', async () => {
    expect(await one('opened', 1, 'true')).toEqual(['B', 'D']);
    expect(await one('opened', 1, '0')).toEqual(['A', 'C']);
    const res = await h.get(`/connectors/Teams_Tasks?${query({ filterfieldids: 'opened', filtervalues: 'yes', operatortypes: 1 })}`, token);
    expect(res.status).toBe(500);
  });

  test('a non-number for a number field is a 500', async () => {
    const res = await h.get(`/connectors/Teams_Tasks?${query({ filterfieldids: 'subjectid', filtervalues: 'abc', operatortypes: 2 })}`, token);
    expect(res.status).toBe(500);
  });

  test('`,` ANDs conditions and `;` separates OR-groups in the parallel lists', async () => {
    expect(await ids({ filterfieldids: 'submitter,subjectid', filtervalues: 'bram de boer,80', operatortypes: '1,4' })).toEqual(['A']);
    expect(await ids({ filterfieldids: 'subjectid;subjectid', filtervalues: '75;1000', operatortypes: '1;1' })).toEqual(['C', 'D']);
    expect(await ids({ filterfieldids: 'opened,subjectid;workflow', filtervalues: 'false,90;', operatortypes: '1,5;8' })).toEqual(['B', 'C']);
  });

  test('field ids and parameter names are case-insensitive', async () => {
    expect(await ids({ FilterFieldIds: 'SubjectId', FilterValues: '75', OperatorTypes: '1' })).toEqual(['C']);
  });

  test('filterjson: Filters are OR-ed, Fields in one Filter AND-ed, and values may hold , and ;', async () => {
    const filterjson = JSON.stringify({
      Filters: {
        Filter: [
          { '@FilterId': 'Filter 1', Field: [{ '@FieldId': 'description', '@OperatorType': '6', '#text': 'Zn., Utrecht; spoed' }] },
          {
            '@FilterId': 'Filter 2',
            Field: [
              { '@FieldId': 'opened', '@OperatorType': '1', '#text': 'true' },
              { '@FieldId': 'subjectid', '@OperatorType': 4, '#text': 500 },
            ],
          },
        ],
      },
    });
    expect(await ids({ filterjson })).toEqual(['C', 'D']);
  });

  test('filterjson accepts a lone Filter and Field as objects, and operators without a value', async () => {
    const filterjson = JSON.stringify({ Filters: { Filter: { '@FilterId': 'Filter 1', Field: { '@FieldId': 'workflow', '@OperatorType': '8' } } } });
    expect(await ids({ filterjson })).toEqual(['B']);
  });

  test('a malformed filterjson, or one given together with the lists, is a 400', async () => {
    const cases: Record<string, string>[] = [
      { filterjson: '{"Filters":' },
      { filterjson: '{"Filter":[]}' },
      { filterjson: JSON.stringify({ Filters: { Filter: [{ Field: [{ '@FieldId': 'x', '@OperatorType': '99', '#text': 'v' }] }] } }) },
      { filterjson: JSON.stringify({ Filters: { Filter: { Field: { '@FieldId': 'workflow', '@OperatorType': '8' } } } }), filterfieldids: 'subjectid', filtervalues: '1', operatortypes: '1' },
    ];
    for (const params of cases) {
      expect((await h.get(`/connectors/Teams_Tasks?${query(params)}`, token)).status).toBe(400);
    }
  });

  test('parallel lists of different lengths, or an operator outside 1-15, are a 400', async () => {
    const cases: Record<string, string>[] = [
      { filterfieldids: 'subjectid,opened', filtervalues: '1', operatortypes: '1,1' },
      { filterfieldids: 'subjectid', filtervalues: '1', operatortypes: '16' },
      { filtervalues: '1', operatortypes: '1' },
    ];
    for (const params of cases) {
      expect((await h.get(`/connectors/Teams_Tasks?${query(params)}`, token)).status).toBe(400);
    }
  });

  test('filtering on a field the connector does not have is a 500 naming the field', async () => {
    const res = await h.get(`/connectors/Teams_Tasks?${query({ filterfieldids: 'bogus', filtervalues: '1', operatortypes: '1' })}`, token);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { externalMessage: string }).externalMessage).toBe("Connector field 'bogus' not found");
  });
});
