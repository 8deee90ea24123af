/*
 * One product process for test/oauth/concurrent-refresh-processes.test.ts: opens storage on the
 * shared PostgreSQL schema, reads activations through the product's OAuth refresh (withOAuthRefresh),
 * and on command asks for the user's access token at an agreed wall-clock moment.
 * Started with `node -e` through scripts/run-ts.js; talks to the test over IPC.
 */
import { Oauth4webapiAfasOAuth } from '../../../src/afas/oauth4webapi-afas-oauth';
import { StderrLogger } from '../../../src/cli/stderr-logger';
import { SystemClock } from '../../../src/clock/system-clock';
import { withOAuthRefresh } from '../../../src/composition/oauth';
import { AesGcmSecretBox } from '../../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../../src/storage/open-storage';

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
  const secretBox = new AesGcmSecretBox({ current: Buffer.from(env('REFRESH_SECRET_KEY'), 'hex') });
  const logger = new StderrLogger((text) => process.stderr.write(`${text}\n`));
  const clock = new SystemClock();
  const storage = withOAuthRefresh(await openStorage({ databaseUrl: env('REFRESH_DATABASE_URL'), dataDir: ':memory:', secretBox, postgresSchema: env('REFRESH_SCHEMA') }), {
    oauth: new Oauth4webapiAfasOAuth(),
    clock,
    logger,
    publicUrl: env('REFRESH_PUBLIC_URL'),
  });
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
        await storage.close();
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
