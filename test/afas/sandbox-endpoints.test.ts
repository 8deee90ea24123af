import { RowMapper } from '../../src/afas/row-mapper';
import { checkConnectorFields } from '../../src/domain/connector-field-check';
import { DEFAULT_FIELD_MAPS } from '../../src/domain/field-map';
import { AFAS_OPERATORS } from '../../src/ports/afas-client';
import { RecordingLogger } from '../fakes/recording-logger';
import { afasFailure } from '../support/afas-failure';
import { startHarness, type Harness } from '../support/afas-client-harness';

describe('every AFAS endpoint against the sandbox', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('profitVersion answers the version string', async () => {
    await expect(h.client.profitVersion(h.auth)).resolves.toMatch(/\S/);
  });

  it('metainfo lists the task and signal connectors this token may use', async () => {
    const meta = await h.client.metainfo(h.auth);
    expect(meta.getConnectors.map((c) => c.id)).toEqual(expect.arrayContaining(['Teams_Tasks', 'Teams_Signals']));
    expect(Array.isArray(meta.updateConnectors)).toBe(true);
  });

  it('connectorMetainfo describes the fields, and the default field maps find all of them', async () => {
    const tasks = await h.client.connectorMetainfo(h.auth, 'Teams_Tasks');
    const signals = await h.client.connectorMetainfo(h.auth, 'Teams_Signals');
    expect(tasks.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['guid_task', 'description', 'submitdate', 'opened']));
    expect(checkConnectorFields(tasks, DEFAULT_FIELD_MAPS.task).missing).toEqual([]);
    expect(checkConnectorFields(signals, DEFAULT_FIELD_MAPS.signal).missing).toEqual([]);
  });

  it('the field check names a field an admin removed from the connector', async () => {
    h.sandbox.removeConnectorField('Teams_Tasks', 'submitdate');
    const meta = await h.client.connectorMetainfo(h.auth, 'Teams_Tasks');
    expect(checkConnectorFields(meta, DEFAULT_FIELD_MAPS.task).missing).toEqual(['submitdate']);
  });

  it('getConnector reads one page, ordered, and the rows map to tasks and signals', async () => {
    const page = await h.client.getConnector(h.auth, 'Teams_Tasks', { skip: 0, take: 5, orderBy: ['-submitdate'] });
    expect(page.skip).toBe(0);
    expect(page.take).toBe(5);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.length).toBeLessThanOrEqual(5);
    const tasks = new RowMapper(new RecordingLogger()).tasks('Teams_Tasks', page.rows);
    expect(tasks.skipped).toBe(0);
    const dates = tasks.items.map((t) => t.date?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const signals = await h.client.getConnector(h.auth, 'Teams_Signals', { skip: 0, take: 100, orderBy: ['-signaldate'] });
    expect(new RowMapper(new RecordingLogger()).signals('Teams_Signals', signals.rows).items.length).toBe(signals.rows.length);
  });

  it('getConnector sends filters as parallel lists, and AFAS applies them', async () => {
    const all = await h.client.getConnector(h.auth, 'Teams_Signals', {});
    const language = String(all.rows[0].language);
    const filtered = await h.client.getConnector(h.auth, 'Teams_Signals', {
      filters: [[{ field: 'language', operator: AFAS_OPERATORS.equals, value: language }]],
    });
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.every((row) => row.language === language)).toBe(true);
    const sent = h.sandbox.stats.requests.at(-1);
    expect(sent?.query).toMatchObject({ filterfieldids: 'language', filtervalues: language, operatortypes: '1' });
  });

  it('switches to filterjson when a value contains a comma, and AFAS applies it', async () => {
    const all = await h.client.getConnector(h.auth, 'Teams_Tasks', {});
    const target = all.rows[0];
    const filtered = await h.client.getConnector(h.auth, 'Teams_Tasks', {
      filters: [
        [{ field: 'guid_task', operator: AFAS_OPERATORS.equals, value: String(target.guid_task) }],
        [{ field: 'description', operator: AFAS_OPERATORS.equals, value: 'a, b; c (matches nothing)' }],
      ],
    });
    expect(filtered.rows.map((row) => row.guid_task)).toEqual([target.guid_task]);
    const sent = h.sandbox.stats.requests.at(-1);
    expect(sent?.query).toHaveProperty('filterjson');
    expect(sent?.query).not.toHaveProperty('filterfieldids');
  });

  it('a query the sandbox accepts at 2049 characters; one over is refused without a request', async () => {
    const longValue = (length: number) => 'x'.repeat(length - 'filterfieldids=description&filtervalues=&operatortypes=6'.length);
    const at = await h.client.getConnector(h.auth, 'Teams_Tasks', { filters: [[{ field: 'description', operator: AFAS_OPERATORS.contains, value: longValue(2049) }]] });
    expect(at.rows).toEqual([]);
    const before = h.requestCount();
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks', { filters: [[{ field: 'description', operator: AFAS_OPERATORS.contains, value: longValue(2050) }]] }));
    expect(error.code).toBe('afas_query_too_long');
    expect(h.requestCount()).toBe(before);
  });

  it('encodes connector ids in the path, so an id cannot reach another endpoint', async () => {
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams Tasks/../metainfo'));
    expect(error.externalMessage).toBe('GetConnector not supported for this app or the user is not authorized');
    expect(h.sandbox.stats.requests.at(-1)?.path).toMatch(/Teams%20Tasks%2F..%2Fmetainfo$/);
  });
});
