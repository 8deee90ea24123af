import type { WorkItem } from '../../src/domain/work-item';

/** A plausible AFAS task (or signal, via `kind`) with any field overridden. */
export function workItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    kind: 'task',
    id: '7f1c2e4a-0000-4000-8000-000000000001',
    title: 'Verlofaanvraag goedkeuren',
    from: 'Jan de Vries',
    date: new Date('2024-07-01T07:30:00Z'),
    type: 'Verlof',
    unread: false,
    subjectId: '4711',
    fields: { guid_task: '7f1c2e4a-0000-4000-8000-000000000001', subjectid: '4711' },
    ...overrides,
  };
}

/** `count` items numbered 1..count in their titles ("Task 1" ...), ids `t1`...; every third unread. */
export function numberedItems(count: number, overrides: Partial<WorkItem> = {}): WorkItem[] {
  return Array.from({ length: count }, (_, i) =>
    workItem({ id: `t${i + 1}`, title: `Task ${i + 1}`, unread: i % 3 === 0, fields: { guid_task: `t${i + 1}` }, ...overrides }),
  );
}
