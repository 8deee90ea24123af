import { HttpAdminApi } from './admin/admin-api';
import { HttpTabApi } from './api-client';
import type { ListKind } from '../contracts/tab-api';
import { TabApp } from './tab-app';
import { TeamsJsHost } from './teams-host';
import { windowTimers } from './timers';

/** `?list=tasks|signals` (the static tab's entity) picks the list; anything else = the preference. */
function requestedList(search: string): ListKind | null {
  const list = new URLSearchParams(search).get('list');
  return list === 'tasks' ? 'task' : list === 'signals' ? 'signal' : null;
}

const root = document.getElementById('app');
if (root) {
  const host = new TeamsJsHost();
  const server = { getToken: () => host.getAuthToken(), fetch: window.fetch.bind(window) };
  const api = new HttpTabApi(server);
  const admin = new HttpAdminApi(server);
  void new TabApp({ root, doc: document, win: window, host, api, admin, timers: windowTimers(window), now: () => new Date(), requestedList: requestedList(window.location.search) }).start();
}
