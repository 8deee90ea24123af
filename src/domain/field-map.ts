import type { WorkItemKind } from './work-item';

/**
 * Which GetConnector field feeds which property of a work item. The task defaults use the names
 * known from AFAS Pocket's own client (`guid_task`, `subjectid`, `submitdate`, `submitter`,
 * `subjecttype`, `opened`); the rest follow the same lower_snake_case convention and are documented
 * in the README. Every connection may override any entry.
 */
export interface FieldMap {
  /** Required: a row without it is skipped. */
  readonly id: string;
  /** Required: a row without it is skipped. */
  readonly title: string;
  readonly from: string;
  readonly date: string;
  readonly type: string;
  /** Truthy when the user has opened the item; absent or falsy means unread. Optional properties may be '' (mapped to no field). */
  readonly opened: string;
  readonly subjectId: string;
}

export type FieldMapOverrides = Partial<FieldMap>;

export const REQUIRED_FIELD_KEYS: readonly (keyof FieldMap)[] = ['id', 'title'];

/**
 * An override that maps an optional property to no field at all (a connector without a sender,
 * say): the property stays empty and the connection check does not look for a field.
 */
export const NO_FIELD = '-';

export const DEFAULT_FIELD_MAPS: Readonly<Record<WorkItemKind, FieldMap>> = Object.freeze({
  task: Object.freeze({
    id: 'guid_task',
    title: 'description',
    from: 'submitter',
    date: 'submitdate',
    type: 'subjecttype',
    opened: 'opened',
    subjectId: 'subjectid',
  }),
  signal: Object.freeze({
    id: 'guid_signal',
    title: 'description',
    from: 'submitter',
    date: 'signaldate',
    type: 'signaltype',
    opened: 'opened',
    subjectId: 'subjectid',
  }),
});

export function resolveFieldMap(kind: WorkItemKind, overrides: FieldMapOverrides = {}): FieldMap {
  const merged: Record<string, string> = { ...DEFAULT_FIELD_MAPS[kind] };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (value.trim() !== NO_FIELD) merged[key] = value.trim();
    else if (!REQUIRED_FIELD_KEYS.includes(key as keyof FieldMap)) merged[key] = '';
  }
  return Object.freeze(merged as unknown as FieldMap);
}

/** The distinct connector field names a map needs, in a stable order (properties mapped to no field need none). */
export function fieldsNeeded(map: FieldMap): string[] {
  return [...new Set(Object.values(map).filter((name) => name !== ''))];
}
