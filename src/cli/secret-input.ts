import { UsageError, type CliIo } from './cli-io';

export interface SecretFlags {
  readonly 'api-key'?: string;
  readonly 'environment-key'?: string;
}

const HINT = 'Keys typed on the command line stay in the shell history; "-" reads them from standard input instead.';

/**
 * The API key and environment key from their flags: a value as is, `-` from standard input (one
 * key a line, API key first), or asked on the terminal without echo when the flag is missing.
 */
export async function readSecrets(flags: SecretFlags, io: CliIo, required: boolean): Promise<{ apiKey?: string; environmentKey?: string }> {
  const names = ['api-key', 'environment-key'] as const;
  const fromStdin = names.filter((name) => flags[name] === '-');
  const lines = fromStdin.length > 0 ? (await io.readStdin()).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '') : [];
  if (lines.length < fromStdin.length) throw new UsageError(`Standard input has ${lines.length} line(s), but ${fromStdin.map((n) => `--${n} -`).join(' and ')} need one key a line.`);
  if (names.some((name) => flags[name] !== undefined && flags[name] !== '-')) io.err(`Note: ${HINT}`);
  const result: Record<(typeof names)[number], string | undefined> = { 'api-key': undefined, 'environment-key': undefined };
  for (const name of names) {
    const flag = flags[name];
    if (flag === '-') result[name] = lines[fromStdin.indexOf(name)];
    else if (flag !== undefined) result[name] = flag;
    else if (required) {
      const typed = await io.promptSecret(`${name === 'api-key' ? 'API key (API-sleutel)' : 'Environment key (Omgevingssleutel)'}: `);
      if (typed === null) throw new UsageError(`--${name} is required. ${HINT}`);
      result[name] = typed.trim();
    }
  }
  return { apiKey: result['api-key'], environmentKey: result['environment-key'] };
}
