import { parseArgs } from 'node:util';
import { AppError } from '../domain/app-error';
import { ConfigError } from '../config';
import type { InputProblem } from '../use-cases/admin/validation';
import type { CliCommand, CliValues } from './cli-command';
import { openCliContext, type CliContext } from './cli-context';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_AUTH_COMMANDS } from './connection-auth-commands';
import { CONNECTION_COMMANDS } from './connection-commands';
import { OWNERS_COMMANDS } from './owners-commands';

const GROUPS: Readonly<Record<string, Readonly<Record<string, CliCommand>>>> = { connection: { ...CONNECTION_COMMANDS, ...CONNECTION_AUTH_COMMANDS }, owners: OWNERS_COMMANDS };

const MAIN_HELP = `AFAS for Teams administration, for operators without Teams. Uses the same configuration
(.env, DATABASE_URL or DATA_DIR, TOKEN_ENCRYPTION_KEY) and storage as the server.

Usage: npm run admin -- <command> [options]

${Object.entries(GROUPS)
  .flatMap(([, commands]) => Object.values(commands).map((c) => `  ${c.usage}`))
  .join('\n')}

Run npm run admin -- <group> <command> --help for a command's options.
Exit codes: 0 done, 1 failed, 2 wrong usage, 3 connection test could not confirm the keys.`;

/** API field names as the CLI's flags, so a problem names what the operator typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  tenantId: '--tenant',
  displayName: '--name',
  aadObjectId: '--object-id',
  upn: '<upn>',
  isDefault: '--default',
  enabled: '--disabled',
  'taskActions.enabled': '--no-task-actions',
  authMode: '--mode',
  'taskActions.subjectTasksConnector': '--subject-tasks-connector',
  'taskActions.workflowActionsConnector': '--workflow-actions-connector',
  'taskActions.reactionConnector': '--task-reaction-connector',
};

function flagName(field: string): string {
  return FLAG_OF[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function parse(command: CliCommand, args: readonly string[]): { values: CliValues; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0].replace(/\. To specify a positional.*$/, '.') : String(error));
  }
  return { values: parsed.values as CliValues, positionals: parsed.positionals };
}

function explain(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(error.message);
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    io.err(`${error.message}\nThe CLI reads the same configuration as the server (.env or the environment).`);
    return EXIT.failed;
  }
  if (error instanceof AppError && error.code === 'validation_failed') {
    const problems = (error.details.problems ?? []) as InputProblem[];
    io.err(['Not saved:', ...problems.map((p) => `  ${flagName(p.field)} ${p.message}`)].join('\n'));
    return EXIT.failed;
  }
  if (error instanceof AppError) {
    io.err(`error: ${error.message}`);
    return EXIT.failed;
  }
  io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failed;
}

/**
 * `npm run admin -- <group> <verb> [options]`: connections and owners on the product's storage.
 * Returns the exit code; never prints a key.
 */
export async function runAdminCli(argv: readonly string[], io: CliIo, open: (io: CliIo) => Promise<CliContext> = openCliContext): Promise<number> {
  const [groupName, verb, ...rest] = argv;
  if (groupName === undefined || groupName === '--help' || groupName === '-h' || groupName === 'help') {
    (groupName === undefined ? io.err : io.out)(MAIN_HELP);
    return groupName === undefined ? EXIT.usage : EXIT.ok;
  }
  const group = GROUPS[groupName];
  if (!group) return explain(new UsageError(`Unknown command "${groupName}". Commands: ${Object.keys(GROUPS).join(', ')}. Run npm run admin -- --help.`), io);
  const command = verb === undefined ? undefined : group[verb];
  if (!command) {
    const list = Object.values(group).map((c) => `  ${c.usage}`).join('\n');
    if (verb === '--help' || verb === '-h') {
      io.out(list);
      return EXIT.ok;
    }
    return explain(new UsageError(`${verb === undefined ? 'Which' : `Unknown ${groupName} command "${verb}". Which`} ${groupName} command?\n${list}`), io);
  }
  let ctx: CliContext | undefined;
  try {
    const { values, positionals } = parse(command, rest);
    if (values.help === true) {
      io.out(`Usage: npm run admin -- ${command.usage}\n\n${command.help}`);
      return EXIT.ok;
    }
    if (positionals.length !== command.positionals.length) {
      const wanted = command.positionals.length === 0 ? 'no arguments' : command.positionals.map((p) => `<${p}>`).join(' ');
      throw new UsageError(`"${groupName} ${verb}" takes ${wanted}. Usage: npm run admin -- ${command.usage}`);
    }
    ctx = await open(io);
    return await command.run({ ctx, values, args: positionals, io });
  } catch (error) {
    return explain(error, io);
  } finally {
    await ctx?.close();
  }
}
