import { DEFAULT_TASK_ACTION_SETTINGS } from '../domain/task-action';
import { type AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { oauthRedirectUri } from '../domain/afas-auth-mode';
import { DEFAULT_CONNECTION_ID } from '../use-cases/register-default-connection';
import type { AppConfig } from '../config';
import { registerDefaultConnection, type DefaultConnectionInput } from '../use-cases/register-default-connection';
import type { Core } from './core';

/** Where demo mode mounts the embedded AFAS sandbox's REST API on the product's own server. */
export const SANDBOX_PREFIX = '/sandbox/afas/ProfitRestServices';

/**
 * The default AFAS connection of the configuration (AFAS_* keys, or the embedded sandbox in demo
 * mode, reached on `port`), saved as the connection `default`. False when none is configured.
 */
export async function registerConfiguredConnection(core: Core, port: number): Promise<boolean> {
  const input = defaultConnectionInput(core.config, port);
  if (!input) return false;
  await registerDefaultConnection(core.storage.connections, core.clock, input);
  const { authMode, clientId, clientSecret, scope } = core.config.afasOAuth;
  await core.storage.connectionOAuth.save(DEFAULT_CONNECTION_ID, { authMode, clientId, scope }, core.clock.now(), clientSecret);
  return true;
}

/** Demo mode: the sandbox's app connector knows the configured OAuth client and our one redirect URI. */
export function registerSandboxOAuthClient(sandbox: AfasSandbox, config: AppConfig): void {
  const { clientId, clientSecret } = config.afasOAuth;
  if (clientId === null || clientSecret === null) return;
  sandbox.oauth.registerClient({ clientId, clientSecret, redirectUris: [oauthRedirectUri(config.publicUrl)] });
}

export function defaultConnectionInput(config: AppConfig, port: number): DefaultConnectionInput | null {
  if (config.demo) {
    const insite = `${config.publicUrl}/sandbox/insite`;
    return {
      name: 'AFAS sandbox (demo)',
      environment: 'sandbox',
      baseUrl: `http://127.0.0.1:${port}${SANDBOX_PREFIX}`,
      insiteUrl: insite,
      secrets: { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY },
      tasksConnector: 'Teams_Tasks',
      signalsConnector: 'Teams_Signals',
      taskUrlTemplate: `${insite}/taak?id={guid_task}`,
      signalUrlTemplate: `${insite}/signaal?id={guid_signal}`,
      defaultTasksUrl: `${insite}/mijn-taken`,
      useDefaultTasksUrl: false,
      taskActions: DEFAULT_TASK_ACTION_SETTINGS,
    };
  }
  if (!config.afas) return null;
  const { apiKey, environmentKey, ...rest } = config.afas;
  return { name: 'AFAS', ...rest, secrets: { apiKey, environmentKey } };
}
