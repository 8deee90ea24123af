/**
 * Encrypts secrets (AFAS tokens, app-connector keys) for storage. A sealed value names the key it
 * was sealed with so keys can rotate; opening a tampered value fails with `secret_tampered`.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}
