import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isAfasError } from '../domain/afas-error';
import { AppError, isAppError } from '../domain/app-error';
import type { UserKey } from '../domain/user-key';
import type { Logger } from '../ports/logger';
import type { ActOnTask, ActOnTaskResult } from '../use-cases/act-on-task';
import type { ListTaskActions } from '../use-cases/list-task-actions';
import { MAX_ACT_TEXT_WIRE_LENGTH, type ActResultResponse, type TaskActionsResponse } from '../../contracts/tab-task-actions';

/** The tab API's wrapper: token, access list, then the handler; failures answered as problems. */
export type TabRoute = (handler: (user: UserKey, req: Request) => Promise<{ status: number; body: unknown }>) => (req: Request, res: Response) => Promise<void>;

export interface TabTaskActionDeps {
  readonly listTaskActions: ListTaskActions;
  readonly actOnTask: ActOnTask;
  readonly logger: Logger;
}

const subjectId = z.string().min(1).max(64).regex(/^[^\s/]+$/);
const actBody = z.object({
  subjectId,
  action: z.union([z.number().int().min(0).max(99), z.literal('comment')]),
  signature: z.string().min(1).max(256),
  // Longer than the reaction limit, so the use case can say "shorten it" instead of "bad request".
  text: z.string().max(MAX_ACT_TEXT_WIRE_LENGTH),
});

/** `/api/tab/tasks/*`: a task's actions as AFAS has them now, and one click on one of them. */
export function registerTabTaskActionRoutes(server: Server, route: TabRoute, deps: TabTaskActionDeps): void {
  server.get('/api/tab/tasks/:subjectId/actions', route(async (user, req) => {
    const parsed = subjectId.safeParse(req.params?.subjectId);
    if (!parsed.success) throw new AppError('bad_request', 'The task id is not one this endpoint takes.');
    const task = await activationNeeded(() => deps.listTaskActions.forTask(user, parsed.data));
    const body: TaskActionsResponse = task ? { state: 'open', subjectId: task.view.subjectId, title: task.title, actions: task.view.actions.map((a) => ({ ...a })), commentSignature: task.view.commentSignature } : { state: 'gone' };
    return { status: 200, body };
  }));
  server.post('/api/tab/tasks/act', route(async (user, req) => {
    const parsed = actBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new AppError('bad_request', 'The request body does not match what this endpoint takes.');
    const { action, signature, text } = parsed.data;
    const result = await activationNeeded(() => deps.actOnTask.execute({ user, subjectId: parsed.data.subjectId, action, signature, text, via: 'tab' }));
    if (result.status === 'done' && !result.repeated) deps.logger.info({ requestId: req.getId(), tenantId: user.tenantId, user: user.aadObjectId, kind: result.kind }, 'task acted on from the tab');
    return { status: 200, body: resultView(result) };
  }));
}

/** AFAS's 401 (the activation was marked invalid) and a missing activation both mean: activate again. */
async function activationNeeded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAfasError(error, 'afas_unauthorized') || isAppError(error, 'activation_invalid') || isAppError(error, 'not_activated')) {
      throw new AppError('activation_needed', 'The user has to activate AFAS for Teams (again) before acting on tasks.', { cause: error });
    }
    throw error;
  }
}

function resultView(result: ActOnTaskResult): ActResultResponse {
  switch (result.status) {
    case 'done':
      return { status: 'done', kind: result.kind, action: result.action, title: result.title, at: result.at.toISOString() };
    case 'inProgress':
      return { status: 'inProgress' };
    case 'invalidText':
      return { status: 'invalidText', problem: result.problem };
    default:
      return result;
  }
}
