import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { checkAdviceText } from '../../src/domain/i18n/admin-advice';
import type { ConnectionCheck } from '../../src/use-cases/admin/connection-check';
import { AdminHarness } from '../support/admin-harness';

type Json = Record<string, unknown>;

describe('"Test connection" against the AFAS sandbox', () => {
  let h: AdminHarness;
  let id: string;

  beforeEach(async () => {
    h = await AdminHarness.start();
    await h.addOwner('olga');
    const res = await h.call('olga', 'POST', '/api/admin/connections', {
      name: 'Sandbox',
      environment: h.sandboxBaseUrl,
      insiteUrl: 'https://12345.afasinsite.nl',
      taskUrlTemplate: 'https://12345.afasinsite.nl/taak?id={guid_task}',
      apiKey: DEMO_API_KEY,
      environmentKey: DEMO_ENVIRONMENT_KEY,
    });
    id = (res.body as Json).id as string;
  });
  afterEach(() => h.close());

  const test = async (): Promise<ConnectionCheck> => {
    const res = await h.call('olga', 'POST', `/api/admin/connections/${id}/test`);
    expect(res.status).toBe(200);
    return res.body as ConnectionCheck;
  };
  const problems = (check: ConnectionCheck) => check.findings.filter((f) => f.status === 'problem');

  it('without an activation says AFAS cannot confirm the keys until someone activates, and calls nothing', async () => {
    const check = await test();
    expect(check.outcome).toBe('not_confirmable');
    expect(check.findings[0].message).toMatch(/^AFAS cannot confirm the API key and environment key until someone activates: AFAS answers every code request with success, even for wrong keys\./);
    expect(h.sandbox.stats.requests).toHaveLength(0);
  });

  it('an activation for another connection does not count', async () => {
    await h.activate('olga', 'elsewhere');
    expect((await test()).outcome).toBe('not_confirmable');
  });

  it('with the admin\'s own activation: ProfitVersion, both connectors in the app connector, every field present', async () => {
    await h.activate('olga', id);
    const check = await test();
    expect(check).toMatchObject({ outcome: 'ok', profitVersion: '7.2.1.0', testedWith: 'jan.devries@horizon-groep.example' });
    expect(check.connectors).toEqual([
      { kind: 'task', connector: 'Teams_Tasks', inAppConnector: true, missingFields: [] },
      { kind: 'signal', connector: 'Teams_Signals', inAppConnector: true, missingFields: [] },
    ]);
    expect(check.findings.map((f) => [f.check, f.status])).toEqual([['profitVersion', 'ok'], ['fields', 'ok'], ['fields', 'ok'], ['taskActions', 'ok']]);
    expect(h.sandbox.stats.requests.map((r) => r.path.replace(/^\/ProfitRestServices/i, ''))).toEqual(['/ProfitVersion', '/metainfo', '/metainfo/get/Teams_Tasks', '/metainfo/get/Teams_Signals']);
  });

  it('names a required field the connector lacks, what it is for, and where to add it in Profit', async () => {
    h.sandbox.removeConnectorField('Teams_Tasks', 'description');
    await h.activate('olga', id);
    const check = await test();
    expect(check.outcome).toBe('problems');
    expect(check.connectors[0].missingFields).toEqual([{ field: 'description', usedFor: ['title'] }]);
    expect(problems(check).map((f) => f.message)).toEqual([
      'GetConnector Teams_Tasks lacks a field the tasks cannot do without: description (title). In Profit, open GetConnector Teams_Tasks, add it on the "Gegevens" tab (its fields) and save; or change this connection\'s field map to fields the connector has.',
    ]);
    // The same advice as code and parameters, so the admin screen can say it in Dutch.
    expect(problems(check).map((f) => [f.code, f.params])).toEqual([['requiredFieldsMissing', { connector: 'Teams_Tasks', kind: 'task', fields: ['description (title)'] }]]);
    expect(problems(check).map((f) => checkAdviceText('nl', f.code, f.params))).toEqual([
      'GetConnector Teams_Tasks mist een veld waar de taken niet zonder kunnen: description (title). Open in Profit GetConnector Teams_Tasks, voeg het toe op het tabblad "Gegevens" (de velden) en sla op; of wijzig de veldtoewijzing van deze koppeling naar velden die de connector heeft.',
    ]);
  });

  it('calls a working setup in order when only optional fields are missing, with a note of what users will not see', async () => {
    for (const field of ['submitter', 'opened', 'subjectid']) h.sandbox.removeConnectorField('Teams_Signals', field);
    await h.activate('olga', id);
    const check = await test();
    expect(check.outcome).toBe('ok');
    expect(problems(check)).toEqual([]);
    expect(check.connectors[1].missingFields.map((m) => m.field)).toEqual(['submitter', 'opened', 'subjectid']);
    expect(check.findings.filter((f) => f.status === 'warning').map((f) => f.message)).toEqual([
      'GetConnector Teams_Signals has no submitter (from), opened (opened), subjectid (subjectId), so the signals show without: who sent an item; which items are new (every item shows as new); the dossier item. The signals work without them. To show them, add the fields on the "Gegevens" tab of GetConnector Teams_Signals; to stop this note, map each property to - (no field) in this connection\'s field map.',
    ]);
  });

  it('every finding\'s English sentence is its code and parameters said in English', async () => {
    h.sandbox.removeConnectorField('Teams_Signals', 'opened');
    await h.activate('olga', id);
    const check = await test();
    expect(check.findings.map((f) => f.code)).toEqual(['keysWork', 'fieldsOk', 'fieldsOk', 'optionalFieldsMissing', 'taskActionsOk']);
    for (const finding of check.findings) expect(checkAdviceText('en', finding.code, finding.params)).toBe(finding.message);
  });

  it('lets an admin map an optional field to nothing ("-"): no note, and the list still reads', async () => {
    h.sandbox.removeConnectorField('Teams_Signals', 'submitter');
    const saved = await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { signalFieldMap: { from: '-' } });
    expect(saved.status).toBe(200);
    expect((await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { signalFieldMap: { title: '-' } })).status).toBe(400);
    await h.activate('olga', id);
    const check = await test();
    expect(check.outcome).toBe('ok');
    expect(check.findings.filter((f) => f.status !== 'ok')).toEqual([]);
  });

  it('checks the fields of the field map as the admin set it', async () => {
    await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { signalFieldMap: { title: 'onderwerp', date: 'DaSg' } });
    await h.activate('olga', id);
    const check = await test();
    expect(check.connectors[1].missingFields).toEqual([{ field: 'onderwerp', usedFor: ['title'] }]);
  });

  it('says which GetConnector is not part of the app connector', async () => {
    h.sandbox.setAppConnectorConnectors(['Teams_Tasks', 'Pocket_Signals']);
    await h.activate('olga', id);
    const check = await test();
    expect(check.connectors[1]).toEqual({ kind: 'signal', connector: 'Teams_Signals', inAppConnector: false, missingFields: [] });
    expect(problems(check)[0].message).toBe(
      'GetConnector Teams_Signals (signals) is not part of the app connector "AFAS for Teams". In Profit, add it to the app connector\'s GetConnectors, or choose one it has (Teams_Tasks, Pocket_Signals).',
    );
  });

  it('with task actions on, names the workflow connectors the app connector lacks (en + nl); with them off, checks none', async () => {
    h.sandbox.setAppConnectorConnectors(['Teams_Tasks', 'Teams_Signals', 'Profit_Subject_Tasks']);
    h.sandbox.setAppConnectorUpdateConnectors([]);
    await h.activate('olga', id);
    const check = await test();
    expect(check.outcome).toBe('ok');
    const [actions] = check.findings.filter((f) => f.check === 'taskActions');
    expect([actions.status, actions.code, actions.params]).toEqual(['warning', 'taskActionsMissing', { app: 'AFAS for Teams', missing: ['GetConnector Profit_Workflowactions', 'UpdateConnector KnSubjectWorkflowReaction'] }]);
    expect(actions.message).toBe('Acting on tasks is on, but the app connector "AFAS for Teams" lacks GetConnector Profit_Workflowactions, UpdateConnector KnSubjectWorkflowReaction, so tasks show without actions. In Profit, add them to the app connector (GetConnectors and UpdateConnectors), or switch task actions off for this connection.');
    expect(checkAdviceText('nl', actions.code, actions.params)).toBe('Taken afhandelen staat aan, maar de app-connector "AFAS for Teams" mist GetConnector Profit_Workflowactions, UpdateConnector KnSubjectWorkflowReaction, dus taken staan er zonder acties. Voeg ze in Profit toe aan de app-connector (GetConnectors en UpdateConnectors), of zet taken afhandelen uit voor deze connectie.');
    await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { taskActions: { enabled: false } });
    expect((await test()).findings.filter((f) => f.check === 'taskActions')).toEqual([]);
  });

  it('warns when a link template uses a field the connector does not have', async () => {
    await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { taskUrlTemplate: 'https://12345.afasinsite.nl/taak?id={taskguid}' });
    await h.activate('olga', id);
    const check = await test();
    expect(check.outcome).toBe('ok');
    expect(check.findings.find((f) => f.check === 'linkTemplate')).toMatchObject({ status: 'warning', kind: 'task', message: expect.stringContaining('{taskguid}') });
  });

  it('a revoked activation is a problem with what to do about it', async () => {
    await h.activate('olga', id);
    const token = await h.storage.activations.getToken({ tenantId: '11111111-1111-4111-8111-111111111111', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001' });
    h.sandbox.revokeToken(token ?? '');
    const check = await test();
    expect(check.outcome).toBe('problems');
    expect(problems(check)[0]).toMatchObject({ check: 'profitVersion', message: expect.stringContaining('Activate again with this connection') });
  });

  it('without keys says to set them first', async () => {
    const bare = await h.call('olga', 'POST', '/api/admin/connections', { name: 'Bare', environment: '12345' });
    const res = await h.call('olga', 'POST', `/api/admin/connections/${String((bare.body as Json).id)}/test`);
    expect((res.body as ConnectionCheck).findings).toEqual([{ check: 'secrets', status: 'problem', code: 'secretsNotSet', params: {}, message: expect.stringContaining('are not set') }]);
  });

  it('never shows the token or the keys', async () => {
    await h.activate('olga', id);
    const token = (await h.storage.activations.getToken({ tenantId: '11111111-1111-4111-8111-111111111111', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001' })) ?? '';
    const res = await h.call('olga', 'POST', `/api/admin/connections/${id}/test`);
    const seen = res.text + h.logger.text();
    for (const secret of [token, Buffer.from(token).toString('base64'), DEMO_API_KEY, DEMO_ENVIRONMENT_KEY]) expect(seen).not.toContain(secret);
  });
});
