import type { ItemView, TileResponse } from '../../contracts/tab-api';

export const INSITE = 'https://12345.afasinsite.nl';

export function item(overrides: Partial<ItemView> = {}): ItemView {
  return { id: 'a1', title: 'Declaratie goedkeuren', from: 'Fleur Bakker', date: '2026-03-02T07:30:00.000Z', unread: false, url: `${INSITE}/taak?id=a1`, ...overrides };
}

/** A tile with two tasks (one unread) and one signal, unless told otherwise. */
export function tile(overrides: Partial<Extract<TileResponse, { state: 'tile' }>> = {}): TileResponse {
  return {
    state: 'tile',
    firstList: 'task',
    language: null,
    openAfasUrl: INSITE,
    tasks: { ok: true, items: [item({ id: 't1', unread: true }), item({ id: 't2', title: 'Leaseauto uitgeven', from: 'Sanne Jansen', date: '2026-02-27T13:00:00.000Z' })], total: 2, unread: 1 },
    signals: { ok: true, items: [item({ id: 's1', title: 'Jubileum Mohamed', from: null, url: `${INSITE}/signaal?id=s1` })], total: 1, unread: 0 },
    ...overrides,
  };
}
