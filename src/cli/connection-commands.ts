import { EXIT } from './cli-io';
import { str, type CliCommand } from './cli-command';
import { readSecrets } from './secret-input';
import { textTable } from './text-table';
import type { ConnectionCheck } from '../use-cases/admin/connection-check';

const EVERY_TENANT = 'every tenant';

const add: CliCommand = {
  usage: 'connection add --name <name> --environment <O12345AA|12345|URL> --api-key <key|-> --environment-key <key|-> [options]',
  help: `Adds an AFAS connection. Without --tenant it serves every tenant.

  --name <name>                   What admins call it, e.g. "AFAS productie"
  --environment <env>             O12345AA, T12345AA, A12345AA, a participant number, or a full
                                  https://.../ProfitRestServices URL
  --environment-type <type>       For a bare participant number: production (default), test, acceptance
  --api-key <key|->               The app connector's API key (API-sleutel), 32 hex characters
  --environment-key <key|->       The app connector's environment key (Omgevingssleutel)
                                  "-" reads the keys from standard input, one a line (API key first);
                                  left out on a terminal, they are asked for without echo.
  --tenant <tenant id>            The Entra tenant it serves (default: every tenant)
  --tasks-connector <name>        GetConnector with the tasks (default Teams_Tasks)
  --signals-connector <name>      GetConnector with the signals (default Teams_Signals)
  --insite-url <url>              AFAS InSite (default https://{nr}.afasinsite.nl)
  --task-url-template <url>       Link to one task, with {field} placeholders
  --signal-url-template <url>     Link to one signal, with {field} placeholders
  --default-tasks-url <url>       Where a click goes without an item link (default: InSite)
  --use-default-tasks-url         Every click goes to the default tasks URL
  --default-list <task|signal>    Which list comes first (default task)
  --default                       Make it the default connection of its tenant
  --disabled                      Add it switched off

Acting on tasks (AFAS's actions on task cards and in the tab; on by default):
  --no-task-actions               Tasks show without actions: no connector below is read or posted to
  --subject-tasks-connector <name>
                                  GetConnector with each task's workflow (default Profit_Subject_Tasks)
  --workflow-actions-connector <name>
                                  GetConnector with a step's actions (default Profit_Workflowactions)
  --task-reaction-connector <name>
                                  UpdateConnector for reactions (default KnSubjectWorkflowReaction)`,
  options: {
    name: { type: 'string' },
    environment: { type: 'string' },
    'environment-type': { type: 'string' },
    'api-key': { type: 'string' },
    'environment-key': { type: 'string' },
    tenant: { type: 'string' },
    'tasks-connector': { type: 'string' },
    'signals-connector': { type: 'string' },
    'insite-url': { type: 'string' },
    'task-url-template': { type: 'string' },
    'signal-url-template': { type: 'string' },
    'default-tasks-url': { type: 'string' },
    'use-default-tasks-url': { type: 'boolean' },
    'default-list': { type: 'string' },
    default: { type: 'boolean' },
    disabled: { type: 'boolean' },
    'no-task-actions': { type: 'boolean' },
    'subject-tasks-connector': { type: 'string' },
    'workflow-actions-connector': { type: 'string' },
    'task-reaction-connector': { type: 'string' },
  },
  positionals: [],
  async run({ ctx, values, io }) {
    const secrets = await readSecrets({ 'api-key': str(values, 'api-key'), 'environment-key': str(values, 'environment-key') }, io, true);
    const defined = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const view = await ctx.admin.saveConnection.create(
      ctx.scope,
      defined({
        name: str(values, 'name'),
        environment: str(values, 'environment'),
        environmentType: str(values, 'environment-type'),
        tenantId: str(values, 'tenant'),
        tasksConnector: str(values, 'tasks-connector'),
        signalsConnector: str(values, 'signals-connector'),
        insiteUrl: str(values, 'insite-url'),
        taskUrlTemplate: str(values, 'task-url-template'),
        signalUrlTemplate: str(values, 'signal-url-template'),
        defaultTasksUrl: str(values, 'default-tasks-url'),
        useDefaultTasksUrl: values['use-default-tasks-url'] === true ? true : undefined,
        defaultList: str(values, 'default-list'),
        isDefault: values.default === true ? true : undefined,
        enabled: values.disabled === true ? false : undefined,
        taskActions: defined({
          enabled: values['no-task-actions'] === true ? false : undefined,
          subjectTasksConnector: str(values, 'subject-tasks-connector'),
          workflowActionsConnector: str(values, 'workflow-actions-connector'),
          reactionConnector: str(values, 'task-reaction-connector'),
        }),
        ...secrets,
      }),
    );
    io.out(`Added connection ${view.id} ("${view.name}") for ${view.tenantId ?? EVERY_TENANT}: ${view.baseUrl}`);
    io.out(`API key and environment key: ${view.secrets.apiKeySet ? 'set' : 'not set'}.`);
    const actions = view.taskActions;
    io.out(actions.enabled ? `Acting on tasks: on, with ${actions.subjectTasksConnector}, ${actions.workflowActionsConnector} and ${actions.reactionConnector}.` : 'Acting on tasks: off.');
    io.out(`Test it once someone has activated with it: npm run admin -- connection test ${view.id} --as <their AFAS e-mail>`);
    return EXIT.ok;
  },
};

