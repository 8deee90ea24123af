import WebSocket from 'ws';
import { AppError } from '../../src/domain/app-error';
import { toPlaygroundActivity, type PlaygroundActivity } from '../../src/dev/playground-activity';
import { playgroundRequest } from '../../src/dev/playground-http';
import {
  createMessageResponse,
  invokeResponse,
  playgroundConfigResponse,
  type CustomActivityType,
  type InvokeResponse,
  type PlaygroundConfigResponse,
} from '../../src/dev/playground-wire';

export type { PlaygroundActivity } from '../../src/dev/playground-activity';

export type InvokeAction = { verb: string; data?: Record<string, unknown>; title?: string } | { value: Record<string, unknown> };

export interface ActionOptions {
  /** The message the card is on; by default the latest bot message with a card (else any) in the conversation. */
  replyToId?: string;
  /** Index into `people` (0 = the current user). Others are members of the group chat and team only. */
  fromUserIndex?: number;
  /** The personal chat by default. */
  conversationId?: string;
}

type Waiter = { predicate: (a: PlaygroundActivity) => boolean; resolve: (a: PlaygroundActivity) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Account = PlaygroundConfigResponse['config']['currentUser'];

/**
 * Drives a running Agents Playground the way its web app does: HTTP routes in, the conversation
 * WebSocket out. See docs/playground.md for the routes and their quirks.
 */
export class PlaygroundDriver {
  private base = '';
  private socket: WebSocket | null = null;
  private config: PlaygroundConfigResponse['config'] | null = null;
  private readonly seen: PlaygroundActivity[] = [];
  private readonly unclaimed: PlaygroundActivity[] = [];
  private readonly waiters: Waiter[] = [];
  /** Frames that were not bot output this driver models (none are known in 0.2.28), for debugging. */
  readonly skipped: string[] = [];

  /** Every activity received since connect, oldest first. */
  get history(): readonly PlaygroundActivity[] {
    return this.seen;
  }

  /** [current user, ...the five others], as the Playground loaded them. */
  get people(): readonly Account[] {
    const config = this.loaded();
    return [config.currentUser, ...config.users];
  }

  get personalChatId(): string {
    return this.loaded().personalChat.id;
  }

  get groupChatId(): string {
    const chat = this.loaded().groupChats[0];
    if (!chat) throw new AppError('playground_protocol', 'The Playground reported no group chat');
    return chat.id;
  }

  /** Waits until the Playground answers its config (it waits up to 15 s for the bot), then subscribes. */
  async connect(url: string, timeoutMs = 60_000): Promise<PlaygroundConfigResponse> {
    this.base = url.replace(/\/+$/, '');
    const deadline = Date.now() + timeoutMs;
    let response: PlaygroundConfigResponse | null = null;
    while (response === null) {
      try {
        response = await playgroundRequest(this.base, 'GET', '/_internal/v1/config', undefined, playgroundConfigResponse);
      } catch (error) {
        if (Date.now() > deadline) throw new AppError('playground_timeout', `No config from ${url} within ${timeoutMs} ms`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    this.config = response.config;
    const socket = new WebSocket(`${this.base.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error: Error) => reject(new AppError('playground_closed', `WebSocket to ${url} failed: ${error.message}`, { cause: error })));
    });
    socket.on('message', (data: WebSocket.Data) => this.onFrame(String(data)));
    socket.on('error', (error: Error) => this.skipped.push(`socket error: ${error.message}`));
    socket.on('close', () => this.failWaiters('The Playground closed the WebSocket (did it exit?)'));
    this.socket = socket;
    return response;
  }

  /**
   * The current user (index 0) types into the personal chat, through the web app's route. The
   * Playground sends every typed message as the current user, whatever `from.id` says, so another
   * person's message is sent as a custom activity into the group chat, mentioning the bot as Teams does.
   */
  async sendText(text: string, fromUserIndex = 0): Promise<{ conversationId: string; messageId: string }> {
    if (fromUserIndex === 0) {
      const conversationId = this.personalChatId;
      const body = { from: { id: this.person(0).id }, text, textFormat: 'plain' };
      const res = await playgroundRequest(this.base, 'POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body, createMessageResponse);
      return { conversationId, messageId: res.messageId };
    }
    const person = this.person(fromUserIndex);
    const bot = this.loaded().bot;
    const mention = `<at>${bot.name}</at>`;
    const sent = await this.sendCustomActivity(undefined, {
      type: 'message',
      text: `${mention} ${text}`,
      textFormat: 'plain',
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      entities: [{ type: 'mention', mentioned: { id: bot.id, name: bot.name }, text: mention }],
    }, this.groupChatId);
    return { conversationId: this.groupChatId, messageId: String(sent.id) };
  }

  /** Teams' "app installed" event for the personal chat: an installationUpdate with action "add". */
  install(): Promise<Record<string, unknown>> {
    return this.sendCustomActivity('install');
  }

  /** Fills the Playground's template for `type` (none = a bare activity), merges `patch` over it and sends it to the bot. */
  async sendCustomActivity(type: CustomActivityType | undefined, patch: Record<string, unknown> = {}, conversationId = this.personalChatId): Promise<Record<string, unknown>> {
    const query = new URLSearchParams({ conversationId, ...(type ? { type } : {}) });
    const template = await playgroundRequest(this.base, 'GET', `/_internal/v1/customActivities/template?${query.toString()}`);
    if (typeof template !== 'object' || template === null) throw new AppError('playground_protocol', 'The custom activity template is not an object');
    const activity: Record<string, unknown> = { ...template, ...patch };
    await playgroundRequest(this.base, 'POST', '/_internal/v1/customActivities', activity);
    return activity;
  }

  /** An Action.Execute press: the bot's invoke response comes back ({type, value}); updates arrive as activities. */
  async invoke(action: InvokeAction, options: ActionOptions = {}): Promise<InvokeResponse> {
    const value = 'value' in action ? action.value : { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data ?? {} } };
    return playgroundRequest(this.base, 'POST', '/_conversation/v1/invoke', { name: 'adaptiveCard/action', value, ...this.actionEnvelope(options) }, invokeResponse);
  }

  /** An Action.Submit press: the bot gets a message activity with `value` = data and `replyToId`. */
  async submit(data: Record<string, unknown>, options: ActionOptions = {}): Promise<void> {
    await playgroundRequest(this.base, 'POST', '/_conversation/v1/submit', { value: data, ...this.actionEnvelope(options) });
  }

  /** The first not-yet-taken activity matching `predicate`, waiting up to `timeoutMs` for it. */
  nextActivity(predicate: (a: PlaygroundActivity) => boolean = () => true, timeoutMs = 15_000): Promise<PlaygroundActivity> {
    const index = this.unclaimed.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.unclaimed.splice(index, 1)[0] as PlaygroundActivity);
    if (this.socket?.readyState !== WebSocket.OPEN) return Promise.reject(new AppError('playground_closed', 'The driver is not connected'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          const got = this.unclaimed.map((a) => `${a.kind} ${JSON.stringify(a.text)}`).join(', ') || 'nothing';
          reject(new AppError('playground_timeout', `No matching activity within ${timeoutMs} ms; unclaimed: ${got}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** The next new bot message (default: in the personal chat) whose text matches, if given. */
  waitForReply(match: { text?: string | RegExp; conversationId?: string } = {}, timeoutMs = 15_000): Promise<PlaygroundActivity> {
    const conversationId = match.conversationId ?? this.personalChatId;
    const { text } = match;
    return this.nextActivity(
      (a) => a.kind === 'message' && a.conversationId === conversationId && (text === undefined || (typeof text === 'string' ? a.text === text : text.test(a.text ?? ''))),
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    this.failWaiters('The driver was closed');
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
    });
  }

  private failWaiters(message: string): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new AppError('playground_closed', message));
    }
  }

  private onFrame(raw: string): void {
    const activity = toPlaygroundActivity(raw);
    if (!activity) {
      this.skipped.push(raw.slice(0, 500));
      return;
    }
    this.seen.push(activity);
    const waiter = this.waiters.find((w) => w.predicate(activity));
    if (!waiter) {
      this.unclaimed.push(activity);
      return;
    }
    this.waiters.splice(this.waiters.indexOf(waiter), 1);
    clearTimeout(waiter.timer);
    waiter.resolve(activity);
  }

  private actionEnvelope(options: ActionOptions): Record<string, unknown> {
    const conversationId = options.conversationId ?? this.personalChatId;
    const replyToId = options.replyToId ?? this.latestBotMessageId(conversationId);
    return { from: { id: this.person(options.fromUserIndex ?? 0).id }, conversation: { id: conversationId }, replyToId };
  }

  private latestBotMessageId(conversationId: string): string {
    const mine = this.seen.filter((a) => a.kind === 'message' && a.conversationId === conversationId);
    const chosen = [...mine].reverse().find((a) => a.cards.length > 0) ?? mine[mine.length - 1];
    if (!chosen?.messageId) throw new AppError('playground_protocol', `No bot message in ${conversationId} to act on; pass replyToId`);
    return chosen.messageId;
  }

  private person(index: number): Account {
    const person = this.people[index];
    if (!person) throw new AppError('playground_protocol', `There is no person number ${index}; the Playground has ${this.people.length}`);
    return person;
  }

  private loaded(): PlaygroundConfigResponse['config'] {
    if (!this.config) throw new AppError('playground_closed', 'Call connect() first');
    return this.config;
  }
}
