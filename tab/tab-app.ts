import type { AdminApi } from './admin/admin-api';
import { AdminAccess } from './admin/admin-access';
import { TabApiError, type TabApi } from './api-client';
import { TILE_PAGE_SIZE, type ListKind, type TileResponse } from '../contracts/tab-api';
import { ActivationFlow } from './activation-flow';
import type { HostContext, HostTheme, TabHost } from './host';
import { languageFromLocale, resolveLanguage, translate, type Language } from './i18n';
import { ListMemory } from './list-memory';
import { TaskActionsFlow } from './task-actions-flow';
import type { ActOutcomeText } from './views/task-result-text';
import { RefreshSchedule } from './refresh-schedule';
import type { Timers } from './timers';
import { activationView, type ActivationModel } from './views/activation-views';
import { failureText, failureTitle } from './views/failure-text';
import { messagePanel, retryAction, skeletonView, type MessagePanel } from './views/status-views';
import { NO_FILTER, type ListFilter } from './views/list-filter';
import { tileView, type TileData, type TileModel } from './views/tile-view';
import type { ViewContext } from './views/dom';

export interface TabAppDeps {
  readonly root: HTMLElement;
  readonly doc: Document;
  readonly win: Window;
  readonly host: TabHost;
  readonly api: TabApi;
  readonly timers: Timers;
  readonly now: () => Date;
  /** From the static tab's URL (`?list=`); null = the user's preference. */
  readonly requestedList: ListKind | null;
  readonly refreshIntervalMs?: number;
  /** The admin API: when given, app owners (GET /api/admin/me = 200) get an "Admin" entry. */
  readonly admin?: AdminApi;
}

type Screen =
  | { readonly kind: 'loading' }
  | { readonly kind: 'tile'; readonly model: TileModel }
  | { readonly kind: 'activate'; readonly model: ActivationModel }
  | { readonly kind: 'problem'; readonly panel: MessagePanel }
  | { readonly kind: 'admin' };

const REFRESH_INTERVAL_MS = 60_000;
const FOCUS_GAP_MS = 10_000;

/**
 * The tab: asks the host who and where, then shows the tile, the activation form or a problem,
 * and keeps the tile fresh. Views are rebuilt from state on every change; keyboard focus is
 * carried over by each control's data-focus-key.
 */
export class TabApp {
  private lang: Language = 'en';
  private context: HostContext | null = null;
  private screen: Screen = { kind: 'loading' };
  private activation: ActivationFlow | null = null;
  private readonly admin: AdminAccess;
  private readonly schedule: RefreshSchedule;
  private readonly listMemory: ListMemory;
  private readonly taskActions: TaskActionsFlow;

  constructor(private readonly deps: TabAppDeps) {
    this.schedule = new RefreshSchedule({
      doc: deps.doc,
      win: deps.win,
      timers: deps.timers,
      now: () => deps.now().getTime(),
      intervalMs: deps.refreshIntervalMs ?? REFRESH_INTERVAL_MS,
      focusGapMs: FOCUS_GAP_MS,
      refresh: () => this.refresh(),
    });
    this.listMemory = new ListMemory(deps.win, deps.requestedList);
    this.admin = new AdminAccess({ api: deps.admin, view: () => this.view() });
    this.taskActions = new TaskActionsFlow({
      api: deps.api,
      lang: () => this.lang,
      now: deps.now,
      show: (_panel, focusKey) => {
        if (this.screen.kind === 'tile') this.show(this.screen, focusKey);
      },
      acted: (itemId, outcome) => this.taskActed(itemId, outcome),
      activationNeeded: () => void this.load(null),
    });
  }

  async start(): Promise<void> {
    this.lang = languageFromLocale(this.deps.win.navigator.language);
    this.render();
    try {
      this.context = await this.deps.host.initialize();
    } catch {
      // Opened outside Teams (or a host that never answered): nothing else can work here.
      this.show({ kind: 'problem', panel: { text: translate(this.lang, 'tab.outsideTeams'), tone: 'info' } });
      return;
    }
    this.lang = resolveLanguage(null, this.context.locale);
    this.applyTheme(this.context.theme);
    this.deps.host.onThemeChange((theme) => this.applyTheme(theme));
    this.render();
    // The tile asks first: the owner check must not delay what everyone came for.
    const loaded = this.load(null);
    const ownerCheck = this.admin.check().then((owner) => owner && this.render());
    await loaded;
    this.deps.host.notifyReady();
    this.schedule.start();
    await ownerCheck;
  }

