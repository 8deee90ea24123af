import { inspect } from 'node:util';

/** Everything an error could show when logged: message, stack, details and the whole cause chain. */
export function everythingIn(error: unknown): string {
  const plain = JSON.stringify(error, (_key, value: unknown) =>
    value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack, cause: value.cause } : value,
  );
  return `${plain}\n${inspect(error, { depth: 20, showHidden: true })}`;
}

/** Fails with the secret's name (not its value) when any secret occurs in the text. */
export function expectNoSecrets(text: string, secrets: Record<string, string>): void {
  const leaked = Object.entries(secrets)
    .filter(([, secret]) => secret.length > 0 && text.includes(secret))
    .map(([name]) => name);
  expect(leaked).toEqual([]);
}
