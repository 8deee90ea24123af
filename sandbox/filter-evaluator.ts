import type { ConnectorFieldDefinition } from './connector-fields';
import { type Comparable, compareComparables, isEmptyValue, rowComparable, valueText } from './field-comparison';
import type { SandboxRow } from './sandbox-types';

/** A condition whose field is known and whose value is already read for the field's type. */
export interface ResolvedCondition {
  readonly field: ConnectorFieldDefinition;
  readonly operator: number;
  readonly value: string;
  /** The typed value for operators 1-5 and 7; null when the operator only looks at text or emptiness. */
  readonly typed: Comparable | null;
}

/** The operators that compare by data type (the others work on text or emptiness). */
export const TYPED_OPERATORS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 7]);

/** AFAS's `%` wildcard (operators 6, 7, 11, 15 as in its filter XML examples); no `%` = contains. */
function like(text: string, pattern: string): boolean {
  const lowerText = text.toLowerCase();
  const lowerPattern = pattern.toLowerCase();
  if (!lowerPattern.includes('%')) return lowerText.includes(lowerPattern);
  const source = lowerPattern.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(lowerText);
}

function compared(condition: ResolvedCondition, row: SandboxRow): number | null {
  const left = rowComparable(condition.field.dataType, row[condition.field.id]);
  if (left === null || condition.typed === null) return null;
  return compareComparables(left, condition.typed);
}

/**
 * Whether a row meets one condition. Empty values never satisfy a comparison or a positive text
 * test, and always satisfy the negative ones (not equal, not contains, not starts/ends with).
 */
export function meetsCondition(row: SandboxRow, condition: ResolvedCondition): boolean {
  const raw = row[condition.field.id];
  const empty = isEmptyValue(raw);
  const text = valueText(raw).toLowerCase();
  const value = condition.value.toLowerCase();
  const order = (): number | null => compared(condition, row);
  switch (condition.operator) {
    case 1:
      return condition.value === '' ? empty : order() === 0;
    case 2:
      return (order() ?? -1) >= 0;
    case 3:
      return (order() ?? 1) <= 0;
    case 4:
      return (order() ?? -1) > 0;
    case 5:
      return (order() ?? 1) < 0;
    case 6:
    case 15:
      return !empty && like(text, value);
    case 7:
      if (value.includes('%')) return empty || !like(text, value);
      return condition.value === '' ? !empty : empty || order() !== 0;
    case 8:
      return empty;
    case 9:
      return !empty;
    case 10:
      return !empty && text.startsWith(value);
    case 11:
      return empty || !like(text, value);
    case 12:
      return empty || !text.startsWith(value);
    case 13:
      return !empty && text.endsWith(value);
    case 14:
      return empty || !text.endsWith(value);
    default:
      return false;
  }
}

/** OR over the groups, AND within a group; no groups = every row. */
export function meetsFilter(row: SandboxRow, groups: readonly (readonly ResolvedCondition[])[]): boolean {
  return groups.length === 0 || groups.some((group) => group.every((condition) => meetsCondition(row, condition)));
}
