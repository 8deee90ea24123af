import type { Request } from 'restify';
import type { AfasReply } from '../afas-reply';
import type { SandboxUser } from '../user-directory';

export interface RouteContext {
  readonly req: Request;
  readonly query: URLSearchParams;
  /** The route pattern's match on the path below the prefix (captures = URL-decoded path parts). */
  readonly params: readonly string[];
  /** Tells the request log which user an unauthenticated request (OTP) was about. */
  identify(userId: string): void;
  body(): Promise<unknown>;
}

export interface AuthenticatedContext extends RouteContext {
  readonly user: SandboxUser;
}

/** One AFAS endpoint below the prefix. Patterns are matched case-insensitively, as AFAS does. */
export type AfasRoute =
  | {
      readonly method: 'GET' | 'POST';
      readonly pattern: RegExp;
      readonly authenticated: false;
      handle(ctx: RouteContext): Promise<AfasReply> | AfasReply;
    }
  | {
      readonly method: 'GET' | 'POST';
      readonly pattern: RegExp;
      readonly authenticated: true;
      handle(ctx: AuthenticatedContext): Promise<AfasReply> | AfasReply;
    };
