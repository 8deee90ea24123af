import type { AppConfig } from '../config';
import { PLAYGROUND_PEOPLE } from '../dev/playground-identities';
import type { ConfiguredOwners } from '../use-cases/admin/sync-configured-owners';

/**
 * The app owners a start applies: APP_OWNERS; in demo mode without it, the development host's
 * first person (Jan de Vries) as the demo owner, so the admin screen can be tried. Setting
 * APP_OWNERS replaces him.
 */
export function configuredOwners(config: Pick<AppConfig, 'demo' | 'appOwners'>): ConfiguredOwners {
  return config.demo && config.appOwners.length === 0
    ? { upns: [PLAYGROUND_PEOPLE[0].userPrincipalName], demo: true }
    : { upns: config.appOwners, demo: false };
}
