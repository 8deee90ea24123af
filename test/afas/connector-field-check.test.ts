import { checkConnectorFields } from '../../src/domain/connector-field-check';
import { DEFAULT_FIELD_MAPS, resolveFieldMap } from '../../src/domain/field-map';
import type { ConnectorMeta } from '../../src/ports/afas-client';

function meta(fields: [string, string][]): ConnectorMeta {
  return { name: 'Teams_Tasks', description: '', fields: fields.map(([id, fieldId]) => ({ id, fieldId, dataType: 'string', label: id })) };
}

describe('checkConnectorFields', () => {
  it('finds every default task field on a complete connector', () => {
    const all = ['guid_task', 'description', 'submitter', 'submitdate', 'subjecttype', 'opened', 'subjectid'];
    expect(checkConnectorFields(meta(all.map((id) => [id, id])), DEFAULT_FIELD_MAPS.task)).toEqual({ missing: [], present: all });
  });

  it('lists the fields the map needs that the connector lacks, by the name the map uses', () => {
    const result = checkConnectorFields(meta([['guid_task', 'U001'], ['description', 'U002']]), DEFAULT_FIELD_MAPS.task);
    expect(result.present).toEqual(['guid_task', 'description']);
    expect(result.missing).toEqual(['submitter', 'submitdate', 'subjecttype', 'opened', 'subjectid']);
  });

  it('matches the connector field id as well as the fieldId, ignoring case', () => {
    const map = resolveFieldMap('task', { id: 'TaskId', title: 'u_descr', from: 'SUBMITTER' });
    const result = checkConnectorFields(meta([['taskid', 'X1'], ['Omschrijving', 'U_Descr'], ['submitter', 'submitter']]), map);
    expect(result.present).toEqual(['TaskId', 'u_descr', 'SUBMITTER']);
  });

  it('names a field once even when the map uses it twice', () => {
    const map = resolveFieldMap('task', { from: 'description' });
    const result = checkConnectorFields(meta([]), map);
    expect(result.missing.filter((name) => name === 'description')).toHaveLength(1);
  });
});
