import { checkTextLengths } from './manifest-rules';
import { isObject, type Json } from './json-tree';

const NOT_TEXT = new Set(['$schema', 'localizationKeys']);

/**
 * The manifest's strings a localization file can translate, keyed the way such a file names them
 * (`name.short`, `staticTabs[1].name`): those the Localization schema lists by name or by pattern.
 */
export function localizableStrings(manifest: Json, localizationSchema: Json): Map<string, string> {
  const named = isObject(localizationSchema) && isObject(localizationSchema.properties) ? Object.keys(localizationSchema.properties).filter((key) => !NOT_TEXT.has(key)) : [];
  const patterns = isObject(localizationSchema) && isObject(localizationSchema.patternProperties) ? Object.keys(localizationSchema.patternProperties).map((p) => new RegExp(p, 'u')) : [];
  const found = new Map<string, string>();
  const walk = (node: Json, key: string) => {
    if (typeof node === 'string' && (named.includes(key) || patterns.some((pattern) => pattern.test(key)))) found.set(key, node);
    else if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${key}[${index}]`));
    else if (isObject(node)) for (const [name, item] of Object.entries(node)) walk(item, key === '' ? name : `${key}.${name}`);
  };
  walk(manifest, '');
  return found;
}

/** A translation must cover every localizable string of the manifest, and nothing else. */
export function checkLocalization(manifest: Json, translation: Json, localizationSchema: Json, file: string): string[] {
  if (!isObject(translation)) return [`${file}: must be a JSON object of translated strings`];
  const source = localizableStrings(manifest, localizationSchema);
  const problems: string[] = [];
  for (const [key, english] of source) {
    if (!Object.hasOwn(translation, key)) problems.push(`${file}: has no translation for "${key}" (${JSON.stringify(english.length > 60 ? `${english.slice(0, 57)}...` : english)})`);
  }
  for (const [key, value] of Object.entries(translation)) {
    if (NOT_TEXT.has(key)) continue;
    if (!source.has(key)) problems.push(`${file}: translates "${key}", which the manifest does not have`);
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`${file}: the translation of "${key}" is empty`);
  }
  return [...problems, ...checkTextLengths((path) => translation[path.join('.')], (limit) => `/${limit.key}`, file)];
}
