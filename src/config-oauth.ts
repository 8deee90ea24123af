import { z } from 'zod';
import { AFAS_AUTH_MODES, type AfasAuthMode } from './domain/afas-auth-mode';

/** The default connection's OAuth settings (AFAS_AUTH_MODE, AFAS_OAUTH_*). */
export interface AfasOAuthConfig {
  readonly authMode: AfasAuthMode;
  /** Null in classic mode; in demo mode the sandbox's demo client when unset. */
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  /** AFAS documents no scope values: empty = no scope parameter. */
  readonly scope: string;
}

type Read = <T>(key: string, schema: z.ZodType<T>, fallback: T) => T;

/**
 * Parsed with config.ts's `read` (which records every bad key). `demoClient` fills in the sandbox's
 * client in demo mode, so `AFAS_AUTH_MODE=oauth npm start` needs nothing else.
 */
export function parseAfasOAuth(read: Read, demoClient: { clientId: string; clientSecret: string } | null, problems: string[]): AfasOAuthConfig {
  const authMode = read<AfasAuthMode>('AFAS_AUTH_MODE', z.enum(AFAS_AUTH_MODES as [AfasAuthMode, ...AfasAuthMode[]]), 'classic');
  const clientId = read<string | null>('AFAS_OAUTH_CLIENT_ID', z.string().min(1).max(200), demoClient?.clientId ?? null);
  const clientSecret = read<string | null>('AFAS_OAUTH_CLIENT_SECRET', z.string().min(1).max(500), demoClient?.clientSecret ?? null);
  const scope = read('AFAS_OAUTH_SCOPE', z.string().max(500), '');
  if (authMode !== 'classic' && (clientId === null || clientSecret === null)) {
    problems.push(`AFAS_AUTH_MODE=${authMode} needs AFAS_OAUTH_CLIENT_ID and AFAS_OAUTH_CLIENT_SECRET (the OAuth client of the AFAS app connector)`);
  }
  return { authMode, clientId: authMode === 'classic' ? null : clientId, clientSecret: authMode === 'classic' ? null : clientSecret, scope };
}
