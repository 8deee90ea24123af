import { build, BOT_ID, editedSources, solidPng } from './package-fixture';

const OTHER_BOT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

type Template = Record<string, unknown> & { bots: Record<string, unknown>[]; staticTabs: Record<string, unknown>[] };

async function problemsWith(edit: (template: Template) => void, files: Record<string, Buffer> = {}): Promise<string[]> {
  const built = await build(editedSources((t) => edit(t as Template), files));
  expect(built.entries.size).toBe(0);
  return [...built.problems];
}

describe('a broken manifest', () => {
  it('names every problem at once: version, foreign URL, outline size and colour, bot id, missing field', async () => {
    const opaqueOutline64 = solidPng(64, [30, 95, 180, 255]);
    const problems = await problemsWith(
      (t) => {
        t.version = '1.0';
        t.staticTabs[1].contentUrl = 'http://tabs.example.org/tab/?list=tasks';
        t.bots[0].botId = OTHER_BOT;
        delete t.accentColor;
      },
      { 'outline.png': opaqueOutline64 },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json /version: "1.0" is not a version Teams accepts: use major.minor.patch with digits only, such as 1.0.0 (APP_VERSION or package.json)',
        'manifest.json /staticTabs/1/contentUrl: http://tabs.example.org/tab/?list=tasks is outside PUBLIC_URL (https://afas-teams.example.com) and is not https: every page of the app must come from this service',
        `manifest.json /bots/0/botId: "${OTHER_BOT}" is not the configured MicrosoftAppId (${BOT_ID}): Teams would deliver this app's chats to another bot`,
        'manifest.json (top level): the required property "accentColor" is missing',
        'outline.png: is 64x64 pixels; Teams needs 32x32',
        'outline.png: has no transparent pixels; the outline icon must be a white emblem on a transparent background',
        'outline.png: 4096 visible pixels are not white (first at x=0, y=0: rgba(30, 95, 180, 255)); Teams tints the outline icon and needs it white only',
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('refuses a version with a pre-release suffix, which Teams does not take', async () => {
    expect(await problemsWith((t) => (t.version = '1.0.0-beta.1'))).toEqual([expect.stringMatching(/^manifest.json \/version: "1.0.0-beta.1" is not a version Teams accepts/)]);
  });

  it('refuses an https URL on another host, and a validDomains entry that is not PUBLIC_URL', async () => {
    const problems = await problemsWith((t) => {
      t.staticTabs[2].contentUrl = 'https://elsewhere.example.com/tab/?list=signals';
      t.validDomains = ['elsewhere.example.com'];
    });
    expect(problems).toEqual([
      'manifest.json /staticTabs/2/contentUrl: https://elsewhere.example.com/tab/?list=signals is outside PUBLIC_URL (https://afas-teams.example.com): every page of the app must come from this service',
      'manifest.json /validDomains/0: "elsewhere.example.com" is not PUBLIC_URL\'s host (afas-teams.example.com)',
      "manifest.json /validDomains: must list PUBLIC_URL's host (afas-teams.example.com) so Teams loads the tabs",
    ]);
  });

  it('lets developer links leave PUBLIC_URL, but only over https', async () => {
    const problems = await problemsWith((t) => {
      t.developer = { name: 'Example', websiteUrl: 'https://www.example.nl', privacyUrl: 'http://www.example.nl/privacy', termsOfUseUrl: 'https://www.example.nl/terms' };
    });
    expect(problems).toEqual(['manifest.json /developer/privacyUrl: http://www.example.nl/privacy must be an https URL']);
  });

  it('refuses a single sign-on resource or id that is not the bot registration', async () => {
    const problems = await problemsWith((t) => {
      t.webApplicationInfo = { id: OTHER_BOT, resource: `api://other.example.com/${OTHER_BOT}` };
    });
    expect(problems).toEqual([
      `manifest.json /webApplicationInfo/id: "${OTHER_BOT}" is not the configured MicrosoftAppId (${BOT_ID}): the tabs' single sign-on uses the bot's app registration`,
      `manifest.json /webApplicationInfo/resource: "api://other.example.com/${OTHER_BOT}" is not the Application ID URI api://afas-teams.example.com/${BOT_ID}: single sign-on in the tabs would fail`,
    ]);
  });

  it('explains names and descriptions over their length once, not twice', async () => {
    const problems = await problemsWith((t) => {
      t.name = { ...(t.name as object), short: 'AFAS Profit tasks and signals for Microsoft Teams' };
    });
    expect(problems).toEqual(['manifest.json /name/short: name.short is 49 characters; Teams allows at most 30']);
  });

  it('reports the schema in readable words: a wrong scope, an unknown property, a malformed colour', async () => {
    const problems = await problemsWith((t) => {
      t.bots[0].scopes = ['personal', 'everyone'];
      t.bots[0].botid = BOT_ID;
      t.accentColor = 'blue';
    });
    expect(problems).toEqual([
      'manifest.json /accentColor: must be a colour like #1E5FB4',
      'manifest.json /bots/0: "botid" is not a property the schema allows here',
      'manifest.json /bots/0/scopes/1: must be one of "team", "personal", "groupChat", "copilot"',
    ]);
  });

  it('names an unknown placeholder and an icon file that is not there', async () => {
    const problems = await problemsWith((t) => {
      t.developer = { name: '${{COMPANY}}', websiteUrl: 'https://www.example.nl', privacyUrl: 'https://www.example.nl', termsOfUseUrl: 'https://www.example.nl' };
      t.icons = { color: 'color.png', outline: 'outline-white.png' };
    });
    expect(problems).toEqual([
      expect.stringMatching(/^manifest.json \/developer\/name: unknown placeholder \$\{\{COMPANY\}\} \(known: APP_ID, /),
      'manifest.json /icons/outline: names "outline-white.png", which is not in manifest/',
    ]);
  });

  it('refuses a grey outline icon even when it has a transparent background', async () => {
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(0);
    for (let i = 0; i < 32 * 8; i += 1) png.data.set([128, 128, 128, 255], i * 4);
    const problems = await problemsWith(() => undefined, { 'outline.png': PNG.sync.write(png) });
    expect(problems).toEqual(['outline.png: 256 visible pixels are not white (first at x=0, y=0: rgba(128, 128, 128, 255)); Teams tints the outline icon and needs it white only']);
  });

  it('says so when a file is not JSON or not a PNG', async () => {
    const built = await build({ ...editedSources(() => undefined, { 'color.png': Buffer.from('not a png'), 'nl.json': Buffer.from('{ "name.short": ') }) });
    expect(built.problems).toEqual([expect.stringMatching(/^color.png: not a readable PNG \(/), expect.stringMatching(/^nl.json: is not valid JSON \(/)]);
  });
});
