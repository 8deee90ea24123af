import type { UserKey } from '../domain/user-key';

/**
 * What a sealed value is bound to (see SecretBox): the key of the row it belongs in, and for
 * connections which of the two keys it is. JSON arrays, so no id can run into the next part.
 */
export function tokenOwner(user: UserKey): string {
  return JSON.stringify(['activations.token', user.tenantId, user.aadObjectId]);
}

export type ConnectionSecretColumn = 'api_key_sealed' | 'environment_key_sealed';

export function connectionSecretOwner(connectionId: string, column: ConnectionSecretColumn): string {
  return JSON.stringify([`connection_secrets.${column}`, connectionId]);
}

/** The refresh token of an OAuth activation (its access token is `tokenOwner`'s `token_sealed`). */
export function refreshTokenOwner(user: UserKey): string {
  return JSON.stringify(['activations.refresh_token', user.tenantId, user.aadObjectId]);
}

export function oauthClientSecretOwner(connectionId: string): string {
  return JSON.stringify(['connection_oauth.client_secret_sealed', connectionId]);
}

export function signInVerifierOwner(stateHash: string): string {
  return JSON.stringify(['oauth_sign_ins.verifier_sealed', stateHash]);
}

export function signInTokensOwner(stateHash: string): string {
  return JSON.stringify(['oauth_sign_ins.tokens_sealed', stateHash]);
}
