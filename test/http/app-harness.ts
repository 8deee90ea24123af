import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/main';
import type { Clock } from '../../src/ports/clock';
import { RecordingLogger } from '../fakes/recording-logger';

/** The whole product in demo mode on port 0 with its own data directory, as `npm start` runs it. */
export async function startDemoApp(env: Record<string, string> = {}, overrides: { clock?: Clock } = {}): Promise<{ app: RunningApp; logger: RecordingLogger; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'afas-teams-'));
  const logger = new RecordingLogger();
  const config = parseConfig({ PORT: '0', DATA_DIR: dataDir, SANDBOX_SIGNAL_INTERVAL_SECONDS: '0', PLAYGROUND: 'false', ...env });
  const app = await startApp(config, { logger, clock: overrides.clock });
  return {
    app,
    logger,
    dataDir,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