  stop(): void {
    this.schedule.stop();
    this.activation?.dispose();
  }

  private openAdmin(): void {
    // Back from it, the tile is loaded again: the setup may have changed.
    const screen = this.admin.open(() => {
      this.admin.close();
      void this.load(null, 'admin-open');
    });
    if (!screen) return;
    // The activation form's timers must not pull the screen back while an owner is in the admin screen.
    this.activation?.dispose();
    this.activation = null;
    this.show({ kind: 'admin' });
    screen.start();
  }

  /** The first load, a retry, or after activation: shows the skeleton, then whatever the server says. */
  private async load(notice: MessagePanel | null, focusKey?: string): Promise<void> {
    this.show({ kind: 'loading' }, focusKey);
    try {
      this.receive(await this.deps.api.tile(), notice);
    } catch (error) {
      this.show({ kind: 'problem', panel: { ...this.problemText(error), actions: [retryAction(this.view(), () => void this.load(null))] } });
    }
    this.schedule.loaded();
  }

  /** A background refresh: the tile stays on screen; a failure becomes a notice above it. */
  private async refresh(): Promise<void> {
    const screen = this.screen;
    if (screen.kind === 'activate' || screen.kind === 'loading' || screen.kind === 'admin') return;
    if (screen.kind === 'problem') return this.load(null);
    this.show({ kind: 'tile', model: { ...screen.model, refreshing: true } });
    try {
      this.receive(await this.deps.api.tile(), null);
    } catch (error) {
      const current = this.screen.kind === 'tile' ? this.screen.model : screen.model;
      this.show({ kind: 'tile', model: { ...current, refreshing: false, notice: { ...this.problemText(error), tone: 'warning' } } });
    }
  }

  private receive(response: TileResponse, notice: MessagePanel | null): void {
    if (response.state === 'tile') return this.showTile(response, notice);
    if (response.state === 'unavailable') {
      return this.show({ kind: 'problem', panel: { title: failureTitle(this.lang, response.failure), text: failureText(this.lang, response.failure, this.deps.now()), tone: 'info' } });
    }
    this.activation?.dispose();
    this.activation = new ActivationFlow(
      {
        api: this.deps.api,
        timers: this.deps.timers,
        lang: () => this.lang,
        now: this.deps.now,
        show: (model) => this.show({ kind: 'activate', model }),
        activated: (afasUserId) => {
          this.activation = null;
          void this.load({ text: afasUserId === null ? translate(this.lang, 'oauth.chat.linked') : translate(this.lang, 'activation.success', { userId: afasUserId }), tone: 'info' });
        },
        authenticate: this.deps.host.authenticate?.bind(this.deps.host),
        failed: (error) => this.show({ kind: 'problem', panel: { ...this.problemText(error), actions: [retryAction(this.view(), () => void this.load(null))] } }),
      },
      { reason: response.reason, attempt: response.attempt, suggestedUserId: this.context?.loginHint ?? '', oauth: response.signIn === 'oauth' },
    );
    this.activation.begin();
  }

  private showTile(data: TileData, notice: MessagePanel | null): void {
    this.lang = resolveLanguage(data.language, this.context?.locale ?? this.deps.win.navigator.language);
    const previous = this.screen.kind === 'tile' ? this.screen.model : null;
    const list = previous?.list ?? this.listMemory.read() ?? this.deps.requestedList ?? data.firstList;
    const panel = this.taskActions.panel;
    if (panel && !(data.tasks.ok && data.tasks.items.some((i) => i.id === panel.itemId))) this.taskActions.dismiss();
    this.show({ kind: 'tile', model: { data, list, refreshing: false, updatedAt: this.deps.now(), notice: notice ?? null, shown: previous?.shown ?? TILE_PAGE_SIZE, filter: previous?.filter ?? NO_FILTER } });
  }

