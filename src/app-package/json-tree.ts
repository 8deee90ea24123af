/** A parsed JSON document whose shape has not been checked yet. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of keys and indexes, or undefined when any step is missing. */
export function valueAt(root: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = root;
  for (const step of path) {
    if (typeof step === 'number' ? !Array.isArray(current) : !isObject(current)) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Calls visit for every string in the document with its JSON pointer (`/bots/0/botId`). */
export function visitStrings(root: unknown, visit: (pointer: string, value: string) => void, pointer = ''): void {
  if (typeof root === 'string') visit(pointer, root);
  else if (Array.isArray(root)) root.forEach((item, index) => visitStrings(item, visit, `${pointer}/${index}`));
  else if (isObject(root)) for (const [key, item] of Object.entries(root)) visitStrings(item, visit, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

/** `manifest.json /version: message`; the top level is named as such. */
export function at(file: string, pointer: string, message: string): string {
  return `${file} ${pointer === '' ? '(top level)' : pointer}: ${message}`;
}
