import type { BotTurn } from '../bot-turn';
import { buildTaskCard, buildTaskGoneCard } from '../cards/task-card';
import { buildTaskResultCard } from '../cards/task-result-card';
import { TASK_INPUT_IDS, type VerbData } from '../cards/verbs';

/**
 * A click on a task's action: the clicked card becomes the result ("Approved by you at 14:03 — …").
 * AFAS's 401 and 503 reach the turn's failure reply (activate again; maintenance until …).
 */
export async function actOnTask(data: VerbData<'task.act'>, turn: BotTurn): Promise<void> {
  const result = await turn.services.actOnTask.execute({
    user: turn.user,
    subjectId: data.s,
    action: data.a === 'c' ? 'comment' : data.a,
    signature: data.g,
    text: data[TASK_INPUT_IDS.reaction] ?? '',
    via: 'chat',
    cardActivityId: turn.context.activity.replyToId ?? null,
  });
  await turn.replies.send(buildTaskResultCard(turn.lang, result));
}

/** "More…": the task card, with the reaction text, every action, and "Open in AFAS". */
export async function showTaskCard(data: VerbData<'task.more'>, turn: BotTurn): Promise<void> {
  const task = await turn.services.listTaskActions.forTask(turn.user, data.s);
  if (!task) {
    await turn.replies.send(buildTaskGoneCard(turn.lang));
    return;
  }
  await turn.replies.send(buildTaskCard({ lang: turn.lang, title: task.title, view: task.view, afasUrl: task.connection.defaultTasksUrl }));
}
