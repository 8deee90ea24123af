import { ConfigError, parseConfig } from '../../src/config';
import { NO_BOT_EXPLANATION, PLACEHOLDER_ID, resolvePackageSettings } from '../../src/app-package/package-settings';
import { BOT_ID, VALID_ENV } from './package-fixture';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('the package settings', () => {
  it('default the Teams app id to the bot id and the version to package.json', () => {
    const settings = resolvePackageSettings(parseConfig(VALID_ENV), '0.4.0', 'release');
    expect(settings.problems).toEqual([]);
    expect(settings.values).toMatchObject({ APP_ID: BOT_ID, BOT_ID, APP_VERSION: '0.4.0', PUBLIC_HOST: 'afas-teams.example.com', DEVELOPER_NAME: 'AFAS for Teams', PRIVACY_URL: 'https://afas-teams.example.com' });
    expect(settings.ssoResource).toBe(`api://afas-teams.example.com/${BOT_ID}`);
  });

  it('refuse a release without a bot, and say what to set', () => {
    const settings = resolvePackageSettings(parseConfig({}), '0.4.0', 'release');
    expect(settings.problems).toEqual([NO_BOT_EXPLANATION, expect.stringMatching(/^PUBLIC_URL is http:\/\/localhost:3978: Teams loads the tabs only over https/)]);
    expect(NO_BOT_EXPLANATION).toMatch(/MicrosoftAppId, MicrosoftAppTenantId and an https PUBLIC_URL/);
  });

  it('turn the same gaps into warnings for an inspection package, with a placeholder id', () => {
    const settings = resolvePackageSettings(parseConfig({}), '0.4.0', 'inspect');
    expect(settings.problems).toEqual([]);
    expect(settings.warnings).toHaveLength(2);
    expect(settings.botId).toBe(PLACEHOLDER_ID);
    expect(settings.values.APP_ID).toBe(PLACEHOLDER_ID);
  });

  it('are configured through keys that fail fast like every other key', () => {
    expect(problemsOf({ TEAMS_APP_ID: 'afas', APP_VERSION: '1.0', TEAMS_DEVELOPER_NAME: 'A'.repeat(33), TEAMS_PRIVACY_URL: 'http://example.com/privacy' })).toEqual([
      'TEAMS_APP_ID must be a GUID such as 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
      'APP_VERSION must be major.minor.patch with digits only, such as 1.2.0',
      'TEAMS_DEVELOPER_NAME must be at most 32 characters',
      'TEAMS_PRIVACY_URL must be an https:// URL (http:// only for localhost)',
    ]);
    expect(parseConfig({}).teamsApp).toEqual({ appId: null, version: null, developerName: 'AFAS for Teams', developerUrl: null, privacyUrl: null, termsUrl: null });
  });
});
