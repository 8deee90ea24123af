import type { WorkItem, WorkItemKind } from '../src/domain/work-item';
import type { AfasConnection } from '../src/domain/afas-connection';
import type { BotTurn } from './bot-turn';
import { itemUrlResolver } from '../src/domain/item-url';
import { listVersion } from '../src/domain/list-version';
import { buildSummaryCard, newestFirst, SUMMARY_ITEMS_PER_KIND } from './cards/summary-card';
import { buildWorkListCard, pageWindow } from './cards/work-list-card';

/** The items as this user should see them (opened from Teams = read), and where their "Open" leads. */
async function forCards(turn: BotTurn, items: readonly WorkItem[], connection: AfasConnection): Promise<{ items: readonly WorkItem[]; itemUrl: (item: WorkItem) => string }> {
  const direct = itemUrlResolver(connection);
  const tracking = turn.services.openTracking;
  if (!tracking) return { items, itemUrl: direct };
  return { items: await tracking.applyTo(turn.user, items), itemUrl: (item) => tracking.linkFor(turn.user, item, direct(item)) };
}

/** The token this turn's lists were read with. */
function tokenInUse(turn: BotTurn): () => Promise<string | null> {
  return async () => (await turn.activationInUse())?.token ?? null;
}

/** Where a click on a list card's paging button asked to go, and the list's version on that card. */
export interface ListRequest {
  readonly page?: number;
  readonly from?: 'summary';
  /** Set for "Next"/"Previous": when the list changed since the card, the answer is its first page as it is now. */
  readonly cardVersion?: string;
}

/** "My tasks" / "My signals": reads AFAS with the user's token and answers with the list card. */
export async function showWorkList(turn: BotTurn, kind: WorkItemKind, request: ListRequest = {}): Promise<void> {
  const { from } = request;
  const mine = await turn.services.listWorkItems.execute(turn.user, kind, () => turn.activationInUse());
  const { items, itemUrl } = await forCards(turn, mine.items, mine.connection);
  const version = listVersion(mine.items);
  // Paging an old card would show items the user never saw in between: start again from the top.
  const changed = request.cardVersion !== undefined && request.cardVersion !== version;
  const page = changed ? 1 : (request.page ?? 1);
  // The actions of the page's tasks only: two AFAS calls for the page, however long the list.
  const window = pageWindow(items.length, page);
  const taskActions = kind === 'task' ? await turn.services.listTaskActions.forPage(turn.user, mine.connection, items.slice(window.start, window.end), tokenInUse(turn)) : undefined;
  await turn.replies.send(
    buildWorkListCard({
      lang: turn.lang,
      kind,
      items,
      truncated: mine.truncated,
      page,
      itemUrl,
      insiteUrl: mine.connection.insiteUrl,
      tabUrl: turn.services.tabUrl,
      now: turn.now,
      version,
      changed,
      taskActions,
      ...(from ? { from } : {}),
    }),
  );
}

/** "Summary": counts of both lists and the newest items. */
export async function showSummary(turn: BotTurn): Promise<void> {
  const { tasks, signals } = await turn.services.listWorkItems.both(turn.user, () => turn.activationInUse());
  const shownTasks = await forCards(turn, tasks.items, tasks.connection);
  const shownSignals = await forCards(turn, signals.items, signals.connection);
  const taskActions = await turn.services.listTaskActions.forPage(turn.user, tasks.connection, newestFirst(shownTasks.items).slice(0, SUMMARY_ITEMS_PER_KIND), tokenInUse(turn));
  await turn.replies.send(
    buildSummaryCard({
      lang: turn.lang,
      tasks: { items: shownTasks.items, truncated: tasks.truncated },
      signals: { items: shownSignals.items, truncated: signals.truncated },
      itemUrl: shownTasks.itemUrl,
      insiteUrl: tasks.connection.insiteUrl,
      tabUrl: turn.services.tabUrl,
      now: turn.now,
      taskActions,
    }),
  );
}
