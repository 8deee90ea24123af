import { AppError } from '../domain/app-error';
import {
  PLAYGROUND_BOT,
  PLAYGROUND_GROUP_CHAT,
  PLAYGROUND_PEOPLE,
  PLAYGROUND_PERSONAL_CHAT_ID,
  PLAYGROUND_TEAM,
  PLAYGROUND_TENANT_ID,
  type PlaygroundPerson,
} from './playground-identities';

/** The file name the Playground 0.2.28 looks for in its working directory. */
export const PLAYGROUND_CONFIG_FILE_NAME = '.m365agentsplayground.yml';

/** A user as the config file's JSON schema (version 0.1.1) spells it: `userPrincipleName`, sic. */
interface ConfigUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The whole config file; every key is required and no other key is allowed. */
export interface PlaygroundConfigFile {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: ConfigUser;
  /** Exactly five: the Playground exits at start with fewer or more. */
  users: ConfigUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

function toConfigUser(p: PlaygroundPerson): ConfigUser {
  return { id: p.id, name: p.name, userPrincipleName: p.userPrincipalName, aadObjectId: p.aadObjectId, givenName: p.givenName, surname: p.surname, email: p.email };
}

/** The deterministic config: `currentUserIndex` picks who of PLAYGROUND_PEOPLE chats with the bot. */
export function buildPlaygroundConfig(currentUserIndex = 0): PlaygroundConfigFile {
  const current = PLAYGROUND_PEOPLE[currentUserIndex];
  if (!Number.isInteger(currentUserIndex) || current === undefined) {
    throw new AppError('playground_failed', `There is no Playground person number ${currentUserIndex}`, { details: { reason: 'bad_option' } });
  }
  return {
    version: '0.1.1',
    tenantId: PLAYGROUND_TENANT_ID,
    bot: { id: PLAYGROUND_BOT.id, name: PLAYGROUND_BOT.name },
    currentUser: toConfigUser(current),
    users: PLAYGROUND_PEOPLE.filter((p) => p !== current).map(toConfigUser),
    personalChat: { id: PLAYGROUND_PERSONAL_CHAT_ID },
    groupChat: { id: PLAYGROUND_GROUP_CHAT.id, name: PLAYGROUND_GROUP_CHAT.name },
    team: {
      id: PLAYGROUND_TEAM.id,
      name: PLAYGROUND_TEAM.name,
      aadGroupId: PLAYGROUND_TEAM.aadGroupId,
      channels: [{ id: PLAYGROUND_TEAM.channel.id, name: PLAYGROUND_TEAM.channel.name }],
    },
  };
}

/** YAML is a superset of JSON, so JSON is written: no YAML library, no quoting mistakes. */
export function renderPlaygroundConfig(config: PlaygroundConfigFile): string {
  return `# Written by src/dev/agents-playground.ts on every start; edits are overwritten.\n${JSON.stringify(config, null, 2)}\n`;
}
