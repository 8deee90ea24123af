import type { AppConfig } from '../config';
import { checkIcons } from './icon-check';
import { fillTemplate } from './fill-template';
import { isObject, valueAt, type Json } from './json-tree';
import { checkLocalization } from './localization-check';
import { checkManifestRules } from './manifest-rules';
import { resolvePackageSettings, type PackageMode } from './package-settings';
import { repairSchemaPatterns } from './repair-schema';
import { checkAgainstSchema } from './schema-check';
import { checkUrls } from './url-check';

/** Everything the package is made from, already read from disk. */
export interface PackageSources {
  /** The text of manifest/manifest.json, with `${{NAME}}` placeholders. */
  readonly template: string;
  /** The other files of manifest/ by name: icons and translations. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The official schemas for the template's manifestVersion. */
  readonly manifestSchema: Json;
  readonly localizationSchema: Json;
}

export interface BuiltPackage {
  readonly manifest: Json | null;
  /** Zip entries (all at the root) by name; empty when there are problems. */
  readonly entries: ReadonlyMap<string, Buffer>;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
}

const MANIFEST = 'manifest.json';

/** Fills the template from the configuration and checks the result; lists every problem found. */
export async function buildAppPackage(config: AppConfig, packageVersion: string, mode: PackageMode, sources: PackageSources): Promise<BuiltPackage> {
  const settings = resolvePackageSettings(config, packageVersion, mode);
  const parsed = parseJson(MANIFEST, sources.template);
  if (typeof parsed === 'string') return { manifest: null, entries: new Map(), problems: [...settings.problems, parsed], warnings: settings.warnings };

  const { document: manifest, problems: placeholderProblems } = fillTemplate(parsed, settings.values, MANIFEST);
  const localizationSchema = repairSchemaPatterns(sources.localizationSchema);
  const own = [
    ...placeholderProblems,
    ...checkManifestRules(manifest, settings, MANIFEST),
    ...checkUrls(manifest, settings, MANIFEST),
  ];
  const schema = await checkAgainstSchema(manifest, repairSchemaPatterns(sources.manifestSchema), MANIFEST);
  const entries = new Map<string, Buffer>([[MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  const files = [...iconProblems(manifest, sources.files, entries), ...(await localizationProblems(manifest, sources.files, localizationSchema, entries))];

  const problems = [...settings.problems, ...own, ...withoutRepeats(schema, own), ...files];
  return { manifest, entries: problems.length === 0 ? entries : new Map(), problems, warnings: settings.warnings };
}

function iconProblems(manifest: Json, files: ReadonlyMap<string, Buffer>, entries: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const icon = (kind: 'color' | 'outline') => {
    const name = valueAt(manifest, 'icons', kind);
    if (typeof name !== 'string') return null;
    const bytes = files.get(name);
    if (!bytes) {
      problems.push(`${MANIFEST} /icons/${kind}: names "${name}", which is not in manifest/`);
      return null;
    }
    entries.set(name, bytes);
    return { name, bytes };
  };
  const color = icon('color');
  const outline = icon('outline');
  if (color && outline) problems.push(...checkIcons(color, outline));
  return problems;
}

async function localizationProblems(manifest: Json, files: ReadonlyMap<string, Buffer>, schema: Json, entries: Map<string, Buffer>): Promise<string[]> {
  const languages = valueAt(manifest, 'localizationInfo', 'additionalLanguages');
  const problems: string[] = [];
  for (const [index, language] of (Array.isArray(languages) ? languages : []).entries()) {
    const name = isObject(language) ? language.file : undefined;
    if (typeof name !== 'string') continue;
    const bytes = files.get(name);
    if (!bytes) {
      problems.push(`${MANIFEST} /localizationInfo/additionalLanguages/${index}/file: names "${name}", which is not in manifest/`);
      continue;
    }
    entries.set(name, bytes);
    const translation = parseJson(name, bytes.toString('utf8'));
    if (typeof translation === 'string') {
      problems.push(translation);
      continue;
    }
    const own = checkLocalization(manifest, translation, schema, name);
    problems.push(...own, ...withoutRepeats(await checkAgainstSchema(translation, schema, name), own));
  }
  return problems;
}

/** The parsed document, or a problem line saying why it is not JSON. */
function parseJson(file: string, text: string): Json | string {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    return `${file}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Schema lines about a field (`file /pointer: ...`) that our own checks already explained. */
function withoutRepeats(schemaLines: readonly string[], ownLines: readonly string[]): string[] {
  const field = (line: string) => {
    const subject = line.slice(0, line.indexOf(': '));
    return subject.includes(' ') ? subject : null;
  };
  const explained = new Set(ownLines.map(field).filter((subject) => subject !== null));
  return schemaLines.filter((line) => !explained.has(field(line) ?? ''));
}
