#!/usr/bin/env node
// `npm run docs:screenshot`: starts the product in demo mode, walks the README's first steps in the
// Agents Playground with headless Chromium (activate, code from the sandbox mailbox, "my tasks")
// and saves docs/images/playground-my-tasks.png. Needs Debian's chromium (apt-get install chromium).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const port = 3987;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afas-docs-'));
const out = path.join(root, 'docs', 'images', 'playground-my-tasks.png');

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
  const app = spawn(process.execPath, ['scripts/start.js'], { cwd: root, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'warn' }, detached: true });
  app.stdout.on('data', (d) => (log += d));
  app.stderr.on('data', (d) => (log += d));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const url = await waitFor(() => /Chat with the bot: (http:\/\/\S+)/.exec(log)?.[1], 'the Playground URL');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url);
    // The compose box is a contenteditable element that shows "Type a message..." as a placeholder.
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.waitFor();
    await page.getByText('Welcome to AFAS for Teams').first().waitFor();
    const say = async (text, expect, nth = 0) => {
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.getByText(expect).nth(nth).waitFor({ timeout: 30_000 });
    };
    await say('activate', 'Which AFAS user are you?');
    await say('jan.devries@horizon-groep.example', 'Enter that code below');
    const mails = await (await fetch(`http://127.0.0.1:${port}/sandbox/mail.json`)).json();
    await say(mails[0].code, 'now linked to AFAS user');
    // Activation already showed the task list once; "my tasks" shows it again.
    await say('my tasks', 'My tasks', 1);
    await page.getByText('My tasks').nth(1).scrollIntoViewIfNeeded();
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
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
