/**
 * Encrypts secrets (AFAS tokens, app-connector keys) for storage. A sealed value names the key it
 * was sealed with so keys can rotate, and is bound to its owner (the row it belongs in, as a short
 * string such as the user's tenant and object id): opening it for another owner, or opening a
 * tampered value, fails with `secret_tampered`.
 */
export interface SecretBox {
  seal(plaintext: string, owner: string): string;
  open(sealed: string, owner: string): string;
  /**
   * A value sealed before values were bound to an owner, sealed again bound to `owner`; null when
   * `sealed` is bound already. Fails like `open` when the old value cannot be opened.
   */
  rebind(sealed: string, owner: string): string | null;
}
