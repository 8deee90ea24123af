/**
 * The fixed people, tenant and chats the Agents Playground pretends to be, so the bot sees the same
 * ids on every start. The names and e-mail addresses are the AFAS sandbox's demo users
 * (`sandbox/demo-users.ts`), so a Playground user activates against the sandbox with their own
 * address. Ids follow Teams' shapes (`29:` users, `28:` bots, `a:` personal and `19:` group/team
 * conversations) so code that handles real Teams ids is exercised; nothing else about them matters.
 */
export interface PlaygroundPerson {
  /** The Bot Framework channel account id: `activity.from.id`. */
  readonly id: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  /** The Entra ID object id: `activity.from.aadObjectId`, the key conversation references are stored by. */
  readonly aadObjectId: string;
  readonly email: string;
  /** The UPN the Playground reports from TeamsInfo.getMember(); equal to the e-mail address here. */
  readonly userPrincipalName: string;
}

export const PLAYGROUND_TENANT_ID = 'a5a5a5a5-0000-4000-8000-000000000001';

export const PLAYGROUND_BOT = Object.freeze({ id: '28:a5a5a5a5-0000-4000-8000-0000000000b0', name: 'AFAS for Teams' });

/** The one-to-one chat of the current user (people[0] by default) with the bot. */
export const PLAYGROUND_PERSONAL_CHAT_ID = 'a:playground-personal-chat';

export const PLAYGROUND_GROUP_CHAT = Object.freeze({ id: '19:playground-group-chat@thread.v2', name: 'Horizon Groep demo' });

export const PLAYGROUND_TEAM = Object.freeze({
  /** Also the id of the team's General channel, as in Teams. */
  id: '19:playground-general@thread.tacv2',
  name: 'Horizon Groep',
  aadGroupId: 'a5a5a5a5-0000-4000-8000-000000002001',
  channel: Object.freeze({ id: '19:playground-announcements@thread.tacv2', name: 'Announcements' }),
});

const DOMAIN = 'horizon-groep.example';

function person(n: number, local: string, givenName: string, surname: string): PlaygroundPerson {
  const email = `${local}@${DOMAIN}`;
  return Object.freeze({
    id: `29:playground-user-0${n}`,
    name: `${givenName} ${surname}`,
    givenName,
    surname,
    aadObjectId: `a5a5a5a5-0000-4000-8000-00000000100${n}`,
    email,
    userPrincipalName: email,
  });
}

/**
 * Exactly six people: the Playground's config needs one current user plus exactly five others.
 * people[0], Jan de Vries, is the current user unless the launcher is told otherwise.
 */
export const PLAYGROUND_PEOPLE: readonly PlaygroundPerson[] = Object.freeze([
  person(1, 'jan.devries', 'Jan', 'de Vries'),
  person(2, 'fleur.bakker', 'Fleur', 'Bakker'),
  person(3, 'sanne.jansen', 'Sanne', 'Jansen'),
  person(4, 'mohamed.elamrani', 'Mohamed', 'el Amrani'),
  person(5, 'emma.williams', 'Emma', 'Williams'),
  person(6, 'pieter.visser', 'Pieter', 'Visser'),
]);
