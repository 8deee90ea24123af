import type { ExecuteAction, JsonObject, OpenUrlAction, SubmitAction } from './adaptive-card';
import type { StaticVerbData, Verb } from './verbs';

export interface ActionOptions {
  readonly style?: ExecuteAction['style'];
  readonly mode?: 'primary' | 'secondary';
  /** `auto` sends the card's inputs along; actions that must not (cancel, resend) use `none`. */
  readonly associatedInputs?: 'auto' | 'none';
}

/**
 * A Universal Action: Teams sends an `adaptiveCard/action` invoke and replaces the card with the
 * one the bot answers with, so a handled card (for instance one holding an activation code) does
 * not linger in the chat.
 */
export function executeAction<V extends Verb>(verb: V, title: string, data: StaticVerbData<V>, options: ActionOptions = {}): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: data as JsonObject, ...options };
}

export function openUrlAction(title: string, url: string, mode?: 'primary' | 'secondary'): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url, ...(mode ? { mode } : {}) };
}

/**
 * A button that posts `command` into the chat as if the user typed it. This is where Execute cannot
 * serve: Execute replaces the card it sits on, while a help or welcome card should stay and the
 * answer arrive as a new message.
 */
export function commandAction(title: string, command: string, mode?: 'primary' | 'secondary'): SubmitAction {
  return {
    type: 'Action.Submit',
    title,
    data: { msteams: { type: 'imBack', value: command } },
    associatedInputs: 'none',
    ...(mode ? { mode } : {}),
  };
}
