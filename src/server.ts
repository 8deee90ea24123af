import { ConfigError, loadConfig } from './config';
import { startApp, type RunningApp } from './main';

/** `npm start`: parse config, start, print where to go, stop gracefully on Ctrl-C or SIGTERM. */
async function run(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example and the README's configuration table.\n`);
      process.exit(1);
    }
    throw error;
  }
  // Listen for Ctrl-C from the start: a stop during startup waits for it, then shuts down cleanly.
  let stopSignal: string | null = null;
  let app: RunningApp | null = null;
  const stop = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    process.stdout.write(`\n${signal} received, finishing in-flight requests...\n`);
    if (app) shutDown(app);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  app = await startApp(config);
  if (stopSignal) return shutDown(app);
  const lines = [
    '',
    `AFAS for Teams is running${config.demo ? ' in demo mode (embedded AFAS sandbox, ' + app.storage.engine + ')' : ''}.`,
    `  Health:          ${app.origin}/healthz`,
    `  Bot endpoint:    ${app.origin}/api/messages`,
  ];
  if (app.devHostUrl) lines.push(`  Tab in a browser: ${app.devHostUrl}   (the tab as Teams shows it, with sandbox data)`);
  if (app.sandbox) lines.push(`  Sandbox mailbox: ${app.origin}/sandbox/mail   (activation codes arrive here)`);
  if (app.playgroundUrl) lines.push(`  Chat with the bot: ${app.playgroundUrl}   (Agents Playground: type "my tasks")`);
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

function shutDown(app: RunningApp): void {
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

run().catch((error: unknown) => {
  process.stderr.write(`AFAS for Teams failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
