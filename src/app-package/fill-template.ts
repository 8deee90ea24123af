import { at, isObject, type Json } from './json-tree';

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/**
 * Replaces every `${{NAME}}` in the template's strings with its value. Works on the parsed
 * document, so a value never needs JSON escaping; an unknown name is a problem, not an empty string.
 */
export function fillTemplate(template: Json, values: Readonly<Record<string, string>>, file = 'manifest.json'): { document: Json; problems: string[] } {
  const problems: string[] = [];
  const fill = (node: Json, pointer: string): Json => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(values, name)) return values[name];
        problems.push(at(file, pointer, `unknown placeholder ${whole} (known: ${Object.keys(values).join(', ')})`));
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => fill(item, `${pointer}/${index}`));
    if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, fill(item, `${pointer}/${key}`)]));
    return node;
  };
  return { document: fill(template, ''), problems };
}
