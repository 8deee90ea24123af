import { z } from 'zod';
import { signsInWithOAuth } from '../../domain/afas-auth-mode';
import type { AfasConnection } from '../../domain/afas-connection';
import type { UserKey } from '../../domain/user-key';
import type { ActivationStore } from '../../ports/activation-store';
import type { Clock } from '../../ports/clock';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { ConnectionStore } from '../../ports/connection-store';
import type { LinkSigner } from '../../ports/link-signer';
import type { SignInSurface } from '../../ports/oauth-sign-in-store';
import { connectionById, findConnectionForTenant } from '../find-connection';
import type { OAuthSignIn } from './oauth-sign-in';

/** Our page that sends the browser on to AFAS's authorize page; Teams opens it (the tab's popup, the card's button). */
export const OAUTH_START_PATH = '/auth/afas/start';

/** How long a start link works: a card stays in the chat, but a sign-in is started within minutes of it. */
const START_LINK_LIFETIME_MS = 60 * 60_000;

const ticketSchema = z.object({ t: z.string().min(1), a: z.string().min(1), c: z.string().min(1), s: z.enum(['tab', 'bot']), e: z.number().int() });

export interface SignInStartsDeps {
  readonly activations: ActivationStore;
  readonly connections: ConnectionStore;
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly signIn: OAuthSignIn;
  readonly signer: LinkSigner;
  readonly clock: Clock;
  readonly publicUrl: string;
}

/**
 * Which way a user signs in (the e-mailed code or OAuth), and the start links Teams opens for an
 * OAuth sign-in. A link names the user, signed so nobody can make one for someone else; each use
 * begins a fresh sign-in (new state and PKCE verifier). Holding a link links nothing: the sign-in
 * it begins is completed only by that user, from their own chat or tab.
 */
export class SignInStarts {
  constructor(private readonly deps: SignInStartsDeps) {}

  /** The connection this user signs in to, when it signs in with OAuth; null = the e-mailed code. */
  async oauthConnectionFor(user: UserKey): Promise<AfasConnection | null> {
    const activation = await this.deps.activations.get(user);
    const connection = activation
      ? await connectionById(this.deps.connections, activation.connectionId).catch(() => findConnectionForTenant(this.deps.connections, user.tenantId))
      : await findConnectionForTenant(this.deps.connections, user.tenantId);
    return signsInWithOAuth(await this.deps.connectionOAuth.get(connection.id)) ? connection : null;
  }

  /** The start link for `user`'s sign-in to `connection` from `surface` (an admin's invitation is read days later: `lifetimeMs`). */
  linkFor(user: UserKey, connection: AfasConnection, surface: SignInSurface, lifetimeMs = START_LINK_LIFETIME_MS): string {
    const e = Math.floor((this.deps.clock.now().getTime() + lifetimeMs) / 1000);
    const payload = Buffer.from(JSON.stringify({ t: user.tenantId, a: user.aadObjectId, c: connection.id, s: surface, e })).toString('base64url');
    return `${this.deps.publicUrl.replace(/\/+$/, '')}${OAUTH_START_PATH}?t=${payload}.${this.deps.signer.sign(payload)}`;
  }

  /** A start link was opened: AFAS's authorize URL for a new sign-in; null for a link we did not make or that expired. */
  async open(ticket: string): Promise<string | null> {
    const [payload, signature, ...rest] = ticket.split('.');
    if (!payload || !signature || rest.length > 0 || !this.deps.signer.verify(payload, signature)) return null;
    const claim = ticketSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claim.success || claim.data.e * 1000 < this.deps.clock.now().getTime()) return null;
    const { t, a, c, s } = claim.data;
    const connection = await connectionById(this.deps.connections, c);
    return this.deps.signIn.begin({ tenantId: t, aadObjectId: a }, connection, s);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
