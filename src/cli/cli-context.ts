import { configuredOwners } from '../composition/configured-owners';
import { openCore } from '../composition/core';
import { composeProactiveNotifier } from '../composition/proactive-notifier';
import { buildUseCases } from '../composition/use-cases';
import { loadConfig } from '../config';
import { operatorScope, type AdminScope } from '../use-cases/admin/admin-scope';
import type { AdminServices } from '../use-cases/admin/admin-services';
import type { CliIo } from './cli-io';
import { StderrLogger } from './stderr-logger';

/** What a command works with: the admin use cases on the product's own storage, as an operator. */
export interface CliContext {
  readonly admin: AdminServices;
  readonly scope: AdminScope;
  close(): Promise<void>;
}

/** The CLI activates nobody: no notification engine runs in it. */
const NO_WAKE_UP = { wake: async () => undefined };

/**
 * The CLI's part of the composition: the server's core and use cases over the same configuration
 * (DATABASE_URL or DATA_DIR, TOKEN_ENCRYPTION_KEY or the demo key file in DATA_DIR), so it reads
 * and writes the same data; the app owners are applied as at a server start.
 */
export async function openCliContext(io: CliIo): Promise<CliContext> {
  const core = await openCore(loadConfig(), { logger: new StderrLogger(io.err) });
  // `connection invite` sends its cards from here, as the server would.
  const notifier = composeProactiveNotifier(core);
  const { admin } = buildUseCases(core, { notifications: NO_WAKE_UP, notifier });
  const close = async () => {
    notifier.close();
    await core.close();
  };
  try {
    await admin.syncConfiguredOwners.execute(configuredOwners(core.config));
  } catch (error) {
    await close();
    throw error;
  }
  return { admin, scope: operatorScope(io.osUser), close };
}
