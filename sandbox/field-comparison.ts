import { parseAfasDate } from '../src/domain/amsterdam-time';
import type { SandboxDataType } from './connector-fields';
import type { SandboxValue } from './sandbox-types';

/** A value reduced to what compares by its data type: numbers (ints, dates, booleans) or text. */
export type Comparable = number | string;

// Profit runs on SQL Server with a case-insensitive, accent-sensitive collation: compare like it.
const collator = new Intl.Collator('nl', { sensitivity: 'accent' });

const DATE_WITH_ZONE = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;
const BOOLEAN_TEXT: Record<string, number> = { true: 1, false: 0, '1': 1, '0': 0 };

export function isEmptyValue(value: SandboxValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** A row value as text for the text operators (contains, starts with...): dates as sent, with their `Z`. */
export function valueText(value: SandboxValue | undefined): string {
  return isEmptyValue(value) ? '' : String(value);
}

/** A row value for comparison; null when empty or unreadable. */
export function rowComparable(dataType: SandboxDataType, value: SandboxValue | undefined): Comparable | null {
  if (isEmptyValue(value)) return null;
  switch (dataType) {
    case 'int': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
      return typeof value === 'string' ? (parseAfasDate(value)?.getTime() ?? null) : null;
    case 'boolean':
      return typeof value === 'boolean' ? Number(value) : (BOOLEAN_TEXT[String(value).toLowerCase()] ?? null);
    case 'string':
      return String(value);
  }
}

/**
 * A filter value for comparison; null when it is not valid for the type. Date values are Amsterdam
 * wall clock and must come without `Z` or offset, as AFAS demands: a zone is refused here rather
 * than silently misread, so a client that sends one finds out in tests.
 */
export function filterComparable(dataType: SandboxDataType, text: string): Comparable | null {
  const value = text.trim();
  switch (dataType) {
    case 'int': {
      const n = value === '' ? NaN : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
      if (DATE_WITH_ZONE.test(value)) return null;
      return parseAfasDate(value)?.getTime() ?? null;
    case 'boolean':
      return BOOLEAN_TEXT[value.toLowerCase()] ?? null;
    case 'string':
      return text;
  }
}

export function compareComparables(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  return collator.compare(String(a), String(b));
}

/** Orders row values the way SQL Server does: empty values first when ascending. */
export function compareRowValues(dataType: SandboxDataType, a: SandboxValue | undefined, b: SandboxValue | undefined): number {
  const left = rowComparable(dataType, a);
  const right = rowComparable(dataType, b);
  if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
  return compareComparables(left, right);
}
