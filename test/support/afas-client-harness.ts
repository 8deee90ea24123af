import { AfasSandbox } from '../../sandbox';
import { AxiosAfasClientFactory, type AxiosAfasClientFactoryOptions } from '../../src/afas/axios-afas-client-factory';
import type { AfasAuth, AfasClient } from '../../src/ports/afas-client';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';

export const JAN = 'jan.devries@horizon-groep.example';

export interface Harness {
  readonly sandbox: AfasSandbox;
  readonly baseUrl: string;
  /** The client's clock: every retry wait passes at once and is recorded in `clock.sleeps`. */
  readonly clock: FakeClock;
  readonly logger: RecordingLogger;
  readonly factory: AxiosAfasClientFactory;
  readonly client: AfasClient;
  /** Auth for `JAN`, issued directly by the sandbox. */
  readonly auth: AfasAuth;
  readonly token: string;
  authFor(userId: string): AfasAuth;
  /** Requests the sandbox received since the harness started. */
  requestCount(): number;
  close(): Promise<void>;
}

/** A real sandbox on a real port and a client factory pointed at it. */
export async function startHarness(options: Partial<Omit<AxiosAfasClientFactoryOptions, 'clock' | 'logger'>> = {}): Promise<Harness> {
  const sandbox = new AfasSandbox({});
  const { baseUrl } = await sandbox.listen(0);
  const clock = new FakeClock('2026-03-02T08:00:00Z', { autoAdvance: true });
  const logger = new RecordingLogger();
  const factory = new AxiosAfasClientFactory({ clock, logger, random: () => 0.5, ...options });
  const token = sandbox.issueToken(JAN);
  return {
    sandbox,
    baseUrl,
    clock,
    logger,
    factory,
    client: factory.forBaseUrl(baseUrl),
    token,
    auth: { kind: 'afasToken', token },
    authFor: (userId) => ({ kind: 'afasToken', token: sandbox.issueToken(userId) }),
    requestCount: () => sandbox.stats.requests.length,
    close: async () => {
      factory.close();
      await sandbox.close();
    },
  };
}
