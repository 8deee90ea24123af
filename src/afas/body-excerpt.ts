/** Longest excerpt of an unexpected body that goes into an error. */
export const EXCERPT_MAX_CHARS = 120;

const REDACTED = '[redacted]';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]+/g;
// A classic token may be echoed back whole or cut off (a truncated otpvalidation body).
const XML_TOKEN = /<token>[\s\S]*?(<\/token>|$)/gi;
// Keys, environment keys and token data are long hex runs; activation codes are digit runs.
const HEX_RUN = /[0-9a-f]{32,}/gi;
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
const DIGIT_RUN = /\b\d{6,10}\b/g;

/**
 * Replaces every known secret (and anything shaped like a token, key or activation code) in text
 * that is about to go into an error or a log line. Known secrets are matched literally.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  return redactKnownSecrets(text, secrets)
    .replace(XML_TOKEN, REDACTED)
    .replace(HEX_RUN, REDACTED)
    .replace(BASE64_RUN, REDACTED)
    .replace(DIGIT_RUN, REDACTED);
}

/** Replaces only the given secrets, for AFAS's own sentences that must otherwise stay readable. */
export function redactKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A short, single-line, secret-free excerpt of a body AFAS should not have sent. */
export function bodyExcerpt(body: string, secrets: readonly string[] = []): string {
  const flat = scrubSecrets(body, secrets).replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_MAX_CHARS ? flat : `${flat.slice(0, EXCERPT_MAX_CHARS - 1)}…`;
}
