import { build, BOT_ID, configFrom, PUBLIC_URL, realSources, VALID_ENV } from './package-fixture';
import { valueAt } from '../../src/app-package/json-tree';

describe('the Teams app package built from the committed template', () => {
  it('passes every check with a real bot id and an https PUBLIC_URL', async () => {
    const built = await build();
    expect(built.problems).toEqual([]);
    expect([...built.entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'nl.json', 'outline.png']);
  });

  it('points the bot, the tabs, validDomains and single sign-on at the configured deployment', async () => {
    const { manifest } = await build();
    expect(valueAt(manifest, 'manifestVersion')).toBe('1.30');
    expect(valueAt(manifest, 'id')).toBe(BOT_ID);
    expect(valueAt(manifest, 'version')).toBe('1.2.3');
    expect(valueAt(manifest, 'bots', 0, 'botId')).toBe(BOT_ID);
    expect(valueAt(manifest, 'bots', 0, 'scopes')).toEqual(['personal']);
    expect(valueAt(manifest, 'bots', 0, 'supportsFiles')).toBe(false);
    expect(valueAt(manifest, 'bots', 0, 'isNotificationOnly')).toBe(false);
    const commands = valueAt(manifest, 'bots', 0, 'commandLists', 0, 'commands') as { title: string; description: string }[];
    expect(commands.map((c) => c.title)).toEqual(['my tasks', 'my signals', 'summary', 'settings', 'help']);
    const tabs = valueAt(manifest, 'staticTabs') as { entityId: string; contentUrl?: string; name?: string }[];
    expect(tabs.filter((t) => t.contentUrl).map((t) => [t.entityId, t.name, t.contentUrl])).toEqual([
      ['tasks', 'My tasks', `${PUBLIC_URL}/tab/?list=tasks`],
      ['signals', 'My signals', `${PUBLIC_URL}/tab/?list=signals`],
    ]);
    expect(valueAt(manifest, 'validDomains')).toEqual(['afas-teams.example.com']);
    expect(valueAt(manifest, 'webApplicationInfo')).toEqual({ id: BOT_ID, resource: `api://afas-teams.example.com/${BOT_ID}` });
    expect(valueAt(manifest, 'localizationInfo')).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'nl-nl', file: 'nl.json' }] });
  });

  it('keeps names and descriptions within what Teams shows', async () => {
    const { manifest } = await build();
    expect(valueAt(manifest, 'name', 'short')).toBe('AFAS for Teams');
    expect((valueAt(manifest, 'description', 'short') as string).length).toBeLessThanOrEqual(80);
    expect((valueAt(manifest, 'description', 'full') as string).length).toBeLessThanOrEqual(4000);
  });

  it('uses TEAMS_APP_ID, APP_VERSION and the developer keys when they are set', async () => {
    const config = configFrom({
      ...VALID_ENV,
      TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
      APP_VERSION: '2.0.1',
      TEAMS_DEVELOPER_NAME: 'Example BV',
      TEAMS_DEVELOPER_URL: 'https://www.example.nl',
      TEAMS_PRIVACY_URL: 'https://www.example.nl/privacy',
      TEAMS_TERMS_URL: 'https://www.example.nl/voorwaarden',
    });
    const built = await build(realSources(), config);
    expect(built.problems).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(valueAt(built.manifest, 'id')).toBe('11111111-2222-4333-8444-555555555555');
    expect(valueAt(built.manifest, 'bots', 0, 'botId')).toBe(BOT_ID);
    expect(valueAt(built.manifest, 'version')).toBe('2.0.1');
    expect(valueAt(built.manifest, 'developer')).toEqual({ name: 'Example BV', websiteUrl: 'https://www.example.nl', privacyUrl: 'https://www.example.nl/privacy', termsOfUseUrl: 'https://www.example.nl/voorwaarden' });
  });

  it('warns when the privacy statement and terms of use fall back to PUBLIC_URL', async () => {
    const built = await build();
    expect(built.warnings).toEqual([expect.stringMatching(/^TEAMS_PRIVACY_URL and TEAMS_TERMS_URL are not set/)]);
  });

  it('keeps a path in PUBLIC_URL in every address', async () => {
    const built = await build(realSources(), configFrom({ ...VALID_ENV, PUBLIC_URL: 'https://apps.example.com/afas/' }));
    expect(built.problems).toEqual([]);
    expect(valueAt(built.manifest, 'staticTabs', 1, 'contentUrl')).toBe('https://apps.example.com/afas/tab/?list=tasks');
    expect(valueAt(built.manifest, 'webApplicationInfo', 'resource')).toBe(`api://apps.example.com/${BOT_ID}`);
  });
});

describe('the single sign-on resource', () => {
  it('comes from TAB_SSO_AUDIENCE when it lists an Application ID URI', async () => {
    const audience = `api://afas-teams.example.com/sso/${BOT_ID}`;
    const built = await build(realSources(), configFrom({ ...VALID_ENV, TAB_SSO_AUDIENCE: `${BOT_ID},${audience}` }));
    expect(built.problems).toEqual([]);
    expect(valueAt(built.manifest, 'webApplicationInfo', 'resource')).toBe(audience);
  });

  it('warns when TAB_SSO_AUDIENCE names another host than PUBLIC_URL', async () => {
    const built = await build(realSources(), configFrom({ ...VALID_ENV, TAB_SSO_AUDIENCE: `api://sso.example.com/${BOT_ID}` }));
    expect(built.problems).toEqual([]);
    expect(built.warnings).toContainEqual(expect.stringMatching(/^The single sign-on resource api:\/\/sso.example.com\/.* is not on PUBLIC_URL's host afas-teams.example.com/));
  });
});
