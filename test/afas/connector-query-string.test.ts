import { buildConnectorQueryString, filterJson, MAX_QUERY_STRING_CHARS } from '../../src/afas/connector-query-string';
import { isAfasError } from '../../src/domain/afas-error';
import { AFAS_OPERATORS } from '../../src/ports/afas-client';

const ENDPOINT = 'connectors/Teams_Tasks';

function params(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('buildConnectorQueryString', () => {
  it('is empty when nothing is asked', () => {
    expect(buildConnectorQueryString({}, ENDPOINT)).toBe('');
  });

  it('sends skip, take and the ordering with `-` for descending, comma-joined', () => {
    const query = buildConnectorQueryString({ skip: 100, take: 50, orderBy: ['-submitdate', 'guid_task'] }, ENDPOINT);
    expect(query).toBe('skip=100&take=50&orderbyfieldids=-submitdate,guid_task');
  });

  it('refuses to page without an ordering, because AFAS requires one with skip/take', () => {
    const error = thrown(() => buildConnectorQueryString({ take: 10 }, ENDPOINT));
    expect(isAfasError(error, 'afas_bad_request')).toBe(true);
    expect((error as Error).message).toMatch(/orderBy/);
  });

  it('refuses negative or fractional paging values', () => {
    expect(() => buildConnectorQueryString({ skip: -1, take: 1, orderBy: ['a'] }, ENDPOINT)).toThrow(/skip/);
    expect(() => buildConnectorQueryString({ skip: 0, take: 0, orderBy: ['a'] }, ENDPOINT)).toThrow(/take/);
    expect(() => buildConnectorQueryString({ skip: 0, take: 1.5, orderBy: ['a'] }, ENDPOINT)).toThrow(/take/);
  });

  it('refuses a field id that would break the comma-separated lists', () => {
    expect(() => buildConnectorQueryString({ orderBy: ['a,b'] }, ENDPOINT)).toThrow(/field id/);
    expect(() => buildConnectorQueryString({ filters: [[{ field: 'x;y', operator: 1, value: '1' }]] }, ENDPOINT)).toThrow(/field id/);
  });

  it('writes filters as parallel lists: `,` joins a group (AND), `;` separates groups (OR)', () => {
    const query = buildConnectorQueryString(
      {
        filters: [
          [
            { field: 'language', operator: AFAS_OPERATORS.equals, value: 'NL' },
            { field: 'opened', operator: AFAS_OPERATORS.equals, value: false },
          ],
          [{ field: 'subjecttype', operator: AFAS_OPERATORS.contains, value: 'Verlof aanvraag' }],
        ],
      },
      ENDPOINT,
    );
    expect(query).toBe('filterfieldids=language,opened;subjecttype&filtervalues=NL,false;Verlof%20aanvraag&operatortypes=1,1;6');
  });

  it('sends an empty value for operators that take none, keeping the lists parallel', () => {
    const query = buildConnectorQueryString({ filters: [[{ field: 'a', operator: AFAS_OPERATORS.empty }, { field: 'b', operator: 1, value: 2 }]] }, ENDPOINT);
    expect(params(query)).toEqual({ filterfieldids: 'a,b', filtervalues: ',2', operatortypes: '8,1' });
  });

  it('sends dates as Amsterdam wall clock without Z', () => {
    const summer = buildConnectorQueryString({ filters: [[{ field: 'submitdate', operator: 2, value: new Date('2024-07-01T07:30:00Z') }]] }, ENDPOINT);
    const winter = buildConnectorQueryString({ filters: [[{ field: 'submitdate', operator: 2, value: new Date('2024-01-15T08:30:00Z') }]] }, ENDPOINT);
    expect(params(summer).filtervalues).toBe('2024-07-01T09:30:00');
    expect(params(winter).filtervalues).toBe('2024-01-15T09:30:00');
  });

  it('switches the whole filter to filterjson as soon as one value contains `,` or `;`', () => {
    const query = buildConnectorQueryString(
      {
        skip: 0,
        take: 10,
        orderBy: ['guid_task'],
        filters: [
          [{ field: 'description', operator: AFAS_OPERATORS.contains, value: 'Jansen, P.' }, { field: 'opened', operator: 1, value: 0 }],
          [{ field: 'submitter', operator: AFAS_OPERATORS.empty }],
        ],
      },
      ENDPOINT,
    );
    const p = params(query);
    expect(p).not.toHaveProperty('filterfieldids');
    expect(p.orderbyfieldids).toBe('guid_task');
    expect(JSON.parse(p.filterjson)).toEqual({
      Filters: {
        Filter: [
          {
            '@FilterId': 'Filter 1',
            Field: [
              { '@FieldId': 'description', '@OperatorType': '6', '#text': 'Jansen, P.' },
              { '@FieldId': 'opened', '@OperatorType': '1', '#text': '0' },
            ],
          },
          { '@FilterId': 'Filter 2', Field: [{ '@FieldId': 'submitter', '@OperatorType': '8' }] },
        ],
      },
    });
  });

  it('uses filterjson for a value with a semicolon too', () => {
    expect(buildConnectorQueryString({ filters: [[{ field: 'x', operator: 1, value: 'a;b' }]] }, ENDPOINT)).toMatch(/^filterjson=/);
  });

  it('writes dates without Z inside filterjson as well', () => {
    const json = filterJson([[{ field: 'd', operator: 4, value: new Date('2024-07-01T07:30:00Z') }, { field: 'x', operator: 1, value: 'a,b' }]]);
    expect(json).toContain('"#text":"2024-07-01T09:30:00"');
  });

  it('leaves out empty filter groups', () => {
    expect(buildConnectorQueryString({ filters: [[], []] }, ENDPOINT)).toBe('');
  });

  it(`accepts a query of exactly ${MAX_QUERY_STRING_CHARS} characters`, () => {
    const prefix = 'filterfieldids=x&filtervalues=&operatortypes=1';
    const value = 'v'.repeat(MAX_QUERY_STRING_CHARS - prefix.length);
    const query = buildConnectorQueryString({ filters: [[{ field: 'x', operator: 1, value }]] }, ENDPOINT);
    expect(query).toHaveLength(MAX_QUERY_STRING_CHARS);
  });

  it('refuses a query over 2049 characters before sending, with afas_query_too_long (AFAS would answer 404)', () => {
    const prefix = 'filterfieldids=x&filtervalues=&operatortypes=1';
    const value = 'v'.repeat(MAX_QUERY_STRING_CHARS - prefix.length + 1);
    const error = thrown(() => buildConnectorQueryString({ filters: [[{ field: 'x', operator: 1, value }]] }, ENDPOINT));
    expect(isAfasError(error, 'afas_query_too_long')).toBe(true);
    expect((error as Error).message).toContain('2050');
  });

  it('counts the encoded length, not the raw one', () => {
    // 350 characters, but each `é` is sent as %C3%A9: 2100 characters on the wire.
    const error = thrown(() => buildConnectorQueryString({ filters: [[{ field: 'x', operator: 1, value: 'é'.repeat(350) }]] }, ENDPOINT));
    expect(isAfasError(error, 'afas_query_too_long')).toBe(true);
  });
});
