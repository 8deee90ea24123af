import type { Page } from 'playwright-core';
import { startTabApp, type TabApp } from '../http/tab-harness';
import { launchChromium, type Chromium } from './chromium';

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

  it('shows the newest code mailed to the current person, not the first one', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    app.sandbox.mailbox.deliver({ to: JAN, subject: 'Activatiecode', body: 'first', code: '11111111' });
    await page.waitForFunction(() => document.getElementById('latest-code')?.textContent?.includes('11111111'), undefined, { timeout: 10_000 });
    app.sandbox.mailbox.deliver({ to: JAN, subject: 'Activatiecode', body: 'second', code: '22222222' });
    await page.waitForFunction(() => document.getElementById('latest-code')?.textContent?.includes('22222222'), undefined, { timeout: 10_000 });
    expect(await page.textContent('#latest-code')).toBe(`Latest code for ${JAN}: 22222222`);
  });
});
