import { z } from 'zod';
import type { OtpRequestBody, OtpService } from '../otp-service';
import { refusals } from '../sandbox-http-error';
import type { AfasRoute } from './afas-route';

const text = z.string().trim().min(1);

// The AFAS schema says `userId`; its own example body says `userid`: accept both.
const requestSchema = z
  .object({ apiKey: text, apiToken: text, userId: text.optional(), userid: text.optional() })
  .refine((b) => b.userId !== undefined || b.userid !== undefined);

const validationSchema = z.object({ otp: text });

function parseRequestBody(raw: unknown): OtpRequestBody {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) throw refusals.badRequest('apiKey, apiToken and userId are required');
  const { apiKey, apiToken, userId, userid } = parsed.data;
  return { apiKey, apiToken, userId: userId ?? userid ?? '' };
}

/**
 * `otprequest` (always an empty 2xx) and `otpvalidation` (the token, or AFAS's 500). While classic
 * tokens are switched off (as after 31 August 2027) `otpvalidation` issues none.
 */
export function otpRoutes(service: OtpService, classicTokensEnabled: () => boolean = () => true): AfasRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/otprequest\/?$/i,
      authenticated: false,
      handle: async (ctx) => {
        const user = service.request(parseRequestBody(await ctx.body()));
        if (user) ctx.identify(user.userId);
        return { status: 200 };
      },
    },
    {
      method: 'POST',
      pattern: /^\/otpvalidation\/?$/i,
      authenticated: false,
      handle: async (ctx) => {
        const raw = await ctx.body();
        const body = parseRequestBody(raw);
        const otp = validationSchema.safeParse(raw);
        if (!otp.success) throw refusals.badRequest('apiKey, apiToken, userId and otp are required');
        if (!classicTokensEnabled()) throw refusals.classicTokensEnded();
        const { token, user } = service.validate({ ...body, otp: otp.data.otp });
        ctx.identify(user.userId);
        // AFAS ends the token with CRLF inside the JSON string; clients must trim it.
        return { status: 200, body: { token: `${token}\r\n` } };
      },
    },
  ];
}
