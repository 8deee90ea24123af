import type { Clock } from '../src/ports/clock';
import { AppError } from '../src/domain/app-error';
import { refusals } from './sandbox-http-error';
import type { SandboxRow } from './sandbox-types';
import type { SandboxUser, UserDirectory } from './user-directory';
import { workflowTaskFor } from './workflow-definitions';

/** AFAS's limit on a reaction text is not public; the sandbox refuses past this many characters. */
export const MAX_REACTION_LENGTH = 4000;

/** A row key no connector has: the name of a colleague who handles this task first, when the user reacts. */
export const HANDLED_MEANWHILE_BY = '_handledMeanwhileBy';

/** The `Fields` of a `KnSubjectWorkflowReaction` element, read. */
export interface ReactionFields {
  readonly subjectId: number;
  readonly workflowGuid?: string;
  readonly taskGuid?: string;
  readonly actionGuid?: string;
  readonly text?: string;
}

/** A reaction the sandbox accepted: what tests and the demo can look at. */
export interface AcceptedReaction {
  readonly userId: string;
  readonly subjectId: number;
  /** The task row's `guid_task`; null for a comment. */
  readonly taskId: string | null;
  /** The action's description ("Goedkeuren"); null for a comment. */
  readonly action: string | null;
  readonly text: string;
  /** ISO instant. */
  readonly at: string;
}

interface Handled {
  readonly subjectId: number;
  readonly taskGuid: string;
  readonly by: string;
}

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Reactions on workflow tasks, as `KnSubjectWorkflowReaction` handles them: with an action the task
 * is handled and leaves the user's list; without one it is a comment and the task stays.
 */
export class TaskReactions {
  private readonly handled: Handled[] = [];
  private readonly accepted: AcceptedReaction[] = [];

  constructor(private readonly directory: UserDirectory, private readonly clock: Clock) {}

  get reactions(): readonly AcceptedReaction[] {
    return [...this.accepted];
  }

  react(user: SandboxUser, fields: ReactionFields): void {
    const text = fields.text ?? '';
    if (text.length > MAX_REACTION_LENGTH) throw refusals.reactionTooLong(MAX_REACTION_LENGTH);
    if (fields.actionGuid === undefined) return this.comment(user, fields.subjectId, text);
    const index = user.tasks.findIndex((row) => this.matches(row, fields));
    if (index === -1) throw this.whyNotOpen(user, fields);
    const row = user.tasks[index];
    const step = workflowTaskFor(row.taskname);
    const action = step?.actions.find((a) => same(fields.actionGuid, a.guid));
    if (!step || !action) throw refusals.actionNotOfTask();
    const colleague = row[HANDLED_MEANWHILE_BY];
    user.tasks.splice(index, 1);
    if (typeof colleague === 'string') {
      this.handled.push({ subjectId: fields.subjectId, taskGuid: step.taskGuid, by: colleague });
      throw refusals.taskAlreadyHandled(colleague);
    }
    this.handled.push({ subjectId: fields.subjectId, taskGuid: step.taskGuid, by: user.name });
    this.accepted.push({ userId: user.userId, subjectId: fields.subjectId, taskId: String(row.guid_task), action: action.description, text, at: this.clock.now().toISOString() });
  }

  /** A colleague handles the user's task now: it leaves their list, and a reaction on it is "already handled". */
  handleElsewhere(user: SandboxUser, taskId: string, by: string): void {
    const index = user.tasks.findIndex((row) => row.guid_task === taskId);
    const step = index === -1 ? null : workflowTaskFor(user.tasks[index].taskname);
    if (!step) throw new AppError('sandbox_unknown_task', `The sandbox has no workflow task "${taskId}" for ${user.userId}`);
    this.handled.push({ subjectId: Number(user.tasks[index].subjectid), taskGuid: step.taskGuid, by });
    user.tasks.splice(index, 1);
  }

  private comment(user: SandboxUser, subjectId: number, text: string): void {
    if (!user.tasks.some((row) => Number(row.subjectid) === subjectId)) {
      throw this.directory.all().some((other) => other.tasks.some((row) => Number(row.subjectid) === subjectId)) ? refusals.noRightsOnTask() : refusals.taskNotFound();
    }
    this.accepted.push({ userId: user.userId, subjectId, taskId: null, action: null, text, at: this.clock.now().toISOString() });
  }

  private matches(row: SandboxRow, fields: ReactionFields): boolean {
    const step = workflowTaskFor(row.taskname);
    return step !== null && Number(row.subjectid) === fields.subjectId && same(fields.taskGuid, step.taskGuid) && same(fields.workflowGuid, step.workflowGuid);
  }

  private whyNotOpen(user: SandboxUser, fields: ReactionFields): Error {
    const done = [...this.handled].reverse().find((h) => h.subjectId === fields.subjectId && same(fields.taskGuid, h.taskGuid));
    if (done) return refusals.taskAlreadyHandled(done.by);
    const othersTask = this.directory.all().some((other) => other !== user && other.tasks.some((row) => this.matches(row, fields)));
    return othersTask ? refusals.noRightsOnTask() : refusals.taskNotFound();
  }
}
