import type { Frame, Page } from 'playwright-core';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID } from '../../src/dev/playground-identities';
import { startTabApp, type TabApp } from '../support/tab-harness';
import { launchChromium, type Chromium } from '../support/chromium';

const JAN = 'jan.devries@horizon-groep.example';

/** With AFAS_AUTH_MODE=oauth, `npm start`'s development host plays Teams' authentication popup for the tab. */
describe('OAuth sign-in in the tab, in Chromium through the development host', () => {
  let app: TabApp;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    app = await startTabApp({ env: { AFAS_AUTH_MODE: 'oauth' } });
    chromium = await launchChromium();
    page = await chromium.context.newPage();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });

  async function tabFrame(): Promise<Frame> {
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    if (!frame) throw new Error('the tab frame did not load');
    return frame;
  }

  it('"Sign in with AFAS" opens the popup on our start page, AFAS\'s authorize page takes Jan, the popup closes and the tile shows', async () => {
    // PUBLIC_URL's origin: AFAS sends the popup back there, and the host only listens to its own origin.
    await page.goto(`${app.config.publicUrl}/dev/?person=0`);
    let frame = await tabFrame();
    await frame.waitForSelector('.activation', { timeout: 15_000 });
    expect(await frame.textContent('.activation')).toContain('Sign in with your AFAS account');
    expect(await frame.$('#afas-user-id')).toBeNull();

    const popupOpened = page.context().waitForEvent('page');
    await frame.getByRole('button', { name: 'Sign in with AFAS' }).click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/oauth\/authorize\?/);
    expect(new URL(popup.url()).searchParams.get('code_challenge_method')).toBe('S256');
    const closed = popup.waitForEvent('close');
    await popup.locator(`button[name="user"][value="${JAN}"]`).click();
    await closed;

    frame = await tabFrame();
    await frame.waitForSelector('.tile', { timeout: 15_000 });
    expect(await frame.textContent('.tile-counts')).toMatch(/open tasks/);
    expect((await app.storage.activations.get({ tenantId: PLAYGROUND_TENANT_ID, aadObjectId: PLAYGROUND_PEOPLE[0].aadObjectId }))?.authKind).toBe('oauth');
  });
});
