import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY, type SandboxOptions } from '../../sandbox';

export const KEYS = { apiKey: DEMO_API_KEY, apiToken: DEMO_ENVIRONMENT_KEY };

/** A standalone sandbox on a random port, with helpers that speak its HTTP like an AFAS client would. */
export class SandboxHarness {
  private constructor(
    readonly sandbox: AfasSandbox,
    readonly origin: string,
    readonly baseUrl: string,
  ) {}

  static async start(options: SandboxOptions = {}): Promise<SandboxHarness> {
    const sandbox = new AfasSandbox(options);
    const { origin, baseUrl } = await sandbox.listen(0);
    return new SandboxHarness(sandbox, origin, baseUrl);
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** GET with `Authorization: AfasToken <base64 of the XML token>` when a token is given. */
  get(path: string, token?: string, headers: Record<string, string> = {}): Promise<Response> {
    const auth: Record<string, string> = token === undefined ? {} : { Authorization: authorization(token) };
    return fetch(`${this.baseUrl}${path}`, { headers: { ...auth, ...headers } });
  }

  /** Reads a connector and returns its body, failing the test on a non-200. */
  async rows(token: string, connector: string, query = ''): Promise<Record<string, unknown>[]> {
    const res = await this.get(`/connectors/${connector}${query === '' ? '' : `?${query}`}`, token);
    const body = (await res.json()) as { rows: Record<string, unknown>[] };
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
    return body.rows;
  }

  /** The whole OTP flow: request, read the mail, validate; returns the token as AFAS sends it. */
  async activate(userId: string): Promise<string> {
    await this.post('/otprequest', { ...KEYS, userId });
    const otp = this.sandbox.mailbox.latestCodeFor(userId);
    const res = await this.post('/otpvalidation', { ...KEYS, userId, otp });
    const body = (await res.json()) as { token: string };
    return body.token;
  }
}

export function authorization(token: string): string {
  return `AfasToken ${Buffer.from(token).toString('base64')}`;
}

export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) if (value !== undefined) pairs.push([key, String(value)]);
  return new URLSearchParams(pairs).toString();
}
