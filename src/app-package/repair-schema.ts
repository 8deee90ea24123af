import { isObject, type Json } from './json-tree';

/**
 * Returns the schema with its patternProperties keys made valid for ajv, which compiles patterns
 * with the `u` flag. The Teams Localization schemas (v1.16 to at least v1.30) write
 * `activityTypes\[\b(...)\b]` with an unescaped closing bracket (MicrosoftDocs/msteams-docs#8858),
 * which `u` rejects; escaping a bracket that closes no character class keeps the pattern's meaning.
 */
export function repairSchemaPatterns(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(repairSchemaPatterns);
  if (!isObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === 'patternProperties' && isObject(value)) {
        return [key, Object.fromEntries(Object.entries(value).map(([pattern, inner]) => [compilesWithUnicode(pattern) ? pattern : escapeStrayBrackets(pattern), repairSchemaPatterns(inner)]))];
      }
      return [key, repairSchemaPatterns(value)];
    }),
  );
}

function compilesWithUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function escapeStrayBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i += 1;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}
