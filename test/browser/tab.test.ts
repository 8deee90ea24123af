import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startTabApp, type TabApp } from '../support/tab-harness';
import { launchChromium, type Chromium } from '../support/chromium';

const JAN = 'jan.devries@horizon-groep.example';
const HOSTILE = '<img src=x onerror=alert(1)>';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'tab');

/**
 * The tab in a real browser, inside the development host, against the whole server in demo mode
 * (sandbox data): what a newcomer sees after npm start.
 */
describe('the tab in Chromium, inside the development host', () => {
  let app: TabApp;
  let chromium: Chromium;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startTabApp();
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  /** The tab's frame once it shows something other than the skeleton. */
  async function tab(): Promise<Frame> {
    const frameElement = await page.waitForSelector('#tab');
    const frame = await frameElement.contentFrame();
    if (!frame) throw new Error('the development host has no tab frame');
    await frame.waitForSelector('.tile, .activation, .panel', { timeout: 15_000 });
    return frame;
  }

  const texts = (frame: Frame, selector: string) => frame.$$eval(selector, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));

  it('activates inside the tab with the code the sandbox e-mails, then shows the tile', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    let frame = await tab();
    expect(await frame.textContent('h1')).toBe('Activate AFAS for Teams');
    expect(await frame.inputValue('#afas-user-id')).toBe(JAN);
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('#afas-code');
    const code = app.sandbox.mailbox.latestCodeFor(JAN) ?? '';
    await page.waitForFunction((expected) => document.getElementById('latest-code')?.textContent?.includes(expected), code);
    await page.screenshot({ path: join(ARTIFACTS, 'activation-code-step.png') });

    await frame.fill('#afas-code', code === '000000' ? '111111' : '000000');
    await frame.press('#afas-code', 'Enter');
    await frame.waitForSelector('#afas-code-problem');
    expect(await frame.textContent('#afas-code-problem')).toMatch(/^AFAS did not accept this code.* You can try 2 more times\.$/);

    await frame.fill('#afas-code', code);
    await frame.click('button[type="submit"]');
    frame = await page.waitForSelector('#tab').then((f) => f.contentFrame() as Promise<Frame>);
    await frame.waitForSelector('.tile');
    expect(await frame.textContent('.panel')).toBe(`Done: Teams is now linked to AFAS user ${JAN}.`);
  });

  it('shows the sandbox\'s tasks and signals, and switches between them by mouse and keyboard', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    const frame = await tab();
    expect(await texts(frame, '[role="tab"]')).toEqual(['My tasks (9)', 'My signals (6)']);
    expect(await frame.textContent('.tile-counts')).toMatch(/^9 open tasks(, \d+ new)? · 6 signals(, \d+ new)?$/);
    expect(await frame.$$('.item')).toHaveLength(9);
    await frame.click('#afas-list-tab-signal');
    expect(await frame.getAttribute('#afas-list-tab-signal', 'aria-selected')).toBe('true');
    expect(await frame.$$('.item')).toHaveLength(6);
    await frame.press('#afas-list-tab-signal', 'ArrowLeft');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('afas-list-tab-task');
    expect(await frame.$$('.item')).toHaveLength(9);
    expect(await frame.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.screenshot({ path: join(ARTIFACTS, 'tile-light.png') });
  });

  it('shows a task titled like markup as text, and runs nothing', async () => {
    app.sandbox.addTask(JAN, { description: HOSTILE });
    await page.goto(`${app.origin}/dev/?person=0`);
    const frame = await tab();
    expect(await texts(frame, '.item-title')).toContain(HOSTILE);
    expect(await frame.$$('.items img')).toHaveLength(0);
    await page.waitForTimeout(300);
  });

  it('opens an item in AFAS through the host, by its deep link', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    const frame = await tab();
    const popup = page.context().waitForEvent('page');
    await frame.click('a.item >> nth=0');
    await (await popup).close();
    expect(await page.textContent('#opened li')).toMatch(new RegExp(`^${app.insiteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/taak\\?id=`));
  });

  it('follows the Teams theme: default, dark and high contrast', async () => {
    await page.goto(`${app.origin}/dev/?person=0`);
    const frame = await tab();
    const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(245, 245, 245)');
    await page.check('input[name="theme"][value="dark"]');
    await frame.waitForSelector('html[data-theme="dark"]');
    expect(await background()).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(ARTIFACTS, 'tile-dark.png') });
    await page.check('input[name="theme"][value="contrast"]');
    await frame.waitForSelector('html[data-theme="contrast"]');
    expect(await background()).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'tile-contrast.png') });
  });

  it('is usable 320 px wide, as on Teams mobile', async () => {
    await page.goto(`${app.origin}/dev/?person=0&width=320`);
    const frame = await tab();
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await frame.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(320);
    await (await page.$('#tab'))?.screenshot({ path: join(ARTIFACTS, 'tile-320px.png') });
  });

  it('opened outside Teams, says at once where it belongs', async () => {
    await page.goto(`${app.origin}/tab/?list=tasks`);
    await page.waitForSelector('.panel', { timeout: 5_000 });
    expect(await page.textContent('.panel')).toBe('This page is the AFAS for Teams tab. Open it from Microsoft Teams.');
  });

  it('keeps the list shown when the development host switches language', async () => {
    await page.goto(`${app.origin}/dev/?person=0&locale=en-GB`);
    let frame = await tab();
    await frame.click('#afas-list-tab-signal');
    expect(await frame.getAttribute('#afas-list-tab-signal', 'aria-selected')).toBe('true');
    await page.selectOption('select[name="locale"]', 'nl-NL');
    frame = await tab();
    await frame.waitForSelector('#afas-list-tab-task:has-text("Mijn taken")', { timeout: 15_000 });
    expect(await frame.getAttribute('#afas-list-tab-signal', 'aria-selected')).toBe('true');
    expect(await frame.$$('.item')).toHaveLength(6);
  });

  it('filters the list by type and by text, from the keyboard', async () => {
    await page.goto(`${app.origin}/dev/?person=0&locale=en-GB&list=tasks`);
    const frame = await tab();
    const all = (await frame.$$('.item')).length;
    const options = await frame.$$eval('select[name="type"] option', (nodes) => nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })));
    expect(options[0]).toEqual({ value: '', label: 'All types' });
    expect(options.length).toBeGreaterThan(2);
    const [, chosen] = options;
    const count = Number(/\((\d+)\)$/.exec(chosen.label)?.[1]);
    expect(await frame.textContent('label:has(select[name="type"])')).toContain('Type');

    await frame.focus('select[name="type"]');
    await frame.selectOption('select[name="type"]', chosen.value);
    expect(await frame.$$('.item')).toHaveLength(count);
    expect(await frame.textContent('.filter-count')).toBe(`${count} of ${all} shown`);

    await frame.selectOption('select[name="type"]', '');
    const word = (await frame.textContent('.item-title'))!.split(' ')[0];
    await frame.focus('input[name="filter"]');
    await page.keyboard.type(word.toUpperCase(), { delay: 20 });
    expect(await frame.inputValue('input[name="filter"]')).toBe(word.toUpperCase());
    const titles = await texts(frame, '.item-title');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(all);

    await page.keyboard.type(' zzzz-nothing');
    expect(await frame.textContent('.list-panel .empty')).toBe('Nothing in this list matches the filter.');
    await frame.fill('input[name="filter"]', '');
    expect(await frame.$$('.item')).toHaveLength(all);
    await page.screenshot({ path: join(ARTIFACTS, 'tile-filter.png') });
  });

  it('speaks Dutch when Teams does', async () => {
    await page.goto(`${app.origin}/dev/?person=0&locale=nl-NL&list=signals`);
    const frame = await tab();
    expect(await texts(frame, '[role="tab"]')).toEqual(['Mijn taken (10)', 'Mijn signalen (6)']);
    expect(await frame.getAttribute('#afas-list-tab-signal', 'aria-selected')).toBe('true');
    expect(await frame.textContent('label.filter-text')).toBe('Zoeken');
    expect(await frame.getAttribute('input[name="filter"]', 'placeholder')).toBe('Titel, afzender of soort');
    await page.screenshot({ path: join(ARTIFACTS, 'tile-dutch-signals.png') });
  });
});