const list: CliCommand = {
  usage: 'connection list',
  help: 'Lists every connection of every tenant. Keys show only as "set" or "not set".',
  options: {},
  positionals: [],
  async run({ ctx, io }) {
    const connections = await ctx.admin.listConnections.execute(ctx.scope);
    if (connections.length === 0) {
      io.out('No connections yet. Add one with: npm run admin -- connection add --help');
      return EXIT.ok;
    }
    const yes = (flag: boolean) => (flag ? 'yes' : 'no');
    const rows = connections.map((c) => [c.id, c.name, c.tenantId ?? EVERY_TENANT, c.environment, `${c.tasksConnector}, ${c.signalsConnector}`, yes(c.isDefault), yes(c.enabled), c.secrets.apiKeySet ? 'set' : 'not set']);
    io.out(textTable(['ID', 'NAME', 'TENANT', 'ENVIRONMENT', 'CONNECTORS', 'DEFAULT', 'ENABLED', 'KEYS'], rows));
    return EXIT.ok;
  },
};

const STATUS_WORD = { ok: 'ok', warning: 'WARNING', problem: 'PROBLEM' } as const;

function printCheck(check: ConnectionCheck, write: (text: string) => void): void {
  write(check.testedWith ? `Connection ${check.connectionId}, tested with the activation of ${check.testedWith}:` : `Connection ${check.connectionId}:`);
  for (const finding of check.findings) write(`  ${STATUS_WORD[finding.status].padEnd(8)} ${finding.message}`);
  const result = { ok: 'Result: everything checked is in order.', problems: 'Result: problems found (see above).', not_confirmable: 'Result: the keys could not be confirmed yet.' };
  write(result[check.outcome]);
}

const test: CliCommand = {
  usage: 'connection test <id> [--as <AFAS user id or e-mail>]',
  help: `Checks a connection with AFAS: ProfitVersion, whether both GetConnectors are in the app
connector, and whether they have every field the field map needs (naming the missing ones).
AFAS can only be asked with someone's activation: --as names the AFAS user id or e-mail that
person activated with. Without one the keys cannot be confirmed: AFAS answers every code request
with success, even for wrong keys.

  --as <user>   The AFAS user id or e-mail of someone who activated with this connection

Exit code: 0 in order, 1 problems found, 3 the keys could not be confirmed (no activation).`,
  options: { as: { type: 'string' } },
  positionals: ['id'],
  async run({ ctx, values, args, io }) {
    const check = await ctx.admin.testConnection.execute(ctx.scope, args[0], { asAfasUserId: str(values, 'as') });
    printCheck(check, (text) => io.out(text));
    return check.outcome === 'ok' ? EXIT.ok : check.outcome === 'problems' ? EXIT.failed : EXIT.notConfirmable;
  },
};

const remove: CliCommand = {
  usage: 'connection remove <id>',
  help: 'Removes a connection with its keys and access lists. Users activated with it are asked to activate again.',
  options: {},
  positionals: ['id'],
  async run({ ctx, args, io }) {
    await ctx.admin.removeConnection.execute(ctx.scope, args[0]);
    io.out(`Removed connection ${args[0]}.`);
    return EXIT.ok;
  },
};

export const CONNECTION_COMMANDS: Readonly<Record<string, CliCommand>> = { add, list, test, remove };
