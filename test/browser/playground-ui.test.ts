import { createServer, type AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { startDemoApp } from '../support/demo-app';
import { launchChromium, type Chromium } from '../support/chromium';

jest.setTimeout(120_000);

const JAN = 'jan.devries@horizon-groep.example';

/**
 * The bot in the Agents Playground's own web UI, clicked as a newcomer clicks: every kind of button
 * the bot sends (Execute that replaces the card, Execute with inputs, command buttons that answer
 * with a new message, Open links) at least once, with the answer card checked each time.
 */
describe('the bot in the Agents Playground web UI, in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  let chromium: Chromium;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // A real port, not 0: the cards' links are built from PUBLIC_URL, which follows PORT.
    demo = await startDemoApp({ PLAYGROUND: 'true', PLAYGROUND_PORT: '0', PORT: String(await freePort()) });
    if (!demo.app.playgroundUrl) throw new Error(`the Playground did not start: ${demo.logger.text()}`);
    chromium = await launchChromium({ width: 1280, height: 1000 });
    await chromium.context.unroute('https://**/*');
    page = await chromium.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(demo.app.playgroundUrl);
    await page.getByText('Welcome to AFAS for Teams').first().waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });
  afterEach(() => expect(pageErrors).toEqual([]));

  it("links the running Playground from demo mode's start page", async () => {
    const html = await (await fetch(`${demo.app.origin}/`)).text();
    expect(html).toContain(`href="${demo.app.playgroundUrl}"`);
  });

  const box = () => page.locator('[data-lexical-editor="true"][role="textbox"]');
  const say = async (text: string) => {
    await box().click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  /** The newest card showing `text`. */
  const card = (text: string): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  /** Clicks `title` on the newest card showing `on`, then waits for one more card whose text matches `answer`. */
  async function click(on: string, title: string, answer: RegExp): Promise<void> {
    const matching = () => page.locator('.ac-adaptiveCard').evaluateAll((cards, [source, flags]) => cards.filter((c) => new RegExp(source!, flags).test((c as HTMLElement).innerText)).length, [answer.source, answer.flags]);
    const before = await matching();
    await card(on).getByRole('button', { name: title, exact: true }).click();
    const end = Date.now() + 30_000;
    while ((await matching()) <= before) {
      if (Date.now() > end) throw new Error(`no new card matching ${answer} after clicking "${title}"`);
      await page.waitForTimeout(100);
    }
  }

  it('Activate, Send code (with the prefilled user) and Activate (with the typed code) lead to the linked account', async () => {
    await click('Welcome to AFAS for Teams', 'Activate', /Which AFAS user are you\?/);
    await expectInput('Which AFAS user are you?', JAN);
    await click('Which AFAS user are you?', 'Send code', /Enter that code below/);
    const mails = (await (await fetch(`${demo.app.origin}/sandbox/mail.json`)).json()) as { to: string; code: string }[];
    await card('Enter that code below').locator('input').fill(mails.find((m) => m.to === JAN)!.code);
    await card('Enter that code below').getByRole('button', { name: 'Activate', exact: true }).click();
    await page.getByText(`Done: Teams is now linked to AFAS user ${JAN}.`).waitFor({ timeout: 30_000 });
    await expect(card('now linked to AFAS user').innerText()).resolves.toMatch(/Right now you have 9 open tasks/);
  });

  it('a command button ("My signals" after activation) answers with a new card and keeps its own', async () => {
    await click('now linked to AFAS user', 'My signals', /^My signals\n/);
    await expect(card('now linked to AFAS user').isVisible()).resolves.toBe(true);
    await expect(card('My signals').innerText()).resolves.toMatch(/^My signals\n\d+ signals?/);
  });

  it('the help card\'s summary button, then "All tasks" and "Refresh" on the cards it brings', async () => {
    await say('help');
    await page.getByText('What you can ask me').last().waitFor();
    await click('What you can ask me', 'Your AFAS summary', /^Your AFAS summary\n/);
    await click('Your AFAS summary', 'All tasks', /^My tasks\n/);
    await expect(card('My tasks').innerText()).resolves.toMatch(/^My tasks\n9 open tasks/);
    demo.app.sandbox!.addTask(JAN, { description: 'Inkooporder 4711 goedkeuren' });
    await click('My tasks', 'Refresh', /^My tasks\n10 open tasks/);
  });

  it('an Open button opens the item in (the stand-in for) AFAS InSite', async () => {
    const popup = page.waitForEvent('popup');
    await card('My tasks').getByRole('link', { name: 'Open', exact: true }).first().click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(opened.url()).toMatch(new RegExp(`^${demo.app.origin.replace('127.0.0.1', 'localhost')}/sandbox/insite/taak\\?id=`));
  });

  it('approving an expense claim from the tasks card replaces the card with "Approved by you at …"; AFAS has it and the list has one task less', async () => {
    const cardsMatching = (answer: RegExp) => page.locator('.ac-adaptiveCard').evaluateAll((cards, [source, flags]) => cards.filter((c) => new RegExp(source!, flags).test((c as HTMLElement).innerText)).length, [answer.source, answer.flags]);
    const untilMore = async (answer: RegExp, before: number) => {
      const end = Date.now() + 30_000;
      while ((await cardsMatching(answer)) <= before) {
        if (Date.now() > end) throw new Error(`no new card matching ${answer}`);
        await page.waitForTimeout(100);
      }
    };
    const list = /^My tasks\n10 open tasks/;
    const lists = await cardsMatching(list);
    await say('my tasks');
    await untilMore(list, lists);
    const approved = /Approved by you at \d{2}:\d{2} — /;
    const before = await cardsMatching(approved);
    await card('My tasks').getByRole('button', { name: 'Goedkeuren', exact: true }).first().click();
    await untilMore(approved, before);
    // Replaced, not answered below: the clicked list card is gone.
    expect(await cardsMatching(list)).toBe(lists);
    expect(demo.app.sandbox!.reactions()).toEqual([expect.objectContaining({ action: 'Goedkeuren', text: '' })]);
    await click('Approved by you at', 'My tasks', /^My tasks\n9 open tasks/);
  });

  async function expectInput(on: string, value: string): Promise<void> {
    await expect(card(on).locator('input').inputValue()).resolves.toBe(value);
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