  private show(screen: Screen, focusKey?: string): void {
    // A tile answer that arrives while the admin screen is open is dropped: closing it loads the tile again.
    if (this.admin.element && screen.kind !== 'admin') return;
    const stepChanged = screen.kind !== this.screen.kind || (screen.kind === 'activate' && this.screen.kind === 'activate' && screen.model.step !== this.screen.model.step);
    this.screen = screen;
    this.render(stepChanged && screen.kind === 'activate', focusKey);
  }

  private render(focusInput = false, focusOverride?: string): void {
    const { doc, root } = this.deps;
    const focusKey = focusOverride ?? doc.activeElement?.getAttribute('data-focus-key') ?? null;
    doc.documentElement.lang = this.lang;
    doc.title = translate(this.lang, 'app.name');
    root.setAttribute('aria-busy', String(this.screen.kind === 'loading'));
    root.replaceChildren(...this.admin.entry(() => this.openAdmin()), this.build());
    const target = focusInput ? root.querySelector<HTMLElement>('input.text-input') : focusKey ? findByFocusKey(root, focusKey) : null;
    target?.focus({ preventScroll: true });
    // The view is rebuilt on every keystroke in the filter: the caret stays at the end of what was typed.
    if (target?.matches('input[type="search"], textarea')) {
      const input = target as HTMLInputElement | HTMLTextAreaElement;
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  private build(): HTMLElement {
    const ctx = this.view();
    const screen = this.screen;
    switch (screen.kind) {
      case 'loading':
        return skeletonView(ctx);
      case 'problem':
        return messagePanel(ctx, screen.panel);
      case 'activate':
        return activationView(ctx, screen.model, this.activation ?? noActivation);
      case 'admin':
        return this.admin.element ?? skeletonView(ctx);
      case 'tile':
        return tileView(ctx, screen.model, {
          onSelect: (list) => this.selectList(list),
          onOpen: (url) => this.open(url),
          onRefresh: () => void this.schedule.now(),
          onShowFirst: (first) => void this.showFirst(first),
          onShowMore: () => this.showMore(),
          onOpenItem: (kind, id) => this.markOpened(kind, id),
          onFilter: (filter) => this.setFilter(filter),
          taskActions: {
            panel: this.taskActions.panel,
            onToggle: (item) => void this.taskActions.toggle({ id: item.id, subjectId: item.subjectId, title: item.title }),
            onText: (text) => this.taskActions.setText(text),
            onAct: (action) => void this.taskActions.act(action),
            onClose: () => this.taskActions.close(),
          },
        });
    }
  }

  /** Arrow keys move the selection and the focus together, as in any tab list. */
  private selectList(list: ListKind): void {
    const onTabs = this.deps.doc.activeElement?.getAttribute('role') === 'tab';
    this.listMemory.write(list);
    if (this.screen.kind !== 'tile') return;
    const same = list === this.screen.model.list;
    // The other list has other types: its filter starts empty.
    this.show({ kind: 'tile', model: { ...this.screen.model, list, shown: same ? this.screen.model.shown : TILE_PAGE_SIZE, filter: same ? this.screen.model.filter : NO_FILTER } }, onTabs ? `tab-${list}` : undefined);
  }

  /** Shown as read at once; the server remembers it for the next tile and other devices. */
  private markOpened(kind: ListKind, id: string): void {
    if (this.screen.kind !== 'tile') return;
    const { data } = this.screen.model;
    const key = kind === 'task' ? 'tasks' : 'signals';
    const view = data[key];
    const item = view.ok ? view.items.find((i) => i.id === id) : undefined;
    if (view.ok && item?.unread) {
      const items = view.items.map((i) => (i.id === id ? { ...i, unread: false } : i));
      this.updateTile({ data: { ...data, [key]: { ...view, items, unread: Math.max(0, view.unread - 1) } } });
    }
    this.deps.api.markOpened(kind, id).catch((error: unknown) => console.warn('could not remember the opened item', error));
  }

  /** After a click on a task's action: the outcome above the list; a task AFAS no longer has for the user leaves it. */
  private taskActed(itemId: string, outcome: ActOutcomeText): void {
    if (this.screen.kind !== 'tile') return;
    const model = this.screen.model;
    const notice: MessagePanel = { text: outcome.text, tone: outcome.tone };
    const tasks = model.data.tasks;
    if (!outcome.leavesList || !tasks.ok) return this.show({ kind: 'tile', model: { ...model, notice } }, `task-toggle-${itemId}`);
    const index = tasks.items.findIndex((i) => i.id === itemId);
    const items = tasks.items.filter((i) => i.id !== itemId);
    const unread = tasks.items[index]?.unread ? tasks.unread - 1 : tasks.unread;
    const next = index < 0 ? undefined : items[Math.min(index, items.length - 1)];
    const left = { ...tasks, items, total: Math.max(0, tasks.total - (index < 0 ? 0 : 1)), unread: Math.max(0, unread) };
    this.show({ kind: 'tile', model: { ...model, notice, data: { ...model.data, tasks: left } } }, next ? `item-${next.id}` : 'refresh');
  }

  /** A narrower (or wider) list starts again at its first TILE_PAGE_SIZE items. */
  private setFilter(filter: ListFilter): void {
    this.updateTile({ filter, shown: TILE_PAGE_SIZE });
  }

  /** The next TILE_PAGE_SIZE items; the focus goes to the first of them, where reading goes on. */
  private showMore(): void {
    if (this.screen.kind !== 'tile') return;
    const from = this.screen.model.shown;
    this.show({ kind: 'tile', model: { ...this.screen.model, shown: from + TILE_PAGE_SIZE } });
    this.deps.root.querySelectorAll<HTMLElement>('.items a')[from]?.focus({ preventScroll: false });
  }

  private updateTile(change: Partial<TileModel>): void {
    if (this.screen.kind === 'tile') this.show({ kind: 'tile', model: { ...this.screen.model, ...change } });
  }

  /** "Show this list first": saved at once; put back if the server did not take it. */
  private async showFirst(first: boolean): Promise<void> {
    if (this.screen.kind !== 'tile') return;
    const { data, list } = this.screen.model;
    const firstList: ListKind = first ? list : list === 'task' ? 'signal' : 'task';
    this.updateTile({ data: { ...data, firstList } });
    try {
      await this.deps.api.setFirstList(firstList);
    } catch (error) {
      if (this.screen.kind === 'tile') this.updateTile({ data: { ...this.screen.model.data, firstList: data.firstList }, notice: { ...this.problemText(error), tone: 'warning' } });
    }
  }

  private open(url: string): void {
    this.deps.host.openLink(url).catch(() => {
      // A host that cannot open links (older clients): the browser can.
      this.deps.win.open(url, '_blank', 'noopener');
    });
  }

  private applyTheme(theme: HostTheme): void {
    this.deps.doc.documentElement.setAttribute('data-theme', theme);
  }

  private problemText(error: unknown): { text: string; tone: 'error' } {
    const lang = this.lang;
    if (error instanceof TabApiError) {
      if (error.status === 401) return { text: translate(lang, 'tab.signInFailed'), tone: 'error' };
      if (error.status === 0 && error.problem.code === 'network') return { text: translate(lang, 'tab.offline'), tone: 'error' };
      if (error.problem.failure) return { text: failureText(lang, error.problem.failure, this.deps.now()), tone: 'error' };
    }
    return { text: translate(lang, 'error.generic'), tone: 'error' };
  }

  private view(): ViewContext {
    return { doc: this.deps.doc, lang: this.lang, now: this.deps.now() };
  }
}

const noActivation = { onSubmitUser() {}, onSubmitCode() {}, onResend() {}, onOtherUser() {}, onStartAgain() {}, onOAuthSignIn() {} };

function findByFocusKey(root: HTMLElement, key: string): HTMLElement | null {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-focus-key]')).find((node) => node.getAttribute('data-focus-key') === key) ?? null;
}
