import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AfasTaskWorkflowSource } from '../afas/afas-task-workflow-source';
import { AfasWorkItemSource } from '../afas/afas-work-item-source';
import { AxiosAfasClientFactory } from '../afas/axios-afas-client-factory';
import type { RetryOptions } from '../afas/retry-policy';
import { RowMapper } from '../afas/row-mapper';
import { SystemClock } from '../clock/system-clock';
import type { AppConfig } from '../config';
import { createPinoLogger } from '../logging/pino-logger';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import type { TaskWorkflowSource } from '../ports/task-workflow-source';
import type { WorkItemSource } from '../ports/work-item-source';
import { AesGcmSecretBox } from '../secrets/aes-gcm-secret-box';
import { loadOrCreateKeyFile, parseEncryptionKey } from '../secrets/encryption-key';
import { openStorage } from '../storage/open-storage';
import { Oauth4webapiAfasOAuth } from '../afas/oauth4webapi-afas-oauth';
import type { AfasOAuth } from '../ports/afas-oauth';
import { withOAuthRefresh } from './oauth';
import { openScaleOut, type ScaleOut } from './scale-out';

/** What a process may swap when it opens the core: the far side of a port, never the wiring. */
export interface CoreOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Where tasks and signals come from instead of AFAS (a test's fake AFAS lists). */
  readonly source?: WorkItemSource;
  /** How AFAS calls are retried (tests on a fake clock make one attempt: a retry would sleep on it). */
  readonly afasRetry?: Partial<RetryOptions>;
}

/**
 * The adapters every process of the product shares (server, CLI, harnesses): configuration,
 * logger, clock, the encryption key, storage, the AFAS client factory and the one reader of AFAS
 * lists (one row mapper, so "warned once per connector" holds process-wide).
 */
export interface Core {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The key secrets are sealed with (configured, or demo mode's key file in DATA_DIR). */
  readonly encryptionKey: Buffer;
  readonly storage: Storage;
  readonly afas: AxiosAfasClientFactory;
  readonly source: WorkItemSource;
  /** AFAS's workflow side of tasks: the actions a task offers, and reacting on it. */
  readonly taskWorkflows: TaskWorkflowSource;
  /** AFAS's OAuth endpoints (authorization code + PKCE, refresh): sign-in and token refresh. */
  readonly afasOAuth: AfasOAuth;
  /** REDIS_URL: what the replicas share (jobs, limits, pauses, claims); null = one process. */
  readonly scaleOut: ScaleOut | null;
  close(): Promise<void>;
}

/** DATA_DIR for a throwaway SQLite database (and, without TOKEN_ENCRYPTION_KEY, a key that dies with it). */
export const IN_MEMORY = ':memory:';

/** Opens the core from the configuration: the only place these adapters are built. */
export async function openCore(config: AppConfig, overrides: CoreOverrides = {}): Promise<Core> {
  const logger = overrides.logger ?? createPinoLogger(config.logLevel, config.logFormat);
  const clock = overrides.clock ?? new SystemClock();
  const encryptionKey = config.encryption.currentKey
    ? parseEncryptionKey(config.encryption.currentKey)
    : config.dataDir === IN_MEMORY
      ? randomBytes(32)
      : loadOrCreateKeyFile(join(config.dataDir, 'encryption.key'));
  const secretBox = new AesGcmSecretBox({ current: encryptionKey, previous: config.encryption.previousKeys.map(parseEncryptionKey) });
  const afasOAuth = new Oauth4webapiAfasOAuth();
  const opened = await openStorage({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir, secretBox, logger: logger.child({ component: 'storage' }) });
  const storage = withOAuthRefresh(opened, { oauth: afasOAuth, clock, logger: logger.child({ component: 'oauth' }), publicUrl: config.publicUrl });
  const scaleOut = config.redisUrl ? openScaleOut({ redisUrl: config.redisUrl, afasTimeoutMs: config.afasTimeoutMs, clock, logger: logger.child({ component: 'redis' }) }) : null;
  const afas = new AxiosAfasClientFactory({ timeoutMs: config.afasTimeoutMs, clock, logger: logger.child({ component: 'afas' }), retry: overrides.afasRetry, limiterFor: scaleOut?.limiterFor });
  const source = overrides.source ?? new AfasWorkItemSource(afas, new RowMapper(logger.child({ component: 'rows' })), config.afasMaxRows);
  return {
    config,
    logger,
    clock,
    encryptionKey,
    storage,
    afas,
    source,
    taskWorkflows: new AfasTaskWorkflowSource(afas, logger.child({ component: 'afas-workflow' })),
    afasOAuth,
    scaleOut,
    close: async () => {
      afas.close();
      await scaleOut?.close();
      await storage.close();
    },
  };
}
