import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './cli-context';
import type { CliIo } from './cli-io';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Readonly<Record<string, string | boolean | undefined>>;

/** One `npm run admin -- <group> <verb>`: its help, its flags, and what it does. */
export interface CliCommand {
  readonly usage: string;
  readonly help: string;
  readonly options: CliOptions;
  /** How many positional arguments it takes (names for the usage error). */
  readonly positionals: readonly string[];
  run(input: { ctx: CliContext; values: CliValues; args: readonly string[]; io: CliIo }): Promise<number>;
}

export const str = (values: CliValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};
