import { build, realSources } from './package-fixture';
import { localizableStrings, checkLocalization } from '../../src/app-package/localization-check';
import { repairSchemaPatterns } from '../../src/app-package/repair-schema';
import { parseCommand } from '../../bot/commands';
import type { Json } from '../../src/app-package/json-tree';

async function manifestAndDutch(): Promise<{ manifest: Json; dutch: Record<string, string>; schema: Json }> {
  const sources = realSources();
  const { manifest } = await build(sources);
  const dutch = JSON.parse((sources.files.get('nl.json') as Buffer).toString('utf8')) as Record<string, string>;
  return { manifest, dutch, schema: repairSchemaPatterns(sources.localizationSchema) };
}

describe('the Dutch localization (manifest/nl.json)', () => {
  it('translates every string of the manifest that Teams can localize, and nothing else', async () => {
    const { manifest, dutch, schema } = await manifestAndDutch();
    const localizable = [...localizableStrings(manifest, schema).keys()];
    expect(localizable).toEqual([
      'name.short',
      'name.full',
      'description.short',
      'description.full',
      'bots[0].commandLists[0].commands[0].title',
      'bots[0].commandLists[0].commands[0].description',
      'bots[0].commandLists[0].commands[1].title',
      'bots[0].commandLists[0].commands[1].description',
      'bots[0].commandLists[0].commands[2].title',
      'bots[0].commandLists[0].commands[2].description',
      'bots[0].commandLists[0].commands[3].title',
      'bots[0].commandLists[0].commands[3].description',
      'bots[0].commandLists[0].commands[4].title',
      'bots[0].commandLists[0].commands[4].description',
      'staticTabs[1].name',
      'staticTabs[2].name',
    ]);
    expect(Object.keys(dutch).filter((key) => key !== '$schema').sort()).toEqual([...localizable].sort());
    expect(checkLocalization(manifest, dutch, schema, 'nl.json')).toEqual([]);
  });

  it('is Dutch, not a copy of the English', async () => {
    const { manifest, dutch, schema } = await manifestAndDutch();
    const english = localizableStrings(manifest, schema);
    const copied = [...english].filter(([key, text]) => dutch[key] === text && key !== 'bots[0].commandLists[0].commands[4].title');
    expect(copied).toEqual([]);
    expect(dutch['staticTabs[1].name']).toBe('Mijn taken');
    expect(dutch['staticTabs[2].name']).toBe('Mijn signalen');
  });

  it('offers only commands the bot understands, in both languages', async () => {
    const { manifest, dutch, schema } = await manifestAndDutch();
    const titles = [...localizableStrings(manifest, schema)].filter(([key]) => key.endsWith('.title'));
    expect(titles.map(([key, english]) => [parseCommand(english), parseCommand(dutch[key])])).toEqual([
      ['tasks', 'tasks'],
      ['signals', 'signals'],
      ['summary', 'summary'],
      ['settings', 'settings'],
      ['help', 'help'],
    ]);
  });

  it('names a missing and a superfluous translation', async () => {
    const { manifest, dutch, schema } = await manifestAndDutch();
    const broken: Record<string, string> = { ...dutch, 'staticTabs[3].name': 'Over' };
    delete broken['bots[0].commandLists[0].commands[2].description'];
    expect(checkLocalization(manifest, broken, schema, 'nl.json')).toEqual([
      'nl.json: has no translation for "bots[0].commandLists[0].commands[2].description" ("Your tasks and signals at a glance, like the daily summary")',
      'nl.json: translates "staticTabs[3].name", which the manifest does not have',
    ]);
  });

  it('is checked against the official Localization schema when the package is built', async () => {
    const sources = realSources();
    const dutch = JSON.parse((sources.files.get('nl.json') as Buffer).toString('utf8')) as Record<string, string>;
    dutch['description.short'] = 'x'.repeat(81);
    dutch.tagline = 'Taken en signalen';
    const built = await build({ ...sources, files: new Map([...sources.files, ['nl.json', Buffer.from(JSON.stringify(dutch))]]) });
    expect(built.problems).toEqual([
      'nl.json: translates "tagline", which the manifest does not have',
      'nl.json /description.short: description.short is 81 characters; Teams allows at most 80',
      'nl.json (top level): "tagline" is not a property the schema allows here',
    ]);
  });
});
