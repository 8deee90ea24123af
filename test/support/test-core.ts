import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import type { RetryOptions } from '../../src/afas/retry-policy';
import { parseConfig } from '../../src/config';
import { IN_MEMORY, openCore, type Core } from '../../src/composition/core';
import { registerConfiguredConnection } from '../../src/composition/default-connection';
import type { Clock } from '../../src/ports/clock';
import type { Logger } from '../../src/ports/logger';
import type { WorkItemSource } from '../../src/ports/work-item-source';

export const INSITE = 'https://12345.afasinsite.nl';
/** Where cards' tracked "Open" links point (PUBLIC_URL). */
export const PUBLIC_URL = 'https://teams-app.example.nl';

export interface TestCoreOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** The AFAS on the far side of the port: a sandbox listening on its own socket. */
  readonly afasBaseUrl: string;
  /** Configuration keys on top of the harness's (an AFAS connection to the sandbox, in-memory SQLite). */
  readonly env?: Record<string, string>;
  readonly encryptionKey?: Buffer;
  readonly source?: WorkItemSource;
  readonly afasRetry?: Partial<RetryOptions>;
  /** false: start without the configured default connection (tests that make their own). */
  readonly defaultConnection?: boolean;
}

/**
 * The product's core as `openCore` builds it for main.ts, from configuration keys: the default
 * AFAS connection points at the test's sandbox, the database is in memory; the clock, the logger
 * and (where a test says so) the source of AFAS lists are the test's.
 */
export async function openTestCore(options: TestCoreOptions): Promise<Core> {
  const config = parseConfig({
    DEMO: 'false',
    DATA_DIR: IN_MEMORY,
    HOST: '127.0.0.1',
    PLAYGROUND: 'false',
    PUBLIC_URL,
    AFAS_BASE_URL: options.afasBaseUrl,
    AFAS_API_KEY: DEMO_API_KEY,
    AFAS_ENVIRONMENT_KEY: DEMO_ENVIRONMENT_KEY,
    AFAS_INSITE_URL: INSITE,
    AFAS_TASK_URL_TEMPLATE: `${INSITE}/taak?id={guid_task}`,
    AFAS_SIGNAL_URL_TEMPLATE: `${INSITE}/signaal?id={guid_signal}`,
    AFAS_DEFAULT_TASKS_URL: `${INSITE}/mijn-taken`,
    TOKEN_ENCRYPTION_KEY: (options.encryptionKey ?? Buffer.alloc(32, 3)).toString('base64'),
    ...options.env,
  });
  const core = await openCore(config, { clock: options.clock, logger: options.logger, source: options.source, afasRetry: options.afasRetry });
  if (options.defaultConnection !== false) await registerConfiguredConnection(core, 0);
  return core;
}
