import { fieldsNeeded, type FieldMap } from './field-map';

/** The part of a connector's metadata (`metainfo/get/{id}`) the check reads. */
export interface ConnectorFieldsDescription {
  readonly fields: readonly { readonly id: string; readonly fieldId?: string }[];
}

export interface ConnectorFieldCheck {
  /** Field names the map needs that the connector lacks: tell the admin "add field X to GetConnector Y". */
  readonly missing: string[];
  /** Field names the map needs that the connector has. */
  readonly present: string[];
}

/**
 * Compares a field map with a connector's fields. A needed name counts as present when it equals
 * a field's `id` or `fieldId`, ignoring case, because admins type names as InSite shows them.
 */
export function checkConnectorFields(meta: ConnectorFieldsDescription, map: FieldMap): ConnectorFieldCheck {
  const known = new Set(meta.fields.flatMap((field) => [field.id, field.fieldId ?? field.id]).map((name) => name.toLowerCase()));
  const missing: string[] = [];
  const present: string[] = [];
  for (const name of fieldsNeeded(map)) (known.has(name.toLowerCase()) ? present : missing).push(name);
  return { missing, present };
}
