import { createHash } from 'node:crypto';
import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { AppError } from '../domain/app-error';
import { checkReactionText, type FinalTaskState, type TaskWorkflow } from '../domain/task-action';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { ActivationStore } from '../ports/activation-store';
import type { AuditLog } from '../ports/audit-log';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { Logger } from '../ports/logger';
import type { TaskWorkflowSource } from '../ports/task-workflow-source';
import { connectionById } from './find-connection';
import type { ProactiveTaskCards } from './proactive-task-cards';
import type { StoredResult, TaskActionBook } from './task-action-book';
import { COMMENT, type TaskActionSignature } from './task-action-signature';

export interface ActOnTaskInput {
  readonly user: UserKey;
  /** What the card or the tab sent back: the task's dossier item, the action's position, its signature. */
  readonly subjectId: string;
  readonly action: number | 'comment';
  readonly signature: string;
  readonly text: string;
  /** Where the click came from, for the audit log. */
  readonly via: 'chat' | 'tab';
  /** The card the click came from (its activity id), which the click's answer replaces already. */
  readonly cardActivityId?: string | null;
}

export type ActOnTaskResult =
  /** AFAS took it (now, or on the first of repeated invokes: `repeated`). */
  | { readonly status: 'done'; readonly kind: 'action' | 'comment'; readonly action: string | null; readonly title: string; readonly at: Date; readonly repeated: boolean }
  /** The user has no such open task in AFAS (any more): handled elsewhere, or by someone else. */
  | { readonly status: 'alreadyHandled'; readonly title: string | null }
  /** Another click on this task is still with AFAS. */
  | { readonly status: 'inProgress' }
  | { readonly status: 'invalidText'; readonly problem: 'tooLong' | 'controlCharacters' | 'required' }
  /** Not an action this server offered this user on this task as AFAS has it now (forged, altered or out of date). */
  | { readonly status: 'notOffered'; readonly title: string | null }
  /** AFAS refused (500): its own sentence and the reference its support asks for. */
  | { readonly status: 'afasError'; readonly title: string | null; readonly message: string | null; readonly reference: string | null };

export interface ActOnTaskDeps {
  readonly activations: ActivationStore;
  readonly connections: ConnectionStore;
  readonly source: TaskWorkflowSource;
  readonly book: TaskActionBook;
  readonly signature: TaskActionSignature;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Brings a proactive card of the task up to date after the act (absent: none are). */
  readonly cards?: Pick<ProactiveTaskCards, 'settle'>;
}

type Outcome = 'done' | 'already_handled' | 'afas_error' | 'expired' | 'unavailable' | 'failed';

interface Verified {
  readonly connection: AfasConnection;
  readonly token: string;
  readonly workflow: TaskWorkflow;
  readonly action: TaskWorkflow['actions'][number] | null;
  readonly title: string | null;
}

/**
 * Takes an action on a task (or posts a comment) in AFAS: exactly one POST per click, also when
 * Teams repeats the invoke or the user clicks twice (a guard per user + task in this process, and
 * an eTag-guarded claim in the StateStore across processes and restarts); only an action whose
 * signature matches what AFAS offers this user on this task right now; every POST is audited
 * (tenant, user, task, action, time, outcome; never the reaction text).
 */
