import * as z from 'zod/mini';

/*
 * The tab's wire format for signing in to AFAS with OAuth (/api/tab/oauth/*), beside tab-api.ts.
 * The tab opens `startUrl` in Teams' authentication popup; the popup ends on our callback page,
 * which hands the tab a completion handle; the tab sends it back with its SSO token, so the sign-in
 * is linked only to the Teams user the token names.
 */

/** POST /api/tab/oauth/begin */
export const oauthBeginSchema = z.object({ startUrl: z.string() });
export type OAuthBeginResponse = z.infer<typeof oauthBeginSchema>;

/** POST /api/tab/oauth/complete: the body. */
export const oauthCompleteBodySchema = z.object({ handle: z.string().check(z.minLength(16), z.maxLength(200)) });
export type OAuthCompleteBody = z.infer<typeof oauthCompleteBodySchema>;

/** POST /api/tab/oauth/complete: `linked` false = nothing of this user matched (expired, used, or begun by someone else). */
export const oauthCompletedSchema = z.object({ linked: z.boolean() });
export type OAuthCompletedResponse = z.infer<typeof oauthCompletedSchema>;
