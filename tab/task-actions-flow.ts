import { TabApiError, type TabApi } from './api-client';
import type { OfferedActionView } from '../contracts/tab-task-actions';
import { translate, type Language } from './i18n';
import { failureText } from './views/failure-text';
import { actOutcomeText, type ActOutcomeText } from './views/task-result-text';

/** The one task whose actions are open in the tab, with what the user typed. */
export interface TaskPanelModel {
  readonly itemId: string;
  readonly subjectId: string;
  readonly title: string;
  readonly step: 'loading' | 'ready' | 'gone';
  readonly actions: readonly OfferedActionView[];
  readonly commentSignature: string | null;
  /** Kept through failures and refreshes until the task is acted on. */
  readonly text: string;
  /** A click is with the server: the buttons wait. */
  readonly sending: boolean;
  readonly error: string | null;
}

export interface TaskActionsFlowDeps {
  readonly api: TabApi;
  readonly lang: () => Language;
  readonly now: () => Date;
  /** Draws the panel again (null = closed); `focusKey` moves the focus. */
  readonly show: (panel: TaskPanelModel | null, focusKey?: string) => void;
  /** The task left the user's list in AFAS: remove it and say so. */
  readonly acted: (itemId: string, outcome: ActOutcomeText) => void;
  /** The activation has to be done again: the tile shows how. */
  readonly activationNeeded: () => void;
}

/**
 * Acting on a task from the tab: its actions are asked when the user opens them (AFAS's GUIDs
 * change, so what the tile read a minute ago may be stale), a click is sent once (the buttons
 * wait while it is with the server), and a failure is said in plain words with the text kept.
 */
export class TaskActionsFlow {
  private current: TaskPanelModel | null = null;

  constructor(private readonly deps: TaskActionsFlowDeps) {}

  get panel(): TaskPanelModel | null {
    return this.current;
  }

  async toggle(item: { readonly id: string; readonly subjectId: string; readonly title: string }): Promise<void> {
    if (this.current?.itemId === item.id) return this.close();
    const panel: TaskPanelModel = { itemId: item.id, subjectId: item.subjectId, title: item.title, step: 'loading', actions: [], commentSignature: null, text: '', sending: false, error: null };
    this.update(panel);
    try {
      const answer = await this.deps.api.taskActions(item.subjectId);
      if (this.current?.itemId !== item.id) return;
      if (answer.state === 'gone') return this.update({ ...this.current, step: 'gone' });
      this.update({ ...this.current, step: 'ready', title: answer.title ?? item.title, actions: answer.actions, commentSignature: answer.commentSignature }, `task-text-${item.id}`);
    } catch (error) {
      if (this.current?.itemId !== item.id) return;
      if (this.isActivation(error)) return;
      this.update({ ...this.current, step: 'gone', error: this.failure(error, false) });
    }
  }

  /** The task is no longer in the list (a refresh): its panel goes without a word. */
  dismiss(): void {
    this.current = null;
  }

  close(): void {
    const itemId = this.current?.itemId;
    this.current = null;
    this.deps.show(null, itemId ? `task-toggle-${itemId}` : undefined);
  }

  /** Typing is kept without drawing again (the caret stays where it is). */
  setText(text: string): void {
    if (this.current) this.current = { ...this.current, text };
  }

  async act(action: number | 'comment'): Promise<void> {
    const panel = this.current;
    if (!panel || panel.step !== 'ready' || panel.sending) return;
    const signature = action === 'comment' ? panel.commentSignature : panel.actions.find((a) => a.index === action)?.signature;
    if (!signature) return;
    this.update({ ...panel, sending: true, error: null });
    try {
      const result = await this.deps.api.actOnTask({ subjectId: panel.subjectId, action, signature, text: panel.text });
      const outcome = actOutcomeText(this.deps.lang(), result);
      if (outcome.leavesList || (result.status === 'done' && result.kind === 'comment')) {
        this.current = null;
        this.deps.acted(panel.itemId, outcome);
        return;
      }
      this.update({ ...this.latest(panel), sending: false, error: this.withTextKept(outcome.text, panel.text) }, `task-text-${panel.itemId}`);
    } catch (error) {
      if (this.isActivation(error)) return;
      this.update({ ...this.latest(panel), sending: false, error: this.failure(error, panel.text !== '') }, `task-text-${panel.itemId}`);
    }
  }

  private latest(panel: TaskPanelModel): TaskPanelModel {
    return this.current?.itemId === panel.itemId ? this.current : panel;
  }

  private update(panel: TaskPanelModel, focusKey?: string): void {
    this.current = panel;
    this.deps.show(panel, focusKey);
  }

  private isActivation(error: unknown): boolean {
    if (!(error instanceof TabApiError) || error.problem.code !== 'activation_needed') return false;
    this.current = null;
    this.deps.activationNeeded();
    return true;
  }

  private failure(error: unknown, textTyped: boolean): string {
    const lang = this.deps.lang();
    let text = translate(lang, 'error.generic');
    if (error instanceof TabApiError) {
      if (error.status === 401) text = translate(lang, 'tab.signInFailed');
      else if (error.status === 0 && error.problem.code === 'network') text = translate(lang, 'tab.offline');
      else if (error.problem.failure) text = failureText(lang, error.problem.failure, this.deps.now());
    }
    return textTyped ? this.withTextKept(text, 'typed') : text;
  }

  private withTextKept(text: string, typed: string): string {
    return typed === '' ? text : `${text} ${translate(this.deps.lang(), 'tasks.tab.textKept')}`;
  }
}
