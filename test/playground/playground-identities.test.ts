import { DEMO_USERS } from '../../sandbox/demo-users';
import { buildPlaygroundConfig } from '../../src/dev/playground-config';
import { PLAYGROUND_PEOPLE } from '../../src/dev/playground-identities';

describe('the Playground identities', () => {
  it('are AFAS sandbox demo users, by e-mail address and name', () => {
    for (const person of PLAYGROUND_PEOPLE) {
      expect(DEMO_USERS.find((u) => u.email === person.email)).toMatchObject({ name: person.name });
    }
  });

  it('have unique ids and object ids', () => {
    expect(new Set(PLAYGROUND_PEOPLE.map((p) => p.id)).size).toBe(PLAYGROUND_PEOPLE.length);
    expect(new Set(PLAYGROUND_PEOPLE.map((p) => p.aadObjectId)).size).toBe(PLAYGROUND_PEOPLE.length);
  });

  it('fill a config with the chosen current user and exactly the five others, as the Playground demands', () => {
    const config = buildPlaygroundConfig(2);
    expect(config.currentUser.email).toBe(PLAYGROUND_PEOPLE[2]?.email);
    expect(config.users.map((u) => u.email)).toEqual(PLAYGROUND_PEOPLE.filter((_, i) => i !== 2).map((p) => p.email));
    expect(() => buildPlaygroundConfig(6)).toThrow(expect.objectContaining({ code: 'playground_failed' }));
  });
});
