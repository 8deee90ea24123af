import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import type { Page } from 'playwright-core';
import { startTabApp, type TabApp } from '../support/tab-harness';
import { launchChromium, type Chromium } from '../support/chromium';

const JAN = 'jan.devries@horizon-groep.example';

/** The development host's own conveniences around the framed tab. */
describe('the development host in Chromium', () => {
  let app: TabApp;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    app = await startTabApp();
    chromium = await launchChromium();
    page = await chromium.context.newPage();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });

  /** Has the sandbox mail Jan a code, as AFAS's otprequest does; returns that code. */
  async function requestCode(): Promise<string> {
    const body = JSON.stringify({ apiKey: DEMO_API_KEY, apiToken: DEMO_ENVIRONMENT_KEY, userId: JAN });
    await fetch(`${app.origin}/sandbox/afas/ProfitRestServices/otprequest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    return app.sandbox.mailbox.latestCodeFor(JAN)!;
  }

  it('shows the newest code mailed to the current person, not the first one', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    const first = await requestCode();
    await page.waitForFunction((code) => document.getElementById('latest-code')?.textContent?.includes(code), first, { timeout: 10_000 });
    const second = await requestCode();
    expect(second).not.toBe(first);
    await page.waitForFunction((code) => document.getElementById('latest-code')?.textContent?.includes(code), second, { timeout: 10_000 });
    expect(await page.textContent('#latest-code')).toBe(`Latest code for ${JAN}: ${second}`);
  });
});
