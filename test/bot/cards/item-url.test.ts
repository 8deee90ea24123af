import { itemUrl, itemUrlResolver, MAX_ITEM_URL_LENGTH, type ItemLinkSettings } from '../../../src/domain/item-url';
import { workItem } from '../../support/work-items';

const DEFAULT = 'https://12345.afasinsite.nl/mijn-taken';

function settings(overrides: Partial<ItemLinkSettings> = {}): ItemLinkSettings {
  return {
    taskUrlTemplate: 'https://12345.afasinsite.nl/taak?guid={guid_task}',
    signalUrlTemplate: 'https://12345.afasinsite.nl/signaal?id={guid_signal}',
    defaultTasksUrl: DEFAULT,
    useDefaultTasksUrl: false,
    ...overrides,
  };
}

const task = workItem({ fields: { guid_task: 'abc-123', subjectid: 4711 } });
const signal = workItem({ kind: 'signal', fields: { guid_signal: 'sig 1/2' } });

describe('the URL behind "Open" on an item', () => {
  it('fills the task template from the row', () => {
    expect(itemUrl(task, settings())).toBe('https://12345.afasinsite.nl/taak?guid=abc-123');
  });

  it('fills the signal template for signals, URL-encoding the values', () => {
    expect(itemUrl(signal, settings())).toBe('https://12345.afasinsite.nl/signaal?id=sig%201%2F2');
  });

  it('is the default tasks URL for every item when the admin forces it', () => {
    const forced = settings({ useDefaultTasksUrl: true });
    expect(itemUrl(task, forced)).toBe(DEFAULT);
    expect(itemUrl(signal, forced)).toBe(DEFAULT);
  });

  it('falls back to the default tasks URL when the row lacks a field the template needs', () => {
    expect(itemUrl(workItem({ fields: { subjectid: 4711 } }), settings())).toBe(DEFAULT);
    expect(itemUrl(workItem({ fields: { guid_task: null } }), settings())).toBe(DEFAULT);
    expect(itemUrl(workItem({ fields: { guid_task: '' } }), settings())).toBe(DEFAULT);
  });

  it('falls back to the default tasks URL when the kind has no template', () => {
    expect(itemUrl(signal, settings({ signalUrlTemplate: null }))).toBe(DEFAULT);
    expect(itemUrl(task, settings({ taskUrlTemplate: '  ' }))).toBe(DEFAULT);
  });

  it('falls back when the filled template is not an http(s) URL', () => {
    expect(itemUrl(task, settings({ taskUrlTemplate: 'javascript:alert({guid_task})' }))).toBe(DEFAULT);
    expect(itemUrl(task, settings({ taskUrlTemplate: 'taak?guid={guid_task}' }))).toBe(DEFAULT);
  });

  it('falls back when the link would be absurdly long', () => {
    const long = workItem({ fields: { guid_task: 'x'.repeat(MAX_ITEM_URL_LENGTH) } });
    expect(itemUrl(long, settings())).toBe(DEFAULT);
  });

  it('can be bound to a connection for the card builders', () => {
    expect(itemUrlResolver(settings())(task)).toBe('https://12345.afasinsite.nl/taak?guid=abc-123');
  });
});
