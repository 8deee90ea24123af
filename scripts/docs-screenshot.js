#!/usr/bin/env node
// `npm run docs:screenshot`: walks the README's "first five minutes" word for word in the Agents
// Playground with headless Chromium, against `npm start` with the default settings (DATA_DIR ./data,
// relative to a fresh working directory; only the ports differ, so a running demo is not disturbed),
// and saves docs/images/playground-my-tasks.png. Fails when a step does not answer as the README says.
// Needs Debian's chromium (apt-get install chromium).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const port = 3987;
const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'afas-docs-'));
const out = path.join(root, 'docs', 'images', 'playground-my-tasks.png');
const JAN = 'jan.devries@horizon-groep.example';

async function waitFor(check, what, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  let log = '';
  // Playwright gives every launch a fresh temporary profile (the --user-data-dir the flags ask for).
  const env = { ...process.env, PORT: String(port), PLAYGROUND_PORT: '0' };
  delete env.DATA_DIR;
  const app = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], { cwd, env, detached: true });
  app.stdout.on('data', (d) => (log += d));
  app.stderr.on('data', (d) => (log += d));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // 1. The last lines printed name the URLs; "Chat with the bot" is signed in as Jan de Vries.
    const url = await waitFor(() => /Chat with the bot: (http:\/\/\S+)/.exec(log)?.[1], 'the Playground URL');
    const mailbox = await waitFor(() => /Sandbox mailbox: (http:\/\/\S+)/.exec(log)?.[1], 'the mailbox URL');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url);
    await page.getByText('Jan de Vries').first().waitFor();
    // 2. The bot has welcomed you; "my tasks" offers to activate; "activate".
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.waitFor();
    await page.getByText('Welcome to AFAS for Teams').first().waitFor();
    const cards = page.locator('.ac-adaptiveCard');
    // The answer is one of the cards that arrived since: the first notification poll (a few seconds
    // after activation) may land its "Notifications are on" card right after it.
    const answerSince = async (before, expect) => {
      const count = await cards.count();
      for (let i = count - 1; i >= before; i--) if (expect.test(await cards.nth(i).innerText())) return cards.nth(i);
      return null;
    };
    const say = async (text, expect) => {
      const before = await cards.count();
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      return waitFor(() => answerSince(before, expect), `the answer to "${text}" (${expect})`, 30_000);
    };
    await say('my tasks', /Link your AFAS user first/);
    await say('activate', /Which AFAS user are you\?/);
    // 3. Prefilled from Teams; send the address; the code arrives in the sandbox mailbox.
    const prefilled = await cards.last().locator('input').inputValue();
    if (prefilled !== JAN) throw new Error(`the AFAS user is prefilled with "${prefilled}", not ${JAN}`);
    await say(JAN, /Enter that code below/);
    const code = await waitFor(async () => /Code: <strong>(\d{8})<\/strong>/.exec(await (await fetch(mailbox)).text())?.[1], 'the code in the mailbox');
    // 4. The code links the account and shows the tasks, new ones marked, each with Open.
    const tasks = await (await say(code, /My tasks\n/)).innerText();
    if (!/New ·/.test(tasks) || !/Open/.test(tasks)) throw new Error(`the task card shows no new items or no Open buttons:\n${tasks}`);
    // A command button: "My signals" on the activation card answers with a new card.
    const before = await cards.count();
    await cards.filter({ hasText: 'now linked to AFAS user' }).last().getByRole('button', { name: 'My signals', exact: true }).click();
    await waitFor(() => answerSince(before, /^My signals\n/), 'the signals after the My signals button', 30_000);
    // 5. my signals, summary, help, nederlands / english.
    await say('my signals', /^My signals\n/);
    await say('summary', /^Your AFAS summary\n/);
    await say('help', /^What you can ask me\n/);
    await say('nederlands', /Vanaf nu antwoord ik in het Nederlands/);
    await say('english', /From now on I answer in English/);
    const last = await say('my tasks', /^My tasks\n/);
    await page.waitForTimeout(3000);
    await last.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    process.stdout.write(`saved ${path.relative(root, out)}\n`);
  } catch (error) {
    process.stderr.write(`--- product output\n${log}\n`);
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(os.tmpdir(), 'docs-screenshot-failure.png') });
    throw error;
  } finally {
    await browser.close();
    try {
      process.kill(-app.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
