import type { ConnectionAuthView } from '../domain/connection-auth';
import { CLASSIC_TOKENS_LAST_DAY } from '../domain/classic-token-end';
import { str, type CliCommand } from './cli-command';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { textTable } from './text-table';

const HINT = 'A secret typed on the command line stays in the shell history; "-" reads it from standard input instead.';

function printAuth(view: ConnectionAuthView, io: CliIo): void {
  io.out(`Connection ${view.connectionId} signs in with: ${view.authMode}${view.fromConfiguration ? ' (from AFAS_AUTH_MODE and AFAS_OAUTH_*)' : ''}`);
  io.out(`OAuth client id: ${view.clientId ?? 'none'}; client secret: ${view.clientSecretSet ? 'set' : 'not set'}; scope: ${view.scope === '' ? 'none' : view.scope}`);
  io.out(`Redirect URI to register on the app connector in AFAS: ${view.redirectUri}`);
  io.out(`Activated users: ${view.users.classic} classic, ${view.users.oauth} OAuth.`);
  if (view.classicEndWarning) io.out(`WARNING  Classic AFAS tokens stop working on 31 August 2027: ${view.users.classic} ${view.users.classic === 1 ? 'user still uses' : 'users still use'} one.`);
}

const auth: CliCommand = {
  usage: 'connection auth <id> [--mode classic|oauth|both] [--client-id <id>] [--client-secret <secret|->] [--scope <scope>]',
  help: `Shows or changes how users of a connection sign in to AFAS. AFAS's classic tokens (the e-mailed
activation code) stop working after ${CLASSIC_TOKENS_LAST_DAY}. Without options it only shows the settings,
the redirect URI to register in AFAS and how many users are on each kind of token.

  --mode <mode>               classic (the e-mailed code), oauth (sign in with AFAS), or both (users who
                              activated keep their classic token, new sign-ins use OAuth)
  --client-id <id>            The OAuth client id of the app connector in AFAS ("" removes it)
  --client-secret <secret|->  Its client secret; "-" reads it from standard input ("" removes it)
  --scope <scope>             The scope to ask for (AFAS documents none: empty by default)

The connection from the AFAS_* settings changes only there (AFAS_AUTH_MODE, AFAS_OAUTH_*).`,
  options: { mode: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, scope: { type: 'string' } },
  positionals: ['id'],
  async run({ ctx, values, args, io }) {
    let clientSecret = str(values, 'client-secret');
    if (clientSecret === '-') {
      clientSecret = (await io.readStdin()).split(/\r?\n/)[0]?.trim();
      if (!clientSecret) throw new UsageError('--client-secret - reads the secret from standard input, which is empty.');
    } else if (clientSecret) io.err(`Note: ${HINT}`);
    const input = Object.fromEntries(
      Object.entries({ authMode: str(values, 'mode'), clientId: str(values, 'client-id'), clientSecret, scope: str(values, 'scope') }).filter(([, v]) => v !== undefined),
    );
    const changing = Object.keys(input).length > 0;
    const view = changing ? await ctx.admin.setConnectionAuth.execute(ctx.scope, args[0], input) : await ctx.admin.getConnectionAuth.execute(ctx.scope, args[0]);
    printAuth(view, io);
    return EXIT.ok;
  },
};

const users: CliCommand = {
  usage: 'connection users <id>',
  help: 'Lists the activated users of a connection and whether each uses a classic token or OAuth.',
  options: {},
  positionals: ['id'],
  async run({ ctx, args, io }) {
    const list = await ctx.admin.listConnectionUsers.execute(ctx.scope, args[0]);
    if (list.length === 0) {
      io.out(`Nobody has activated with connection ${args[0]}.`);
      return EXIT.ok;
    }
    io.out(textTable(['TENANT', 'TEAMS USER', 'AFAS USER', 'SIGN-IN', 'ACTIVATED'], list.map((u) => [u.tenantId, u.aadObjectId, u.afasUserId, u.authKind, u.activatedAt])));
    const classic = list.filter((u) => u.authKind === 'classic').length;
    io.out(`${classic} classic, ${list.length - classic} OAuth.`);
    return EXIT.ok;
  },
};

const invite: CliCommand = {
  usage: 'connection invite <id>',
  help: `Sends every user of the connection still on a classic token one card in their Teams chat inviting
them to sign in with AFAS (OAuth). Needs --mode oauth or both with an OAuth client. Run twice on one
day, nobody gets a second card. Uses the bot's credentials (MicrosoftAppId...) from the configuration.`,
  options: {},
  positionals: ['id'],
  async run({ ctx, args, io }) {
    const result = await ctx.admin.inviteClassicUsers.execute(ctx.scope, args[0]);
    io.out(`Invited: ${result.invited}. Invited earlier today: ${result.alreadyInvited}. Not reached (no chat with the bot, or Teams refused): ${result.notReached}${result.notReached > 0 ? '; run it again to retry those Teams refused' : ''}.`);
    return result.notReached > 0 ? EXIT.failed : EXIT.ok;
  },
};

export const CONNECTION_AUTH_COMMANDS: Readonly<Record<string, CliCommand>> = { auth, users, invite };
