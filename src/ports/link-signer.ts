/**
 * Signs short texts so a link can carry them and the server can trust them when the link comes back
 * (the open-tracking links on cards). `verify` is constant-time and false for anything altered.
 */
export interface LinkSigner {
  sign(payload: string): string;
  verify(payload: string, signature: string): boolean;
}
