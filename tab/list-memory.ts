import type { ListKind } from '../contracts/tab-api';

/**
 * The list the user last chose, for this browser tab's session: Teams (and the development host)
 * reload the tab when the language changes or the user comes back, and the tab should come back on
 * the list it showed. Kept per requested list, so a "My signals" tab and a "My tasks" tab each
 * remember their own. Storage may be unavailable (privacy settings): then nothing is remembered.
 */
export class ListMemory {
  private readonly key: string;

  constructor(private readonly win: Window, requested: ListKind | null) {
    this.key = `afas-tab.list.${requested ?? 'preferred'}`;
  }

  read(): ListKind | null {
    const value = this.storage()?.getItem(this.key);
    return value === 'task' || value === 'signal' ? value : null;
  }

  write(list: ListKind): void {
    try {
      this.storage()?.setItem(this.key, list);
    } catch (error) {
      console.warn('the chosen list is not remembered for this session', error);
    }
  }

  private storage(): Storage | null {
    try {
      return this.win.sessionStorage;
    } catch {
      // Access denied (third-party storage blocked): the tab works, it just does not remember.
      return null;
    }
  }
}
