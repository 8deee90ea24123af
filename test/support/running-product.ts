import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/main';
import type { Clock } from '../../src/ports/clock';
import { RecordingLogger } from '../fakes/recording-logger';

export interface RunningProduct {
  readonly app: RunningApp;
  readonly logger: RecordingLogger;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface ProductOptions {
  /** Configuration keys on top of the harness's (a free port, loopback, its own DATA_DIR, no Playground). */
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Where the built tab is served from; default tab/dist. */
  readonly tabAssetDir?: string;
}

/** The whole product as `npm start` runs it (startApp), on a free port and loopback, with its own data directory. */
export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'afas-teams-'));
  const logger = new RecordingLogger();
  try {
    // A fixed port, as npm start has one: PUBLIC_URL's default (http://localhost:PORT) is then where the product really is.
    const config = parseConfig({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir, SANDBOX_SIGNAL_INTERVAL_SECONDS: '0', PLAYGROUND: 'false', ...options.env });
    const app = await startApp(config, { logger, clock: options.clock, tabAssetDir: options.tabAssetDir });
    let stopped: Promise<void> | null = null;
    return {
      app,
      logger,
      dataDir,
      stop: () => {
        stopped ??= (async () => {
          await app.close();
          rmSync(dataDir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A port nothing listens on right now (asked of the system, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
