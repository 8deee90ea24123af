import { at, valueAt, type Json } from './json-tree';

// Teams takes only major.minor.patch with digits: no pre-release or build suffix.
const TEAMS_VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** Text limits Teams applies to the manifest and to every localization file alike. */
export const TEXT_LIMITS: readonly { readonly path: readonly string[]; readonly key: string; readonly max: number }[] = [
  { path: ['name', 'short'], key: 'name.short', max: 30 },
  { path: ['name', 'full'], key: 'name.full', max: 100 },
  { path: ['description', 'short'], key: 'description.short', max: 80 },
  { path: ['description', 'full'], key: 'description.full', max: 4000 },
];

/** Checks the schema cannot express: a Teams version, the configured bot, and readable text limits. */
export function checkManifestRules(manifest: Json, expected: { readonly botId: string }, file = 'manifest.json'): string[] {
  const problems: string[] = [];
  const version = valueAt(manifest, 'version');
  if (typeof version === 'string' && !TEAMS_VERSION.test(version)) {
    problems.push(at(file, '/version', `"${version}" is not a version Teams accepts: use major.minor.patch with digits only, such as 1.0.0 (APP_VERSION or package.json)`));
  }
  const botId = valueAt(manifest, 'bots', 0, 'botId');
  if (botId !== undefined && botId !== expected.botId) {
    problems.push(at(file, '/bots/0/botId', `${JSON.stringify(botId)} is not the configured MicrosoftAppId (${expected.botId}): Teams would deliver this app's chats to another bot`));
  }
  const ssoId = valueAt(manifest, 'webApplicationInfo', 'id');
  if (ssoId !== undefined && ssoId !== expected.botId) {
    problems.push(at(file, '/webApplicationInfo/id', `${JSON.stringify(ssoId)} is not the configured MicrosoftAppId (${expected.botId}): the tabs' single sign-on uses the bot's app registration`));
  }
  for (const limit of TEXT_LIMITS) {
    const text = valueAt(manifest, ...limit.path);
    if (typeof text === 'string' && text.trim() === '') problems.push(at(file, `/${limit.path.join('/')}`, `${limit.key} is empty`));
  }
  problems.push(...checkTextLengths((path) => valueAt(manifest, ...path), (limit) => `/${limit.path.join('/')}`, file));
  return problems;
}

/** Text over its limit; `locate` names the field the way the file names it. */
export function checkTextLengths(read: (path: readonly string[]) => unknown, locate: (limit: (typeof TEXT_LIMITS)[number]) => string, file: string): string[] {
  return TEXT_LIMITS.flatMap((limit) => {
    const text = read(limit.path);
    return typeof text === 'string' && text.length > limit.max ? [at(file, locate(limit), `${limit.key} is ${text.length} characters; Teams allows at most ${limit.max}`)] : [];
  });
}
