import { HttpTabApi, TabApiError } from '../../tab/api-client';
import { tile } from './fixtures';

interface Sent {
  url: string;
  init: RequestInit;
}

/** fetch, by hand: records requests and answers with the next scripted response. */
function fakeFetch(...answers: (Response | Error)[]): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer scripted');
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as typeof fetch;
  return { fetch: fetchFn, sent };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the tab API client', () => {
  it('sends the Teams SSO token with every call and nothing that names the user', async () => {
    const { fetch, sent } = fakeFetch(json(200, tile()), json(200, { afasUserId: 'jan', nextRequestAt: null }));
    const api = new HttpTabApi({ getToken: async () => 'sso-token', fetch });
    expect((await api.tile()).state).toBe('tile');
    await api.requestCode('jan');
    expect(sent.map((s) => [s.init.method, s.url, (s.init.headers as Record<string, string>).Authorization])).toEqual([
      ['GET', '/api/tab/tile', 'Bearer sso-token'],
      ['POST', '/api/tab/activation/request', 'Bearer sso-token'],
    ]);
    expect(JSON.parse(String(sent[1].init.body))).toEqual({ afasUserId: 'jan' });
    expect(sent[0].init.credentials).toBe('omit');
  });

  it('turns an error answer into its stable code and details', async () => {
    const { fetch } = fakeFetch(json(422, { code: 'activation_code_rejected', reason: 'Onjuiste code', attemptsLeft: 1 }));
    const error = await new HttpTabApi({ getToken: async () => 't', fetch }).confirmCode('123456').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabApiError);
    expect((error as TabApiError).status).toBe(422);
    expect((error as TabApiError).problem).toEqual({ code: 'activation_code_rejected', reason: 'Onjuiste code', attemptsLeft: 1 });
  });

  it('does not trust an answer that does not match the contract', async () => {
    const { fetch } = fakeFetch(json(200, { state: 'tile', tasks: '<script>' }));
    const error = (await new HttpTabApi({ getToken: async () => 't', fetch }).tile().catch((e: unknown) => e)) as TabApiError;
    expect([error.status, error.problem.code]).toEqual([0, 'unexpected_answer']);
  });

  it('reports an unreachable server and a failed Teams sign-in apart', async () => {
    const offline = (await new HttpTabApi({ getToken: async () => 't', fetch: fakeFetch(new TypeError('Failed to fetch')).fetch }).tile().catch((e: unknown) => e)) as TabApiError;
    expect([offline.status, offline.problem.code]).toEqual([0, 'network']);
    const signIn = (await new HttpTabApi({ getToken: async () => Promise.reject(new Error('resourceRequiresConsent')), fetch: fakeFetch().fetch }).tile().catch((e: unknown) => e)) as TabApiError;
    expect([signIn.status, signIn.problem.code]).toEqual([401, 'sign_in_failed']);
  });
});
