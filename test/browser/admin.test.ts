import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID } from '../../src/dev/playground-identities';
import type { RunningApp } from '../../src/main';
import { startDemoApp } from '../support/demo-app';
import { launchChromium, type Chromium } from '../support/chromium';

const JAN = 'jan.devries@horizon-groep.example';
const FLEUR = 'fleur.bakker@horizon-groep.example';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'tab');
const NAME = 'Horizon sandbox';

/**
 * The admin screen in a real browser, inside the development host, against the whole product in
 * demo mode (main.ts's startApp) as `npm start` runs it: without APP_OWNERS, so Jan de Vries is the
 * demo owner and the other development people are ordinary users. The tests run in order: each
 * goes on from the last.
 */
describe('the admin screen in Chromium, inside the development host', () => {
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  let app: RunningApp;
  let chromium: Chromium;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const adminRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    demo = await startDemoApp();
    app = demo.app;
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/admin/')) adminRequests.push(`${request.method()} ${url.pathname}`);
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  async function tab(query: string): Promise<Frame> {
    await page.goto(`${app.origin}/dev/?${query}`);
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    if (!frame) throw new Error('the development host has no tab frame');
    await frame.waitForSelector('.tile, .activation, .panel', { timeout: 15_000 });
    return frame;
  }

  async function openAdmin(query = 'person=0'): Promise<Frame> {
    const frame = await tab(query);
    await frame.click('.admin-entry');
    await frame.waitForSelector('.admin-row');
    return frame;
  }

  const frameShot = async (name: string) => (await page.$('#tab'))?.screenshot({ path: join(ARTIFACTS, name) });

  it('lets the owner add a connection, after showing what was wrong with the first try', async () => {
    const frame = await openAdmin();
    expect(await frame.textContent('h1')).toBe('Administration');
    expect(await frame.$$eval('.admin-row-title', (nodes) => nodes.map((n) => n.textContent))).toEqual(['AFAS sandbox (demo)']);
    await frame.click('text=Add a connection');
    await frame.fill('#connection-name', NAME);
    await frame.fill('#connection-environment', 'nowhere');
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('#connection-environment-problem');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('connection-environment');
    await frameShot('admin-form-problem-light.png');

    await frame.fill('#connection-environment', `${app.origin}/sandbox/afas/ProfitRestServices`);
    await frame.fill('#connection-apiKey', DEMO_API_KEY);
    await frame.fill('#connection-environmentKey', DEMO_ENVIRONMENT_KEY);
    await frame.fill('#connection-insiteUrl', `${app.origin}/sandbox/insite`);
    await frame.fill('#connection-taskUrlTemplate', `${app.origin}/sandbox/insite/taak?id={guid_task}`);
    await frame.press('#connection-taskUrlTemplate', 'Enter');
    await frame.waitForSelector('.admin-notice');
    expect(await frame.textContent('.admin-notice')).toBe(`Saved: ${NAME}.`);
    const html = await frame.content();
    expect(html).not.toContain(DEMO_API_KEY);
    expect(await frame.$$eval('input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).not.toContain(DEMO_API_KEY);
    const row = frame.locator('.admin-row', { hasText: NAME });
    expect(await row.locator('.badge').allTextContents()).toEqual(['Enabled', 'Keys: set']);
  });

  it('cannot confirm the keys before anyone activated with the connection', async () => {
    const frame = await openAdmin();
    await frame.click(`button[aria-label="Test connection ${NAME}"]`);
    await frame.waitForSelector('.check');
    expect(await frame.textContent('.check-outcome')).toBe('The connection cannot be confirmed yet.');
    expect(await frame.textContent('.check-findings')).toContain('AFAS cannot confirm the API key and environment key until someone activates');
  });

  it('after the owner activated with it, names the required field an admin removed from the GetConnector', async () => {
    let frame = await tab('person=0');
    expect(await frame.textContent('h1')).toBe('Activate AFAS for Teams');
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('#afas-code');
    await frame.fill('#afas-code', app.sandbox?.mailbox.latestCodeFor(JAN) ?? '');
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('.tile');
    await frame.waitForSelector('.admin-entry');
    await frameShot('admin-entry-tile-light.png');
    const id = (await app.storage.activations.get({ tenantId: PLAYGROUND_TENANT_ID, aadObjectId: PLAYGROUND_PEOPLE[0].aadObjectId }))?.connectionId;
    expect((await app.storage.connections.get(id ?? ''))?.name).toBe(NAME);

    app.sandbox?.removeConnectorField('Teams_Tasks', 'description');
    frame = await openAdmin();
    await frame.click(`button[aria-label="Test connection ${NAME}"]`);
    await frame.waitForSelector('.check');
    expect(await frame.textContent('.check-outcome')).toBe('The connection needs attention: see below what to change.');
    expect(await frame.textContent('.check-version')).toMatch(/^AFAS Profit version: \S+$/);
    expect(await frame.$$eval('.check-connectors > li > span', (nodes) => nodes.map((n) => n.textContent))).toEqual([
      'GetConnector Teams_Tasks (Tasks) is in the app connector.',
      'GetConnector Teams_Signals (Signals) is in the app connector.',
    ]);
    expect(await frame.$$eval('.missing-fields .field-name', (nodes) => nodes.map((n) => n.textContent))).toEqual(['description']);
    expect(await frame.textContent('.check-findings')).toContain('add it on the "Gegevens" tab');
    await frameShot('admin-check-light.png');
  });

  it('limits the connection to listed people, and the audit log shows it first', async () => {
    const frame = await openAdmin();
    await frame.click(`button[aria-label="Who may use ${NAME}"]`);
    await frame.waitForSelector('input[value="listed"]');
    await frame.check('input[value="listed"]');
    for (const person of [JAN, FLEUR]) {
      await frame.fill('#access-add', person);
      await frame.press('#access-add', 'Enter');
    }
    expect(await frame.$$eval('.person-name', (nodes) => nodes.map((n) => n.textContent))).toEqual([JAN, FLEUR]);
    await frameShot('admin-access-light.png');
    await frame.click('text=Save access');
    await frame.waitForSelector('.admin-notice');
    expect(await frame.textContent('.admin-notice')).toBe(`Access saved for ${NAME}.`);
    const connection = (await app.storage.connections.list()).find((c) => c.name === NAME);
    const rule = await app.storage.accessRules.get(PLAYGROUND_TENANT_ID, connection?.id ?? '');
    expect([rule?.mode, rule?.entries.map((e) => e.upn).sort()]).toEqual(['listed', [FLEUR, JAN]]);

    await frame.click('.admin-nav >> text=Audit log');
    await frame.waitForSelector('.audit-event');
    expect((await frame.$$eval('.audit-what', (nodes) => nodes.map((n) => n.textContent))).slice(0, 3)).toEqual([
      `Changed who may use connection '${NAME}': only the people listed.`,
      `Tested connection '${NAME}': it needs attention.`,
      `Tested connection '${NAME}': it cannot be confirmed until someone activates with it.`,
    ]);
    expect(await frame.textContent('.audit-details')).toBe(`Added to the list: ${JAN}, ${FLEUR}.`);
    expect(await frame.textContent('.audit-event .hint')).toContain(JAN);
    await frameShot('admin-audit-light.png');
  });

  it('tells the audit log in Dutch', async () => {
    const frame = await openAdmin('person=0&locale=nl-NL');
    await frame.click('.admin-nav >> text=Auditlog');
    await frame.waitForSelector('.audit-event');
    expect(await frame.textContent('.audit-what')).toBe(`Gewijzigd wie koppeling '${NAME}' mag gebruiken: alleen de mensen op de lijst.`);
  });

  it('gives the connection check\'s and the form\'s advice in Dutch', async () => {
    const frame = await openAdmin('person=0&locale=nl-NL');
    await frame.click(`button[aria-label="Koppeling ${NAME} testen"]`);
    await frame.waitForSelector('.check');
    expect(await frame.textContent('.check-findings')).toContain('GetConnector Teams_Tasks mist een veld waar de taken niet zonder kunnen: description (title).');
    await frame.click('text=Koppeling toevoegen');
    await frame.fill('#connection-name', 'Nergens');
    await frame.fill('#connection-environment', 'nowhere');
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('#connection-environment-problem');
    expect(await frame.textContent('#connection-environment-problem')).toBe('Moet een omgevingsnaam zoals O12345AA zijn, een deelnemernummer zoals 12345, of een volledige https://…/ProfitRestServices-URL');
  });

  it('is usable 320 px wide, in the dark and high-contrast themes too', async () => {
    const frame = await openAdmin('person=0&width=320');
    const overflow = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await frameShot('admin-320px.png');
    await frame.click(`button[aria-label="Edit connection ${NAME}"]`);
    await frame.waitForSelector('.admin-form');
    await frameShot('admin-form-top-320px.png');
    await frame.click('.map-details summary');
    await frame.click('text=Add a field >> nth=0');
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await frame.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await frameShot('admin-form-320px.png');
    await page.check('input[name="theme"][value="dark"]');
    await frame.waitForSelector('html[data-theme="dark"]');
    await frameShot('admin-form-dark-320px.png');
    await page.check('input[name="theme"][value="contrast"]');
    await frame.waitForSelector('html[data-theme="contrast"]');
    await frameShot('admin-form-contrast-320px.png');
  });

  it('lines the App owners card up on the left like the other cards', async () => {
    const frame = await openAdmin();
    const connectionLeft = await frame.$eval('.admin-row', (row) => (row.firstElementChild as HTMLElement).getBoundingClientRect().left - row.getBoundingClientRect().left);
    await frame.click('[data-focus-key="nav-owners"]');
    await frame.waitForSelector('.admin-row.person');
    const ownerLeft = await frame.$eval('.admin-row.person', (row) => (row.firstElementChild as HTMLElement).getBoundingClientRect().left - row.getBoundingClientRect().left);
    expect(ownerLeft).toBe(connectionLeft);
  });

  it('turns acting on tasks off with the labelled switch, from the keyboard, and saves a connector name of its own', async () => {
    const frame = await openAdmin();
    await frame.click(`button[aria-label="Edit connection ${NAME}"]`);
    const toggle = frame.getByRole('switch', { name: 'Act on tasks from Teams' });
    expect(await toggle.isChecked()).toBe(true);
    expect(await frame.getAttribute('#connection-workflowActionsConnector', 'placeholder')).toBe('Profit_Workflowactions');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(false);
    await frame.fill('#connection-workflowActionsConnector', 'Eigen_Acties');
    await frame.press('#connection-workflowActionsConnector', 'Enter');
    await frame.waitForSelector('.admin-notice');
    const connection = (await app.storage.connections.list()).find((c) => c.name === NAME);
    expect(connection?.taskActions).toEqual({ enabled: false, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'KnSubjectWorkflowReaction' });
  });

  it('switches the connection to signing in with OAuth, never shows the secret again, and invites its classic user', async () => {
    const frame = await openAdmin();
    await frame.click(`button[aria-label="Edit connection ${NAME}"]`);
    await frame.waitForSelector('.admin-auth form.auth-form');
    expect(await frame.textContent('.auth-counts')).toBe('Activated: 1 with a classic token, 0 with OAuth.');
    expect(await frame.$$('[data-focus-key="auth-invite"]')).toHaveLength(0);
    await frame.selectOption('#auth-authMode', 'both');
    await frame.fill('#auth-clientId', 'teams-app');
    await frame.fill('#auth-clientSecret', 'browser-s3cret');
    await frame.click('[data-focus-key="auth-save"]');
    await frame.waitForSelector('[data-focus-key="auth-invite"]');
    expect(await frame.textContent('.admin-auth [role="status"]')).toBe(`Saved how people sign in to ${NAME}.`);
    expect(await frame.inputValue('#auth-clientSecret')).toBe('');
    expect(await frame.textContent('#auth-clientSecret-hint')).toBe('Set. Type a secret only to replace it.');
    expect(await frame.content()).not.toContain('browser-s3cret');
    const id = (await app.storage.connections.list()).find((c) => c.name === NAME)?.id ?? '';
    expect(await app.storage.connectionOAuth.get(id)).toMatchObject({ authMode: 'both', clientId: 'teams-app' });

    await frame.click('[data-focus-key="auth-invite"]');
    await frame.waitForFunction(() => document.querySelector('.admin-auth [role="status"]')?.textContent?.startsWith('Invited:'));
    const result = (await frame.textContent('.admin-auth [role="status"]')) ?? '';
    const [invited, earlier, notReached] = (result.match(/\d+/g) ?? []).map(Number);
    expect([invited + notReached, earlier]).toEqual([1, 0]);
    await frameShot('admin-auth-light.png');
  });

  it('names Jan the demo owner, not one from APP_OWNERS, in English and Dutch', async () => {
    const owners = async (query: string) => {
      const frame = await openAdmin(query);
      await frame.click('[data-focus-key="nav-owners"]');
      await frame.waitForSelector('.admin-row.person');
      const row = frame.locator('.admin-row.person', { hasText: JAN });
      return [await row.locator('.badge').allTextContents(), await row.locator('.hint').textContent()];
    };
    expect(await owners('person=0&locale=en-GB')).toEqual([['Every organisation', 'Demo owner'], 'An owner because this is demo mode and APP_OWNERS is not set.']);
    expect(await owners('person=0&locale=nl-NL')).toEqual([['Alle organisaties', 'Demo-eigenaar'], 'Eigenaar omdat dit de demomodus is en APP_OWNERS niet is ingesteld.']);
  });

  it('gives a development user who is not an owner no Admin entry and asks no admin data, without a failing request; the API answers 403', async () => {
    adminRequests.length = 0;
    const ownerCheck = page.waitForResponse((response) => response.url().endsWith('/api/admin/role'));
    const frame = await tab('person=1');
    expect((await ownerCheck).status()).toBe(200);
    await page.waitForTimeout(200);
    expect(await frame.$$('.admin-entry')).toHaveLength(0);
    expect(adminRequests).toEqual(['GET /api/admin/role']);
    const status = await page.evaluate(async () => {
      const { token } = (await (await fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person: 1 }) })).json()) as { token: string };
      const response = await fetch('/api/admin/connections', { headers: { Authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as { code: string } };
    });
    expect([status.status, status.body.code]).toEqual([403, 'forbidden']);
  });
});
