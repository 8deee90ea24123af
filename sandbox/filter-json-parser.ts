import { z } from 'zod';
import { type FilterGroups, parseOperator } from './filter-condition';
import { refusals } from './sandbox-http-error';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const fieldSchema = z.object({
  '@FieldId': z.string().min(1),
  '@OperatorType': z.union([z.string(), z.number()]),
  '#text': scalar.optional(),
});

// XML-to-JSON converters write a lone element as an object instead of a one-element array: accept both.
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

const documentSchema = z.object({
  Filters: z.object({
    Filter: oneOrMany(z.object({ '@FilterId': z.string().optional(), Field: oneOrMany(fieldSchema) })),
  }),
});

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/**
 * Parses `filterjson`, AFAS's JSON rendering of its filter XML:
 * `{"Filters":{"Filter":[{"@FilterId":"Filter 1","Field":[{"@FieldId":"x","@OperatorType":"1","#text":"v"}]}]}}`.
 * Filters are OR-ed, the Fields within one Filter AND-ed. Values may hold `,` and `;`.
 */
export function parseFilterJson(text: string): FilterGroups {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw refusals.badRequest('filterjson is not valid JSON');
  }
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) throw refusals.badRequest('filterjson does not have the shape {"Filters":{"Filter":[{"Field":[...]}]}}');
  return asArray(parsed.data.Filters.Filter).map((filter) =>
    asArray(filter.Field).map((field) => ({
      field: field['@FieldId'].trim(),
      operator: parseOperator(String(field['@OperatorType'])),
      value: field['#text'] === undefined || field['#text'] === null ? '' : String(field['#text']),
    })),
  );
}
