import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { SystemClock } from '../../src/clock/system-clock';
import type { AppConfig } from '../../src/config';
import type { Clock } from '../../src/ports/clock';
import type { Storage } from '../../src/ports/storage';
import type { RecordingLogger } from '../fakes/recording-logger';
import { startProduct } from '../support/running-product';

export interface TabApp {
  readonly origin: string;
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly sandbox: AfasSandbox;
  readonly logger: RecordingLogger;
  readonly insiteUrl: string;
  stop(): Promise<void>;
}

export interface TabAppOptions {
  /** Extra configuration keys (TAB_SSO_*, MicrosoftAppId...). */
  readonly env?: Record<string, string>;
  /** true (default): demo mode with the sandbox mounted, as npm start runs; false: the sandbox as an external AFAS. */
  readonly demo?: boolean;
  readonly clock?: Clock;
  /** Where the built tab is served from; default tab/dist. */
  readonly assetDir?: string;
}

/**
 * The product as main.ts composes it (startApp), on port 0 with its own data directory: in demo
 * mode with the sandbox mounted, or with the sandbox on its own socket as an external AFAS. The
 * tab is served from tab/dist (build it first where the test needs the page).
 */
export async function startTabApp(options: TabAppOptions = {}): Promise<TabApp> {
  const demo = options.demo ?? true;
  const clock = options.clock ?? new SystemClock();
  const external = demo ? null : new AfasSandbox({ clock, autoProvisionUsers: true });
  const env: Record<string, string> = { ...options.env };
  if (external) {
    const { baseUrl } = await external.listen(0);
    Object.assign(env, { DEMO: 'false', AFAS_BASE_URL: baseUrl, AFAS_API_KEY: DEMO_API_KEY, AFAS_ENVIRONMENT_KEY: DEMO_ENVIRONMENT_KEY, AFAS_INSITE_URL: 'https://insite.example.nl', AFAS_TASK_URL_TEMPLATE: 'https://insite.example.nl/taak/{guid_task}', TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), ...options.env });
  }
  let product;
  try {
    product = await startProduct({ env, clock, tabAssetDir: options.assetDir });
  } catch (error) {
    await external?.close();
    throw error;
  }
  const { app, logger } = product;
  const sandbox = external ?? app.sandbox;
  if (!sandbox) throw new Error('demo mode started without its sandbox');
  let stopped: Promise<void> | null = null;
  return {
    origin: app.origin,
    config: app.config,
    storage: app.storage,
    sandbox,
    logger,
    insiteUrl: demo ? `${app.config.publicUrl}/sandbox/insite` : 'https://insite.example.nl',
    stop: () => {
      stopped ??= (async () => {
        await product.stop();
        await external?.close();
      })();
      return stopped;
    },
  };
}
