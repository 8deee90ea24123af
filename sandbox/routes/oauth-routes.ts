import { readFormBody } from '../oauth/form-body';
import type { OAuthProvider } from '../oauth/oauth-provider';
import type { AfasRoute } from './afas-route';

/** `oauth/authorize` (GET: the consent page; POST: its form) and `oauth/token` (form-encoded). */
export function oauthRoutes(provider: OAuthProvider): AfasRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/oauth\/authorize\/?$/i,
      authenticated: false,
      handle: (ctx) => provider.authorizePage(ctx.query),
    },
    {
      method: 'POST',
      pattern: /^\/oauth\/authorize\/?$/i,
      authenticated: false,
      handle: async (ctx) => {
        const { reply, user } = provider.consent(ctx.query, await readFormBody(ctx.req));
        if (user) ctx.identify(user.userId);
        return reply;
      },
    },
    {
      method: 'POST',
      pattern: /^\/oauth\/token\/?$/i,
      authenticated: false,
      handle: async (ctx) => {
        const { reply, userId } = provider.tokenEndpoint.handle(await readFormBody(ctx.req), ctx.req.headers.authorization);
        if (userId) ctx.identify(userId);
        return reply;
      },
    },
  ];
}
