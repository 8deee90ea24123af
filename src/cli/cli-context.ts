import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AxiosAfasClientFactory } from '../afas/axios-afas-client-factory';
import { SystemClock } from '../clock/system-clock';
import { loadConfig } from '../config';
import { AesGcmSecretBox } from '../secrets/aes-gcm-secret-box';
import { loadOrCreateKeyFile, parseEncryptionKey } from '../secrets/encryption-key';
import { openStorage } from '../storage/open-storage';
import { operatorScope, type AdminScope } from '../use-cases/admin/admin-scope';
import { createAdminServices, type AdminServices } from '../use-cases/admin/admin-services';
import type { CliIo } from './cli-io';
import { StderrLogger } from './stderr-logger';

/** What a command works with: the admin use cases on the product's own storage, as an operator. */
export interface CliContext {
  readonly admin: AdminServices;
  readonly scope: AdminScope;
  close(): Promise<void>;
}

/**
 * The CLI's composition root: the same configuration as the server (DATABASE_URL or DATA_DIR,
 * TOKEN_ENCRYPTION_KEY or the demo key file in DATA_DIR), so it reads and writes the same data.
 * APP_OWNERS is applied as at a server start.
 */
export async function openCliContext(io: CliIo): Promise<CliContext> {
  const config = loadConfig();
  const current = config.encryption.currentKey ? parseEncryptionKey(config.encryption.currentKey) : loadOrCreateKeyFile(join(config.dataDir, 'encryption.key'));
  const secretBox = new AesGcmSecretBox({ current, previous: config.encryption.previousKeys.map(parseEncryptionKey) });
  const logger = new StderrLogger(io.err);
  const storage = await openStorage({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir, secretBox, logger });
  const clock = new SystemClock();
  const afas = new AxiosAfasClientFactory({ clock, logger, timeoutMs: config.afasTimeoutMs });
  const admin = createAdminServices({ storage, afas, clock, newId: () => randomBytes(3).toString('hex'), homeTenantId: config.bot.tenantId, allowedBaseUrls: config.afasAllowedBaseUrls });
  try {
    await admin.syncConfiguredOwners.execute(config.appOwners);
  } catch (error) {
    afas.close();
    await storage.close();
    throw error;
  }
  return {
    admin,
    scope: operatorScope(io.osUser),
    close: async () => {
      afas.close();
      await storage.close();
    },
  };
}