export class ActOnTask {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: ActOnTaskDeps) {}

  async execute(input: ActOnTaskInput): Promise<ActOnTaskResult> {
    const checked = checkReactionText(input.text, { required: input.action === 'comment' });
    if (!checked.ok) return { status: 'invalidText', problem: checked.problem };
    const { user } = input;
    // A task is acted on once; a comment once per text (a repeated invoke carries the same text).
    const actKey = input.action === 'comment' ? `${input.subjectId}#comment#${createHash('sha256').update(checked.text).digest('base64url').slice(0, 16)}` : input.subjectId;
    const guardKey = `${userKeyString(user)}|${actKey}`;
    if (this.inFlight.has(guardKey)) return { status: 'inProgress' };
    this.inFlight.add(guardKey);
    try {
      const claim = await this.deps.book.claim(user, actKey, input.signature, this.deps.clock.now().getTime());
      if (!claim.claimed) return claim.result ? { status: 'done', kind: claim.result.kind, action: claim.result.action, title: claim.result.title, at: new Date(claim.result.at), repeated: true } : { status: 'inProgress' };
      let result: StoredResult | null = null;
      try {
        const answer = await this.verifyAndPost(input, checked.text);
        if (answer.status === 'done') result = { kind: answer.kind, action: answer.action, title: answer.title, at: answer.at.getTime() };
        await this.settleCard(input, answer);
        return answer;
      } finally {
        // Anything but a success frees the claim, so the user can try again (after maintenance, say).
        await this.deps.book.finish(user, actKey, input.signature, result);
      }
    } finally {
      this.inFlight.delete(guardKey);
    }
  }

  /** A proactive card of a task that is done now (here, or elsewhere before) shows that; a failure there leaves the act as it is. */
  private async settleCard(input: ActOnTaskInput, answer: ActOnTaskResult): Promise<void> {
    const final: FinalTaskState | null =
      answer.status === 'done' && answer.kind === 'action' ? { status: 'done', action: answer.action, title: answer.title, at: answer.at } : answer.status === 'alreadyHandled' ? { status: 'alreadyHandled', title: answer.title } : null;
    if (!final || !this.deps.cards) return;
    try {
      await this.deps.cards.settle(input.user, input.subjectId, final, input.cardActivityId ?? null);
    } catch (error) {
      this.deps.logger.error({ code: 'task_card_update_failed', tenantId: input.user.tenantId, err: error }, 'a sent task card could not be brought up to date after an act');
    }
  }

  private async verifyAndPost(input: ActOnTaskInput, text: string): Promise<ActOnTaskResult> {
    const verified = await this.verify(input);
    if ('status' in verified) return verified;
    const { connection, token, workflow, action, title } = verified;
    const audit = (outcome: Outcome, extra: Record<string, unknown> = {}) => this.audit(input, workflow, action?.description ?? null, outcome, text !== '', extra);
    try {
      await this.deps.source.react(connection, token, { subjectId: workflow.subjectId, workflowId: workflow.workflowId, taskId: workflow.taskId, actionId: action?.id ?? null, text });
    } catch (error) {
      if (!isAfasError(error)) throw error;
      if (error.code === 'afas_unauthorized') {
        await this.deps.activations.markInvalid(input.user, this.deps.clock.now());
        await audit('expired');
        throw error;
      }
      if (error.code !== 'afas_functional_error') {
        await audit(error.code === 'afas_unavailable' ? 'unavailable' : 'failed', { code: error.code });
        throw error;
      }
      const reference = error.profitLogReference ?? null;
      // AFAS's 500 says why only in words; whether the task is still open says it in a way to act on.
      const stillOpen = await this.deps.source.isOpen(connection, token, workflow).catch(() => true);
      await audit(stillOpen ? 'afas_error' : 'already_handled', { profitLogReference: reference });
      return stillOpen ? { status: 'afasError', title, message: error.externalMessage ?? null, reference } : { status: 'alreadyHandled', title };
    }
    await audit('done');
    return { status: 'done', kind: action ? 'action' : 'comment', action: action?.description ?? null, title: title ?? '', at: this.deps.clock.now(), repeated: false };
  }

  /** The task as AFAS has it now, and the action the signature was made for; or the answer when there is none. */
  private async verify(input: ActOnTaskInput): Promise<Verified | ActOnTaskResult> {
    const { user } = input;
    const activation = await this.deps.activations.get(user);
    if (!activation) throw new AppError('not_activated', 'This user has not activated AFAS for Teams yet.');
    if (activation.status === 'invalid') throw new AppError('activation_invalid', 'The AFAS activation of this user is no longer valid.');
    const token = await this.deps.activations.getToken(user);
    if (!token) throw new AppError('activation_invalid', 'The AFAS activation of this user has no token.');
    const connection = await connectionById(this.deps.connections, activation.connectionId);
    // Actions switched off for the connection: nothing is offered, so nothing is taken.
    if (!connection.taskActions.enabled) return { status: 'notOffered', title: null };
    const [workflows, title] = await this.readAfas(user, () =>
      Promise.all([this.deps.source.workflowsFor(connection, token, [input.subjectId]), this.deps.source.taskTitle(connection, token, input.subjectId)]),
    );
    const workflow = workflows.get(input.subjectId);
    if (!workflow) return { status: 'alreadyHandled', title };
    const action = input.action === 'comment' ? null : (workflow.actions[input.action] ?? null);
    const signed = input.action === 'comment' ? COMMENT : action?.id;
    if (signed === undefined || !this.deps.signature.verify(user, connection.id, workflow, signed, input.signature)) {
      this.deps.logger.warn({ code: 'task_action_not_offered', tenantId: user.tenantId, user: user.aadObjectId, via: input.via }, 'a task action that was not offered to this user (or is out of date) was refused');
      return { status: 'notOffered', title };
    }
    return { connection, token, workflow, action, title };
  }

  /** Reads as the lists do: a 401 marks the activation invalid. */
  private async readAfas<T>(user: UserKey, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (isAfasError(error, 'afas_unauthorized')) await this.deps.activations.markInvalid(user, this.deps.clock.now());
      throw error;
    }
  }

  private async audit(input: ActOnTaskInput, workflow: TaskWorkflow, action: string | null, outcome: Outcome, withText: boolean, extra: Record<string, unknown>): Promise<void> {
    const { user } = input;
    try {
      await this.deps.audit.append({
        at: this.deps.clock.now(),
        actor: userKeyString(user),
        action: action === null ? 'task.comment' : 'task.action',
        target: `subject:${workflow.subjectId}`,
        tenantId: user.tenantId,
        details: { subjectId: workflow.subjectId, taskId: workflow.taskId, action, outcome, via: input.via, withText, ...extra },
      });
    } catch (error) {
      // What AFAS did stands; a lost audit line is the operator's problem, said in the log.
      this.deps.logger.error({ code: 'audit_write_failed', outcome, err: error }, 'a task action could not be written to the audit log');
    }
  }
}
