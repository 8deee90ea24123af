import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startTabApp, type TabApp } from '../support/tab-harness';
import { launchChromium, type Chromium } from '../support/chromium';

const JAN = 'jan.devries@horizon-groep.example';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'tab');

/** Acting on AFAS tasks in the tab, in Chromium inside the development host, against the product in demo mode. */
describe('acting on tasks in the tab, in Chromium', () => {
  let app: TabApp;
  let chromium: Chromium;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startTabApp();
    const { token } = (await (await fetch(`${app.origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person: 0 }) })).json()) as { token: string };
    const post = (path: string, body: unknown) => fetch(`${app.origin}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await post('/api/tab/activation/request', { afasUserId: JAN });
    expect((await post('/api/tab/activation/confirm', { code: app.sandbox.mailbox.latestCodeFor(JAN) })).status).toBe(200);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });
  afterEach(() => {
    app.sandbox.faults.clear();
    expect(pageErrors).toEqual([]);
  });

  async function tile(query = ''): Promise<Frame> {
    await page.goto(`${app.origin}/dev/?person=0&list=tasks${query}`);
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    if (!frame) throw new Error('the development host has no tab frame');
    await frame.waitForSelector('.tile .items', { timeout: 15_000 });
    return frame;
  }

  const openTask = (taskname: string) => app.sandbox.tasksOf(JAN).find((t) => t.taskname === taskname && t._handledMeanwhileBy === undefined)!;

  it('approves an expense claim with a reaction text from the keyboard: AFAS gets it once, the task leaves the list with "Approved by you at …"', async () => {
    const claim = openTask('Beoordelen declaratie');
    const frame = await tile('&locale=en-GB');
    const before = (await frame.$$('.item')).length;
    const toggle = `[data-focus-key="task-toggle-${String(claim.guid_task)}"]`;
    expect(await frame.getAttribute(toggle, 'aria-expanded')).toBe('false');
    expect(await frame.getAttribute(toggle, 'aria-label')).toBe(`Act on ${String(claim.description)}`);
    await frame.focus(toggle);
    await frame.press(toggle, 'Enter');
    await frame.waitForSelector('.task-panel textarea');
    expect(await frame.getAttribute(toggle, 'aria-expanded')).toBe('true');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await frame.textContent('.task-panel label')).toBe('Reaction (optional)');
    expect(await frame.$$eval('.task-panel .actions button', (nodes) => nodes.map((n) => n.textContent))).toEqual(['Goedkeuren', 'Afkeuren', 'Doorsturen naar controller', 'Send reaction only', 'Close']);
    await page.keyboard.type('Akkoord, parkeren bij de klant');
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Goedkeuren');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('.panel[role="status"]');
    const notice = (await frame.textContent('.panel')) ?? '';
    expect(notice).toMatch(/^Approved by you at \d{2}:\d{2} — /);
    expect(notice.endsWith(` — ${String(claim.description)}`)).toBe(true);
    expect(await frame.$$('.item')).toHaveLength(before - 1);
    expect(await frame.$(toggle)).toBeNull();
    expect(app.sandbox.reactions()).toEqual([expect.objectContaining({ taskId: claim.guid_task, action: 'Goedkeuren', text: 'Akkoord, parkeren bij de klant' })]);
    await page.screenshot({ path: join(ARTIFACTS, 'task-approved.png') });
  });

  it('when AFAS refuses, says so in plain words (in Dutch too) and keeps the text typed', async () => {
    const lease = openTask('Akkoord leidinggevende');
    const frame = await tile('&locale=nl-NL');
    const toggle = `[data-focus-key="task-toggle-${String(lease.guid_task)}"]`;
    expect(await frame.textContent(toggle)).toBe('Afhandelen');
    await frame.click(toggle);
    await frame.fill('.task-panel textarea', 'Graag elektrisch');
    app.sandbox.faults.set({ kind: 'functional-error', path: 'KnSubjectWorkflowReaction', message: 'Budget overschreden', profitLogReference: 'REF-77', times: 1 });
    await frame.click('.task-panel .actions .btn-primary >> nth=0');
    await frame.waitForSelector('.task-panel [role="alert"]');
    const said = await frame.textContent('.task-panel [role="alert"]');
    expect(said).toContain(`AFAS heeft het niet geaccepteerd — ${String(lease.description)}`);
    expect(said).toContain('AFAS meldt: Budget overschreden');
    expect(said).toContain('REF-77');
    expect(said).toContain('Je reactie staat er nog');
    expect(await frame.inputValue('.task-panel textarea')).toBe('Graag elektrisch');
    expect(await frame.$(toggle)).not.toBeNull();
    await frame.press('.task-panel textarea', 'Escape');
    expect(await frame.$('.task-panel')).toBeNull();
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe(`task-toggle-${String(lease.guid_task)}`);
  });
});
