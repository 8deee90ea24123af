import { TabApiError, type TabApi } from '../../../tab/api-client';
import type { ActivatedResponse, ApiProblem, CodeSentResponse, ListKind, PreferencesResponse, TileResponse } from '../../../contracts/tab-api';
import type { ActRequest, ActResultResponse, TaskActionsResponse } from '../../../contracts/tab-task-actions';

type Answer<T> = T | TabApiError | (() => T | TabApiError);

/** The tab API, by hand: each call takes the next scripted answer (or the last one again) and is recorded. */
export class FakeTabApi implements TabApi {
  readonly calls: string[] = [];
  readonly tiles: Answer<TileResponse>[] = [];
  readonly codeRequests: Answer<CodeSentResponse>[] = [];
  readonly confirmations: Answer<ActivatedResponse>[] = [];
  readonly firstLists: Answer<PreferencesResponse>[] = [];
  readonly taskActionAnswers: Answer<TaskActionsResponse>[] = [];
  readonly actAnswers: Answer<ActResultResponse>[] = [];
  readonly acts: ActRequest[] = [];
  /** Resolves the next tile call only when released (to see the tab while it waits). */
  holdTiles = false;
  private releases: (() => void)[] = [];

  async tile(): Promise<TileResponse> {
    this.calls.push('tile');
    if (this.holdTiles) await new Promise<void>((resolve) => this.releases.push(resolve));
    return take(this.tiles, 'tile');
  }

  async requestCode(afasUserId: string): Promise<CodeSentResponse> {
    this.calls.push(`requestCode ${afasUserId}`);
    return take(this.codeRequests, 'requestCode');
  }

  async resendCode(): Promise<CodeSentResponse> {
    this.calls.push('resendCode');
    return take(this.codeRequests, 'resendCode');
  }

  async confirmCode(code: string): Promise<ActivatedResponse> {
    this.calls.push(`confirmCode ${code}`);
    return take(this.confirmations, 'confirmCode');
  }

  async setFirstList(list: ListKind): Promise<PreferencesResponse> {
    this.calls.push(`setFirstList ${list}`);
    return take(this.firstLists, 'setFirstList');
  }

  async markOpened(kind: ListKind, id: string): Promise<void> {
    this.calls.push(`markOpened ${kind} ${id}`);
  }

  async taskActions(subjectId: string): Promise<TaskActionsResponse> {
    this.calls.push(`taskActions ${subjectId}`);
    return take(this.taskActionAnswers, 'taskActions');
  }

  async actOnTask(request: ActRequest): Promise<ActResultResponse> {
    this.calls.push(`actOnTask ${request.subjectId} ${request.action}`);
    this.acts.push(request);
    return take(this.actAnswers, 'actOnTask');
  }

  release(): void {
    this.releases.splice(0).forEach((release) => release());
  }
}

function take<T>(answers: Answer<T>[], name: string): T {
  const next = answers.length > 1 ? answers.shift() : answers[0];
  if (next === undefined) throw new Error(`FakeTabApi: no answer scripted for ${name}`);
  const value = typeof next === 'function' ? (next as () => T | TabApiError)() : next;
  if (value instanceof TabApiError) throw value;
  return value;
}

export function problem(status: number, body: ApiProblem): TabApiError {
  return new TabApiError(status, body);
}
