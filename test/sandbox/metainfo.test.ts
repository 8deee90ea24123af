import { SIGNAL_FIELDS, TASK_FIELDS } from '../../sandbox';
import { SandboxHarness } from '../support/sandbox-http';

describe('metainfo', () => {
  let h: SandboxHarness;
  let token: string;

  beforeEach(async () => {
    h = await SandboxHarness.start({ participant: '54321' });
    token = h.sandbox.issueToken('54321.jdevries');
  });
  afterEach(() => h.close());

  const json = async (path: string): Promise<Record<string, unknown>> => (await (await h.get(path, token)).json()) as Record<string, unknown>;

  test('metainfo lists the Teams and Pocket task and signal connectors, the workflow connectors and the environment', async () => {
    expect(await json('/metainfo')).toEqual({
      getConnectors: [
        { id: 'Teams_Tasks', description: expect.any(String) },
        { id: 'Teams_Signals', description: expect.any(String) },
        { id: 'Pocket_Tasks', description: expect.any(String) },
        { id: 'Pocket_Signals', description: expect.any(String) },
        { id: 'Profit_Subject_Tasks', description: expect.any(String) },
        { id: 'Profit_Workflowactions', description: expect.any(String) },
      ],
      updateConnectors: [{ id: 'KnSubjectWorkflowReaction', description: expect.any(String) }],
      info: { envid: 'O54321AA', appName: 'AFAS for Teams', group: expect.any(String), tokenExpiry: null },
    });
  });

  test('metainfo/get describes every field with AFAS\'s attributes', async () => {
    const meta = await json('/metainfo/get/Teams_Tasks');
    expect(meta.name).toBe('Teams_Tasks');
    expect(meta.description).toEqual(expect.any(String));
    const fields = meta.fields as Record<string, unknown>[];
    expect(fields.map((f) => f.id)).toEqual(TASK_FIELDS.map((f) => f.id));
    expect(fields.find((f) => f.id === 'submitdate')).toMatchObject({ dataType: 'date', fieldId: expect.any(String), label: expect.any(String) });
    expect(fields.find((f) => f.id === 'opened')).toMatchObject({ dataType: 'boolean' });
    expect(fields.find((f) => f.id === 'subjectid')).toMatchObject({ dataType: 'int' });
    for (const field of fields) {
      expect(Object.keys(field).sort()).toEqual(['controlType', 'dataType', 'decimals', 'decimalsFieldId', 'fieldId', 'id', 'label', 'length']);
    }
    const signals = await json('/metainfo/get/pocket_signals');
    expect((signals.fields as { id: string }[]).map((f) => f.id)).toEqual(SIGNAL_FIELDS.map((f) => f.id));
  });

  test('the product\'s default field maps are all present', async () => {
    const taskIds = ((await json('/metainfo/get/Teams_Tasks')).fields as { id: string }[]).map((f) => f.id);
    expect(taskIds).toEqual(expect.arrayContaining(['guid_task', 'description', 'submitter', 'submitdate', 'subjecttype', 'opened', 'subjectid']));
    const signalIds = ((await json('/metainfo/get/Teams_Signals')).fields as { id: string }[]).map((f) => f.id);
    expect(signalIds).toEqual(expect.arrayContaining(['guid_signal', 'description', 'submitter', 'signaldate', 'signaltype', 'opened', 'subjectid', 'language']));
  });

  test('ProfitVersion answers {version}', async () => {
    expect(await json('/ProfitVersion')).toEqual({ version: expect.stringMatching(/\S/) });
  });

  test('removeConnectorField drops the field from metainfo and from rows, and filtering on it fails', async () => {
    h.sandbox.removeConnectorField('Teams_Tasks', 'opened');
    const fields = (await json('/metainfo/get/Teams_Tasks')).fields as { id: string }[];
    expect(fields.map((f) => f.id)).not.toContain('opened');
    const rows = await h.rows(token, 'Teams_Tasks');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !('opened' in r))).toBe(true);
    const filtered = await h.get('/connectors/Teams_Tasks?filterfieldids=opened&filtervalues=false&operatortypes=1', token);
    expect(filtered.status).toBe(500);
    expect(await filtered.json()).toMatchObject({ externalMessage: "Connector field 'opened' not found" });
    // The same field stays on the other task connector.
    expect((await h.rows(token, 'Pocket_Tasks'))[0]).toHaveProperty('opened');
  });

  test('removeConnectorField of an unknown connector or field throws', () => {
    expect(() => h.sandbox.removeConnectorField('Nope', 'opened')).toThrow(expect.objectContaining({ code: 'sandbox_unknown_connector' }));
    expect(() => h.sandbox.removeConnectorField('Teams_Tasks', 'nope')).toThrow(expect.objectContaining({ code: 'sandbox_unknown_field' }));
  });

  test('setAppConnectorConnectors decides what metainfo lists and what may be read', async () => {
    h.sandbox.setAppConnectorConnectors(['Pocket_Tasks', 'Pocket_Signals']);
    expect(((await json('/metainfo')).getConnectors as { id: string }[]).map((c) => c.id)).toEqual(['Pocket_Tasks', 'Pocket_Signals']);
    const res = await h.get('/connectors/Teams_Tasks', token);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ externalMessage: 'GetConnector not supported for this app or the user is not authorized' });
    expect((await h.get('/metainfo/get/Teams_Tasks', token)).status).toBe(500);
    expect((await h.get('/connectors/Pocket_Tasks', token)).status).toBe(200);
  });
});
