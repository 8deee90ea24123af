import {
  activatedSchema,
  codeSentSchema,
  noContentSchema,
  preferencesSchema,
  problemSchema,
  tileResponseSchema,
  type ActivatedResponse,
  type ApiProblem,
  type CodeSentResponse,
  type ListKind,
  type PreferencesResponse,
  type TileResponse,
} from '../contracts/tab-api';
import { oauthBeginSchema, oauthCompletedSchema, type OAuthBeginResponse, type OAuthCompletedResponse } from '../contracts/tab-oauth';
import { actResultSchema, taskActionsSchema, type ActRequest, type ActResultResponse, type TaskActionsResponse } from '../contracts/tab-task-actions';

/** What the tab asks its server. Implemented over HTTP below; tests use a fake. */
export interface TabApi {
  tile(): Promise<TileResponse>;
  requestCode(afasUserId: string): Promise<CodeSentResponse>;
  resendCode(): Promise<CodeSentResponse>;
  confirmCode(code: string): Promise<ActivatedResponse>;
  setFirstList(list: ListKind): Promise<PreferencesResponse>;
  /** The user opened this item from the tab: it shows as read from now on. */
  markOpened(kind: ListKind, id: string): Promise<void>;
  /** A task's actions as AFAS offers them to this user now. */
  taskActions(subjectId: string): Promise<TaskActionsResponse>;
  /** One click on an offered action (or "send reaction only"). */
  actOnTask(request: ActRequest): Promise<ActResultResponse>;
  /** OAuth sign-in: the start link for Teams' authentication popup. */
  beginOAuth?(): Promise<OAuthBeginResponse>;
  /** OAuth sign-in: the popup's handle, sent with this user's SSO token. */
  completeOAuth?(handle: string): Promise<OAuthCompletedResponse>;
}

/** A call that did not succeed. `status` 0 = the server was not reached or answered nonsense. */
export class TabApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
    options?: { readonly cause?: unknown },
  ) {
    super(`tab API: ${status} ${problem.code}`, options);
    this.name = 'TabApiError';
  }
}

/** What the answer of a call is checked against: a zod (mini) schema, or anything shaped like one. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface ApiClientOptions {
  readonly getToken: () => Promise<string>;
  readonly fetch: typeof fetch;
  /** Origin of the server; '' = the page's own. */
  readonly baseUrl?: string;
}

/** AFAS may take up to 30 s before the server gives up on it. */
const REQUEST_TIMEOUT_MS = 40_000;

/**
 * One JSON call to this app's server: a fresh Teams SSO token on every request (teams-js caches
 * it), and the answer parsed against the contract before anyone sees it. `204 No Content` reads as
 * null. Shared by the tab API and the admin API clients.
 */
export async function callApi<T>(options: ApiClientOptions, method: string, path: string, body: unknown, schema: Schema<T>): Promise<T> {
  let token: string;
  try {
    token = await options.getToken();
  } catch (error) {
    throw new TabApiError(401, { code: 'sign_in_failed' }, { cause: error });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response: Response;
  let json: unknown;
  try {
    response = await options.fetch(`${options.baseUrl ?? ''}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    json = response.status === 204 ? null : await response.json();
  } catch (error) {
    throw new TabApiError(0, { code: 'network' }, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const problem = problemSchema.safeParse(json);
    throw new TabApiError(response.status, problem.success ? problem.data : { code: 'unexpected' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new TabApiError(0, { code: 'unexpected_answer' });
  return parsed.data;
}

/**
 * The tab API over fetch. Every request carries a fresh Teams SSO token (teams-js caches it);
 * every answer is parsed against the contract before the views see it.
 */
export class HttpTabApi implements TabApi {
  constructor(private readonly options: ApiClientOptions) {}

  tile(): Promise<TileResponse> {
    return callApi(this.options, 'GET', '/api/tab/tile', undefined, tileResponseSchema);
  }

  requestCode(afasUserId: string): Promise<CodeSentResponse> {
    return callApi(this.options, 'POST', '/api/tab/activation/request', { afasUserId }, codeSentSchema);
  }

  resendCode(): Promise<CodeSentResponse> {
    return callApi(this.options, 'POST', '/api/tab/activation/resend', {}, codeSentSchema);
  }

  confirmCode(code: string): Promise<ActivatedResponse> {
    return callApi(this.options, 'POST', '/api/tab/activation/confirm', { code }, activatedSchema);
  }

  setFirstList(firstList: ListKind): Promise<PreferencesResponse> {
    return callApi(this.options, 'PUT', '/api/tab/preferences', { firstList }, preferencesSchema);
  }

  async markOpened(kind: ListKind, id: string): Promise<void> {
    await callApi(this.options, 'POST', '/api/tab/opened', { kind, id }, noContentSchema);
  }

  taskActions(subjectId: string): Promise<TaskActionsResponse> {
    return callApi(this.options, 'GET', `/api/tab/tasks/${encodeURIComponent(subjectId)}/actions`, undefined, taskActionsSchema);
  }

  actOnTask(request: ActRequest): Promise<ActResultResponse> {
    return callApi(this.options, 'POST', '/api/tab/tasks/act', request, actResultSchema);
  }

  beginOAuth(): Promise<OAuthBeginResponse> {
    return callApi(this.options, 'POST', '/api/tab/oauth/begin', {}, oauthBeginSchema);
  }

  completeOAuth(handle: string): Promise<OAuthCompletedResponse> {
    return callApi(this.options, 'POST', '/api/tab/oauth/complete', { handle }, oauthCompletedSchema);
  }
}
