/** Where a card's tracked "Open" link (`<PUBLIC_URL>/open/<payload>.<signature>`) leads on to; other links as they are. */
export function linkTarget(url: string): string {
  const match = /\/open\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(url);
  if (!match) return url;
  return (JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { u: string }).u;
}

/** The token part of a tracked link. */
export function linkToken(url: string): string {
  const token = url.split('/open/')[1];
  if (!token) throw new Error(`not a tracked link: ${url}`);
  return token;
}
