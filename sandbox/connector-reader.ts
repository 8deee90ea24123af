import type { SandboxConnector } from './connector-catalog';
import type { ConnectorFieldDefinition } from './connector-fields';
import type { ConnectorQuery } from './connector-query';
import { compareRowValues, filterComparable } from './field-comparison';
import { type ResolvedCondition, TYPED_OPERATORS, meetsFilter } from './filter-evaluator';
import { refusals } from './sandbox-http-error';
import type { SandboxRow } from './sandbox-types';

/** AFAS gives up ("Out of memory") at roughly this many cells in one answer. */
export const MAX_CELLS = 150_000;

export interface ConnectorPageBody {
  readonly skip: number;
  readonly take: number;
  readonly rows: SandboxRow[];
}

function fieldNamed(connector: SandboxConnector, name: string): ConnectorFieldDefinition {
  const field = connector.fields.find((f) => f.id.toLowerCase() === name.toLowerCase());
  if (!field) throw refusals.fieldNotFound(name);
  return field;
}

function needsTypedValue(operator: number, value: string): boolean {
  return TYPED_OPERATORS.has(operator) && value !== '' && !(operator === 7 && value.includes('%'));
}

function resolve(connector: SandboxConnector, query: ConnectorQuery): ResolvedCondition[][] {
  return query.filters.map((group) =>
    group.map(({ field: name, operator, value }) => {
      const field = fieldNamed(connector, name);
      if (!needsTypedValue(operator, value)) return { field, operator, value, typed: null };
      const typed = filterComparable(field.dataType, value);
      if (typed === null) throw refusals.invalidFilterValue(field.id, value);
      return { field, operator, value, typed };
    }),
  );
}

/** Only the connector's (current) fields, in its order, with `null` for empty values. */
function project(row: SandboxRow, fields: readonly ConnectorFieldDefinition[]): SandboxRow {
  const out: SandboxRow = {};
  for (const field of fields) {
    const value = row[field.id];
    out[field.id] = value === undefined || value === '' ? null : value;
  }
  return out;
}

/** Filters, sorts and pages a user's rows as one GetConnector call would. */
export function readConnector(connector: SandboxConnector, rows: readonly SandboxRow[], query: ConnectorQuery): ConnectorPageBody {
  const groups = resolve(connector, query);
  const order = query.orderBy.map((key) => ({ field: fieldNamed(connector, key.field), descending: key.descending }));
  const selected = rows.filter((row) => meetsFilter(row, groups));
  if (order.length > 0) {
    selected.sort((a, b) => {
      for (const key of order) {
        const c = compareRowValues(key.field.dataType, a[key.field.id], b[key.field.id]);
        if (c !== 0) return key.descending ? -c : c;
      }
      return 0;
    });
  }
  const start = Math.max(0, query.skip);
  const page = query.take === -1 ? selected.slice(start) : selected.slice(start, start + query.take);
  if (page.length * connector.fields.length > MAX_CELLS) throw refusals.outOfMemory();
  return { skip: query.skip, take: query.take, rows: page.map((row) => project(row, connector.fields)) };
}
