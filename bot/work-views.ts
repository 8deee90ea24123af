import type { WorkItemKind } from '../src/domain/work-item';
import type { BotTurn } from './bot-turn';
import { itemUrlResolver } from '../src/domain/item-url';
import { buildSummaryCard } from './cards/summary-card';
import { buildWorkListCard } from './cards/work-list-card';

/** "My tasks" / "My signals": reads AFAS with the user's token and answers with the list card. */
export async function showWorkList(turn: BotTurn, kind: WorkItemKind, page = 1, from?: 'summary'): Promise<void> {
  const mine = await turn.services.listWorkItems.execute(turn.user, kind);
  await turn.replies.send(
    buildWorkListCard({
      lang: turn.lang,
      kind,
      items: mine.items,
      page,
      itemUrl: itemUrlResolver(mine.connection),
      insiteUrl: mine.connection.insiteUrl,
      tabUrl: turn.services.tabUrl,
      now: turn.now,
      ...(from ? { from } : {}),
    }),
  );
}

/** "Summary": counts of both lists and the newest items. */
export async function showSummary(turn: BotTurn): Promise<void> {
  const { tasks, signals } = await turn.services.listWorkItems.both(turn.user);
  await turn.replies.send(
    buildSummaryCard({
      lang: turn.lang,
      tasks: { items: tasks.items },
      signals: { items: signals.items },
      itemUrl: itemUrlResolver(tasks.connection),
      insiteUrl: tasks.connection.insiteUrl,
      tabUrl: turn.services.tabUrl,
      now: turn.now,
    }),
  );
}
