import type { AppConfig } from '../config';
import { PLAYGROUND_PEOPLE } from '../dev/playground-identities';

/**
 * The app owners a start applies: APP_OWNERS; in demo mode without it, the development host's
 * first person (Jan de Vries), so the admin screen can be tried. Setting APP_OWNERS replaces him.
 */
export function configuredOwners(config: AppConfig): readonly string[] {
  return config.demo && config.appOwners.length === 0 ? [PLAYGROUND_PEOPLE[0].userPrincipalName] : config.appOwners;
}
