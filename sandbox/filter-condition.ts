import { refusals } from './sandbox-http-error';

/** One filter line: a connector field, AFAS's operator code (1-15) and the value as sent. */
export interface FilterCondition {
  readonly field: string;
  readonly operator: number;
  readonly value: string;
}

/** OR-ed groups of AND-ed conditions (AFAS's `;` and `,`, or Filter and Field in filterjson). */
export type FilterGroups = readonly (readonly FilterCondition[])[];

export function parseOperator(text: string): number {
  const operator = Number(text.trim());
  if (!Number.isInteger(operator) || operator < 1 || operator > 15) {
    throw refusals.badRequest(`operator type '${text}' is not one of 1-15`);
  }
  return operator;
}

function split(list: string): string[][] {
  return list.split(';').map((group) => group.split(','));
}

/**
 * Parses the parallel lists `filterfieldids`, `filtervalues`, `operatortypes`. Values may be left
 * out when every operator needs none (8 empty, 9 not empty); operators default to 1 (=).
 */
export function parseFilterLists(fieldIds: string | null, values: string | null, operators: string | null): FilterGroups {
  if (fieldIds === null) {
    if (values !== null || operators !== null) throw refusals.badRequest('filtervalues/operatortypes without filterfieldids');
    return [];
  }
  const fieldGroups = split(fieldIds);
  const valueGroups = values === null ? fieldGroups.map((g) => g.map(() => '')) : split(values);
  const operatorGroups = operators === null ? fieldGroups.map((g) => g.map(() => '1')) : split(operators);
  const sameShape = (groups: string[][]): boolean =>
    groups.length === fieldGroups.length && groups.every((g, i) => g.length === fieldGroups[i].length);
  if (!sameShape(valueGroups) || !sameShape(operatorGroups)) {
    throw refusals.badRequest('filterfieldids, filtervalues and operatortypes must have the same number of entries');
  }
  return fieldGroups.map((group, g) =>
    group.map((field, i) => {
      if (field.trim() === '') throw refusals.badRequest('empty entry in filterfieldids');
      return { field: field.trim(), operator: parseOperator(operatorGroups[g][i]), value: valueGroups[g][i] };
    }),
  );
}
