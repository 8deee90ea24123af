import { EXIT } from './cli-io';
import { str, type CliCommand } from './cli-command';
import { textTable } from './text-table';

const EVERY_TENANT = 'every tenant';

const add: CliCommand = {
  usage: 'owners add <upn> [--tenant <tenant id>] [--name <display name>] [--object-id <guid>]',
  help: `Adds an app owner: they may change connections, access and owners in the admin screen.

  --tenant <tenant id>   Owner of this tenant only (default: owner of every tenant)
  --name <name>          How users are told to reach them, e.g. "Anna Jansen"
  --object-id <guid>     Their Entra object id, when their Teams sign-in carries no UPN`,
  options: { tenant: { type: 'string' }, name: { type: 'string' }, 'object-id': { type: 'string' } },
  positionals: ['upn'],
  async run({ ctx, values, args, io }) {
    const input = { upn: args[0], ...(str(values, 'name') ? { displayName: str(values, 'name') } : {}), ...(str(values, 'object-id') ? { aadObjectId: str(values, 'object-id') } : {}) };
    const owner = await ctx.admin.addOwner.execute(ctx.scope, input, { tenantId: str(values, 'tenant') });
    io.out(`Added ${owner.upn} as an owner of ${owner.tenantId ?? EVERY_TENANT}.`);
    return EXIT.ok;
  },
};

const list: CliCommand = {
  usage: 'owners list [--tenant <tenant id>]',
  help: `Lists the app owners (of every tenant, or of one tenant together with the owners of every tenant).

  --tenant <tenant id>   Only the owners this tenant has`,
  options: { tenant: { type: 'string' } },
  positionals: [],
  async run({ ctx, values, io }) {
    const tenant = str(values, 'tenant');
    const owners = (await ctx.admin.listOwners.execute(ctx.scope)).filter((o) => tenant === undefined || o.tenantId === null || o.tenantId === tenant);
    if (owners.length === 0) {
      io.out('No owners yet. Add one with: npm run admin -- owners add <upn>');
      return EXIT.ok;
    }
    const rows = owners.map((o) => [o.upn, o.displayName ?? '', o.tenantId ?? EVERY_TENANT, o.source === 'demo' ? 'demo owner (APP_OWNERS not set)' : o.source === 'config' ? 'APP_OWNERS' : `${o.addedBy}, ${o.addedAt.slice(0, 10)}`]);
    io.out(textTable(['UPN', 'NAME', 'TENANT', 'ADDED BY'], rows));
    return EXIT.ok;
  },
};

const remove: CliCommand = {
  usage: 'owners remove <upn> [--tenant <tenant id>]',
  help: `Removes an app owner. The last owner cannot be removed, nor owners listed in APP_OWNERS.

  --tenant <tenant id>   Remove them as owner of this tenant (default: as owner of every tenant)`,
  options: { tenant: { type: 'string' } },
  positionals: ['upn'],
  async run({ ctx, values, args, io }) {
    const tenant = str(values, 'tenant');
    await ctx.admin.removeOwner.execute(ctx.scope, args[0], { tenantId: tenant });
    io.out(`Removed ${args[0].toLowerCase()} as an owner of ${tenant ?? EVERY_TENANT}.`);
    return EXIT.ok;
  },
};

export const OWNERS_COMMANDS: Readonly<Record<string, CliCommand>> = { add, list, remove };
