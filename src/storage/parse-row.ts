import { z } from 'zod';
import { AppError } from '../domain/app-error';

/** Where a row came from, for the error message: `connections` / `c-1`. */
export interface RowOrigin {
  readonly table: string;
  readonly key: string;
}

function corrupt(origin: RowOrigin, problem: string, cause?: unknown): AppError {
  return new AppError(
    'storage_corrupt_row',
    `The ${origin.table} row ${origin.key} cannot be read (${problem}); it may have been edited outside the app.`,
    { cause, details: { table: origin.table, key: origin.key } },
  );
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}

/** Checks a raw row against the table's column schema, so bad data fails here with a clear code. */
export function parseRow<S extends z.ZodType>(schema: S, row: unknown, origin: RowOrigin): z.infer<S> {
  const result = schema.safeParse(row);
  if (!result.success) throw corrupt(origin, describeIssues(result.error), result.error);
  return result.data;
}

/** Parses a JSON text column and checks it against `schema`. */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, column: string, origin: RowOrigin): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(origin, `${column} is not JSON`, error);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw corrupt(origin, `${column}: ${describeIssues(result.error)}`, result.error);
  return result.data;
}

/** Shared column shapes. Timestamps are epoch ms; flags are 0/1. */
export const column = {
  text: z.string(),
  nullableText: z.string().nullable(),
  epochMs: z.number().int(),
  flag: z.union([z.literal(0), z.literal(1)]),
  count: z.number().int().nonnegative(),
};

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: 0 | 1): boolean => value === 1;
