/*
 * One product process for test/oauth/concurrent-refresh-processes.test.ts: opens the product's core
 * (openCore, as main.ts does: storage with the OAuth refresh) on the shared PostgreSQL schema,
 * and on command asks for the user's access token at an agreed wall-clock moment.
 * Started with `node -e` through scripts/run-ts.js; talks to the test over IPC.
 */
import { StderrLogger } from '../../../src/cli/stderr-logger';
import { SystemClock } from '../../../src/clock/system-clock';
import { openCore } from '../../../src/composition/core';
import { parseConfig } from '../../../src/config';

export interface RefreshCommand {
  /** Epoch milliseconds at which to ask for the token. */
  readonly at: number;
  readonly user: { tenantId: string; aadObjectId: string };
}

export type RefreshReply = { ready: true } | { token: string | null } | { error: string };

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const clock = new SystemClock();
  // The test's schema through the connection's search_path: the core opens storage as it would in production.
  const databaseUrl = `${env('REFRESH_DATABASE_URL')}${env('REFRESH_DATABASE_URL').includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${env('REFRESH_SCHEMA')}`)}`;
  const config = parseConfig({
    DEMO: 'false',
    PLAYGROUND: 'false',
    DATABASE_URL: databaseUrl,
    TOKEN_ENCRYPTION_KEY: Buffer.from(env('REFRESH_SECRET_KEY'), 'hex').toString('base64'),
    PUBLIC_URL: env('REFRESH_PUBLIC_URL'),
  });
  const core = await openCore(config, { clock, logger: new StderrLogger((text) => process.stderr.write(`${text}\n`)) });
  const { storage } = core;
  const send = (reply: RefreshReply): void => {
    process.send?.(reply);
  };
  process.once('message', (command: RefreshCommand) => {
    void (async () => {
      await clock.sleep(command.at - Date.now());
      try {
        send({ token: await storage.activations.getToken(command.user) });
      } catch (error) {
        send({ error: error instanceof Error ? error.message : String(error) });
      } finally {
        await core.close();
        process.disconnect?.();
      }
    })();
  });
  send({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`refresh process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
  process.disconnect?.();
});
