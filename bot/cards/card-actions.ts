import type { ExecuteAction, JsonObject, OpenUrlAction } from './adaptive-card';
import { VERBS, type ButtonCommand, type StaticVerbData, type Verb } from './verbs';

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
 * A button that runs a chat command, as if the user typed it. An Action.Execute like every other
 * button (an `imBack` Action.Submit does nothing in the Agents Playground); the bot sends the answer
 * as a new message, so the card with the button stays.
 */
export function commandAction(title: string, command: ButtonCommand, mode?: 'primary' | 'secondary'): ExecuteAction {
  return executeAction(VERBS.commandRun, title, { command }, { associatedInputs: 'none', ...(mode ? { mode } : {}) });
}
