/**
 * What the bot endpoint learns about the Bot Framework token of a request to /api/messages:
 * `invalid` is the caller's problem (401), `unavailable` ours for now (the signing keys could not
 * be fetched: 503). `detail` is for the log only.
 */
export type BotTokenVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'invalid' | 'unavailable'; readonly detail: string };

/** Checks the `Authorization` header of a request from the Bot Framework channel (Teams). */
export interface BotTokenVerifier {
  verify(authorizationHeader: string): Promise<BotTokenVerdict>;
}
