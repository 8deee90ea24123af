/** A value as AFAS returns it in a GetConnector row (empty values are `null`). */
export type AfasValue = string | number | boolean | null;
export type AfasRow = Readonly<Record<string, AfasValue>>;

export type WorkItemKind = 'task' | 'signal';

/**
 * One AFAS task or signal as the product shows it. Text fields are plain text exactly as AFAS sent
 * them (possibly hostile): every renderer must treat them as text, never markup.
 */
export interface WorkItem {
  readonly kind: WorkItemKind;
  /** Stable AFAS identifier (a GUID for tasks and signals). */
  readonly id: string;
  readonly title: string;
  /** Who submitted the task or sent the signal. */
  readonly from: string | null;
  /** When it was submitted/created, as a real instant (AFAS's Amsterdam wall clock converted). */
  readonly date: Date | null;
  /** Subject type (tasks) or signal type. */
  readonly type: string | null;
  readonly unread: boolean;
  /** The dossier item (subject) the task belongs to, when the connector has it. */
  readonly subjectId: string | null;
  /** The whole row, for link templates. */
  readonly fields: AfasRow;
}

export type Task = WorkItem & { readonly kind: 'task' };
export type Signal = WorkItem & { readonly kind: 'signal' };
