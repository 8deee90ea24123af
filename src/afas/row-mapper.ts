import { parseAfasDate } from '../domain/amsterdam-time';
import { DEFAULT_FIELD_MAPS, type FieldMap } from '../domain/field-map';
import type { AfasRow, AfasValue, Signal, Task, WorkItem, WorkItemKind } from '../domain/work-item';
import type { Logger } from '../ports/logger';

export interface MappedRows<T> {
  readonly items: T[];
  /** Rows left out because their id or title was absent, null or empty. */
  readonly skipped: number;
}

// Control characters except \t and \n: they break cards and logs but never carry meaning.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const OPENED_VALUES: ReadonlySet<string> = new Set(['1', 'true', 'j', 'ja', 'y', 'yes']);

/**
 * Plain text from an AFAS value: control characters removed, everything else kept as is. Markup
 * stays literal text on purpose (renderers escape), so `<img onerror=…>` survives unchanged.
 */
export function plainText(value: AfasValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return String(value).replace(CONTROL_CHARS, '');
}

/** AFAS marks read items with true, 1, '1', 'true' or J(a)/Y(es); anything else is unread. */
export function isOpened(value: AfasValue | undefined): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && OPENED_VALUES.has(value.trim().toLowerCase());
}

/** A field's value; connector field ids are matched case-insensitively when the exact name is absent. */
function valueOf(row: AfasRow, field: string): AfasValue | undefined {
  if (Object.prototype.hasOwnProperty.call(row, field)) return row[field];
  const wanted = field.toLowerCase();
  const key = Object.keys(row).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : row[key];
}

function optionalText(row: AfasRow, field: string): string | null {
  const text = plainText(valueOf(row, field));
  return text === null || text.trim() === '' ? null : text;
}

function dateOf(row: AfasRow, field: string): Date | null {
  const value = valueOf(row, field);
  return typeof value === 'string' ? parseAfasDate(value) : null;
}

/**
 * Turns GetConnector rows into tasks and signals through a field map. A row without id or title
 * is skipped and counted; each missing field is logged once per connector for the lifetime of
 * the mapper, so a misconfigured connector produces one warning, not one per row per poll.
 */
export class RowMapper {
  private readonly warned = new Set<string>();

  constructor(private readonly logger: Logger) {}

  tasks(connectorId: string, rows: readonly AfasRow[], map: FieldMap = DEFAULT_FIELD_MAPS.task): MappedRows<Task> {
    return this.map('task', connectorId, rows, map);
  }

  signals(connectorId: string, rows: readonly AfasRow[], map: FieldMap = DEFAULT_FIELD_MAPS.signal): MappedRows<Signal> {
    return this.map('signal', connectorId, rows, map);
  }

  map<K extends WorkItemKind>(kind: K, connectorId: string, rows: readonly AfasRow[], map: FieldMap): MappedRows<WorkItem & { readonly kind: K }> {
    const items: (WorkItem & { readonly kind: K })[] = [];
    let skipped = 0;
    for (const row of rows) {
      const id = optionalText(row, map.id)?.trim() ?? null;
      const title = optionalText(row, map.title);
      if (id === null || title === null) {
        skipped++;
        this.warnMissing(kind, connectorId, id === null ? map.id : map.title);
        continue;
      }
      items.push({
        kind,
        id,
        title,
        from: optionalText(row, map.from),
        date: dateOf(row, map.date),
        type: optionalText(row, map.type),
        unread: !isOpened(valueOf(row, map.opened)),
        subjectId: optionalText(row, map.subjectId),
        fields: row,
      });
    }
    return { items, skipped };
  }

  private warnMissing(kind: WorkItemKind, connectorId: string, field: string): void {
    const key = `${connectorId}\u0000${field}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.logger.warn(
      { connectorId, field, kind },
      `AFAS ${kind} rows without a value in field "${field}" are skipped; check GetConnector ${connectorId} and the field map`,
    );
  }
}
