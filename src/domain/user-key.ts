/** A Teams user: the tenant and the user's Entra ID (AAD) object id. Never taken from a request body. */
export interface UserKey {
  readonly tenantId: string;
  readonly aadObjectId: string;
}

export function userKeyString(user: UserKey): string {
  return `${user.tenantId}/${user.aadObjectId}`;
}
