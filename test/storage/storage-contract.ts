import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import type { SecretBox } from '../../src/ports/secret-box';
import type { Storage } from '../../src/ports/storage';
import type { SqlDriver } from '../../src/storage/sql-driver';
import { accessAndOwnersContract } from './contract/access-and-owners-contract';
import { activationsContract } from './contract/activations-contract';
import { auditAndStateContract } from './contract/audit-and-state-contract';
import { botStorageContract } from './contract/bot-storage-contract';
import { connectionsContract } from './contract/connections-contract';
import { conversationsAndPreferencesContract } from './contract/conversations-and-preferences-contract';
import type { ContractContext } from './contract/contract-context';
import { deliveriesContract } from './contract/deliveries-contract';
import { lifecycleContract } from './contract/lifecycle-contract';
import { oauthContract } from './contract/oauth-contract';
import { sealedSecretsContract } from './contract/sealed-secrets-contract';

/** One engine's database for the contract: every `open` reaches the same data. */
export interface StorageTarget {
  readonly engine: Storage['engine'];
  /** Opens the storage under test (migrations included). */
  open(secretBox: SecretBox): Promise<Storage>;
  /** A second, direct connection to the same database, for inspecting and damaging raw rows. */
  openRaw(): Promise<SqlDriver>;
}

const TABLES = ['access_entries', 'access_rules', 'app_owners', 'connection_secrets', 'connections', 'activations', 'conversation_references', 'user_preferences', 'deliveries', 'audit_events', 'bot_state', 'connection_oauth', 'oauth_sign_ins'];

/**
 * The behaviour every `Storage` engine must show. Call inside a `describe` whose `beforeAll` has
 * prepared `target()`; each test starts from empty tables on a freshly opened storage.
 */
export function storageContract(target: () => StorageTarget): void {
  describe('Storage contract', () => defineContract(target));
}

function defineContract(target: () => StorageTarget): void {
  const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 7) });
  let storage: Storage | undefined;
  let raw: SqlDriver | undefined;

  beforeAll(async () => {
    // Opened once first so the raw connection meets a migrated database.
    await (await target().open(secretBox)).close();
    raw = await target().openRaw();
  });
  afterAll(async () => {
    await raw?.close();
  });
  beforeEach(async () => {
    storage = await target().open(secretBox);
    for (const table of TABLES) await raw?.execute(`DELETE FROM ${table}`);
  });
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });

  const ctx: ContractContext = {
    secretBox,
    get storage(): Storage {
      if (!storage) throw new Error('storage is not open');
      return storage;
    },
    get raw(): SqlDriver {
      if (!raw) throw new Error('raw driver is not open');
      return raw;
    },
    reopen: async (box = secretBox) => {
      await storage?.close();
      storage = await target().open(box);
      return storage;
    },
  };

  connectionsContract(ctx);
  activationsContract(ctx);
  conversationsAndPreferencesContract(ctx);
  deliveriesContract(ctx);
  auditAndStateContract(ctx);
  botStorageContract(ctx);
  accessAndOwnersContract(ctx);
  lifecycleContract(ctx);
  sealedSecretsContract(ctx);
  oauthContract(ctx, () => target().open(secretBox));
}
