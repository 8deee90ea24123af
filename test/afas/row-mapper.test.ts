import { RowMapper } from '../../src/afas/row-mapper';
import { resolveFieldMap } from '../../src/domain/field-map';
import type { AfasRow } from '../../src/domain/work-item';
import { RecordingLogger } from '../fakes/recording-logger';

function taskRow(overrides: Record<string, string | number | boolean | null> = {}): AfasRow {
  return {
    guid_task: '5F1C1C2A-0000-4000-8000-000000000001',
    description: 'Approve leave request',
    submitter: 'Jan Jansen',
    submitdate: '2024-01-15T09:30:00Z',
    subjecttype: 'Verlof',
    opened: false,
    subjectid: 1234,
    ...overrides,
  };
}

function mapOne(row: AfasRow) {
  const result = new RowMapper(new RecordingLogger()).tasks('Teams_Tasks', [row]);
  expect(result.items).toHaveLength(1);
  return result.items[0];
}

describe('RowMapper', () => {
  it('leaves a property mapped to no field ("-") empty, even when the row has the default field', () => {
    const map = resolveFieldMap('task', { from: '-', title: '-' });
    expect(map.title).toBe('description');
    const [item] = new RowMapper(new RecordingLogger()).tasks('Teams_Tasks', [taskRow()], map).items;
    expect(item).toMatchObject({ title: 'Approve leave request', from: null });
  });

  it('maps a task row through the default field map and keeps the whole row', () => {
    const row = taskRow();
    expect(mapOne(row)).toEqual({
      kind: 'task',
      id: '5F1C1C2A-0000-4000-8000-000000000001',
      title: 'Approve leave request',
      from: 'Jan Jansen',
      date: new Date('2024-01-15T08:30:00Z'),
      type: 'Verlof',
      unread: true,
      subjectId: '1234',
      fields: row,
    });
  });

  it('maps signals with the signal field map', () => {
    const row: AfasRow = { guid_signal: 'S-1', description: 'Contract ends', submitter: null, signaldate: '2024-07-01T09:30:00Z', signaltype: 'HR', opened: '1', language: 'NL' };
    const [signal] = new RowMapper(new RecordingLogger()).signals('Teams_Signals', [row]).items;
    expect(signal).toMatchObject({ kind: 'signal', id: 'S-1', title: 'Contract ends', from: null, type: 'HR', unread: false, subjectId: null });
    expect(signal.date).toEqual(new Date('2024-07-01T07:30:00Z'));
  });

  it('follows an overridden field map', () => {
    const map = resolveFieldMap('task', { id: 'TaskId', title: 'TaskDescription' });
    const [task] = new RowMapper(new RecordingLogger()).tasks('Profit_Subject_Tasks', [{ TaskId: 7, TaskDescription: 'Check invoice' }], map).items;
    expect(task).toMatchObject({ id: '7', title: 'Check invoice', from: null, date: null, unread: true });
  });

  it('finds a field whose name differs only in case', () => {
    expect(mapOne({ GUID_TASK: 'A', Description: 'T' })).toMatchObject({ id: 'A', title: 'T' });
  });

  describe('dates are Amsterdam wall clock, whatever the Z says', () => {
    it.each([
      ['2024-01-15T09:30:00Z', '2024-01-15T08:30:00.000Z', 'winter: UTC+1'],
      ['2024-07-01T09:30:00Z', '2024-07-01T07:30:00.000Z', 'summer: UTC+2'],
      ['2024-03-31T02:30:00Z', '2024-03-31T01:30:00.000Z', 'a wall clock in the spring gap is read with the winter offset'],
      ['2024-10-27T02:30:00Z', '2024-10-27T00:30:00.000Z', 'the autumn overlap takes the first (summer) occurrence'],
      ['2024-01-15T09:30:00', '2024-01-15T08:30:00.000Z', 'without Z'],
    ])('%s becomes %s (%s)', (wire, instant) => {
      expect(mapOne(taskRow({ submitdate: wire })).date?.toISOString()).toBe(instant);
    });

    it.each([['yesterday'], ['2024-02-30T10:00:00Z'], [''], [20240115]])('an unparseable date (%p) becomes null', (value) => {
      expect(mapOne(taskRow({ submitdate: value })).date).toBeNull();
    });
  });

  describe('read state', () => {
    it.each([[true], [1], ['1'], ['true'], ['TRUE'], ['J'], ['j'], ['Y'], ['Ja']])('opened %p means read', (opened) => {
      expect(mapOne(taskRow({ opened })).unread).toBe(false);
    });

    it.each([[false], [0], ['0'], ['false'], ['N'], [''], [null]])('opened %p means unread', (opened) => {
      expect(mapOne(taskRow({ opened })).unread).toBe(true);
    });

    it('an absent opened field means unread', () => {
      const row: Record<string, string> = { guid_task: 'A', description: 'T' };
      expect(mapOne(row).unread).toBe(true);
    });
  });

  describe('text', () => {
    it('removes control characters but keeps newlines and tabs', () => {
      expect(mapOne(taskRow({ description: 'a\u0000b\u0007c\r\nd\te\u001b[0m\u007f\u0085' })).title).toBe('abc\nd\te[0m');
    });

    it('keeps markup as literal text for renderers to escape', () => {
      const hostile = '<img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1)) ${{7*7}}';
      expect(mapOne(taskRow({ description: hostile, submitter: '<script>x</script>' }))).toMatchObject({ title: hostile, from: '<script>x</script>' });
    });

    it('keeps a 10 kB title whole', () => {
      const long = 'Lange omschrijving — ünïcödé 🚀 '.repeat(400);
      expect(long.length).toBeGreaterThan(10_000);
      expect(mapOne(taskRow({ description: long })).title).toBe(long);
    });

    it('turns numeric and boolean values into strings', () => {
      expect(mapOne(taskRow({ guid_task: 42, subjecttype: true, subjectid: 0 }))).toMatchObject({ id: '42', type: 'true', subjectId: '0' });
    });

    it('turns empty optional values into null', () => {
      expect(mapOne(taskRow({ submitter: '', subjecttype: '   ', subjectid: null }))).toMatchObject({ from: null, type: null, subjectId: null });
    });
  });

  describe('rows without id or title', () => {
    it('skips and counts rows whose id or title is absent, null or empty', () => {
      const rows: AfasRow[] = [
        taskRow(),
        taskRow({ guid_task: null }),
        taskRow({ guid_task: '' }),
        taskRow({ description: null }),
        taskRow({ description: ' \u0000 ' }),
        { description: 'no id at all' },
      ];
      const result = new RowMapper(new RecordingLogger()).tasks('Teams_Tasks', rows);
      expect(result.items).toHaveLength(1);
      expect(result.skipped).toBe(5);
    });

    it('warns once per connector and missing field, never per row or per poll', () => {
      const logger = new RecordingLogger();
      const mapper = new RowMapper(logger);
      const noId = [taskRow({ guid_task: null }), taskRow({ guid_task: null })];
      mapper.tasks('Teams_Tasks', noId);
      mapper.tasks('Teams_Tasks', noId);
      mapper.tasks('Teams_Tasks', [taskRow({ description: null })]);
      mapper.tasks('Other_Tasks', noId);
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      expect(warnings.map((w) => [w.fields.connectorId, w.fields.field])).toEqual([
        ['Teams_Tasks', 'guid_task'],
        ['Teams_Tasks', 'description'],
        ['Other_Tasks', 'guid_task'],
      ]);
      expect(warnings[0].message).toContain('guid_task');
    });
  });
});
