import type { Activation } from '../../src/domain/activation';
import type { UserKey } from '../../src/domain/user-key';
import type { NotificationEngineDeps } from '../../src/scheduler/notification-engine';
import { NotificationEngine } from '../../src/scheduler/notification-engine';
import { InProcessJobQueue } from '../../src/scheduler/in-process-job-queue';
import { InMemoryAfasAvailability } from '../../src/scheduler/in-memory-afas-availability';
import { InMemorySendBudget } from '../../src/scheduler/in-memory-send-budget';
import { jobGroup, NOTIFICATION_LANES, type EngineJobData } from '../../src/scheduler/user-job';
import { RealClock, SilentLogger } from '../../sandbox';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function aad(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** Activations made up page by page, so the store itself holds nothing while the scheduler is measured. */
function generatedActivations(count: number): Pick<NotificationEngineDeps['storage']['activations'], 'listActive'> {
  return {
    async listActive(page: { after?: UserKey; limit: number }): Promise<Activation[]> {
      const from = page.after ? Number(page.after.aadObjectId.slice(-12)) + 1 : 0;
      const at = new Date();
      return Array.from({ length: Math.max(0, Math.min(page.limit, count - from)) }, (_v, i) => ({
        user: { tenantId: TENANT, aadObjectId: aad(from + i) },
        connectionId: 'default',
        afasUserId: `user${from + i}@contoso.example`,
        status: 'active' as const,
        activatedAt: at,
        updatedAt: at,
      }));
    },
  };
}

/** Holds jobs without running them: what the scheduler keeps per user between polls. */
class HeldQueue extends InProcessJobQueue<EngineJobData> {
  override start(): void {
    // never hands out jobs
  }
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

/** Bytes of heap per activated user once the engine has a job for each of `count` users. */
export async function schedulerBytesPerUser(count: number): Promise<{ perUser: number; jobs: number }> {
  const clock = new RealClock();
  const queue = new HeldQueue({ clock, lanes: NOTIFICATION_LANES, groupOf: jobGroup, onError: () => undefined });
  const storage = {
    activations: generatedActivations(count),
    deliveries: { pending: async () => [] },
  } as unknown as NotificationEngineDeps['storage'];
  const engine = new NotificationEngine({
    storage,
    source: { list: () => Promise.reject(new Error('no polls in this measurement')) },
    notifier: { send: () => Promise.reject(new Error('no sends in this measurement')) },
    queue,
    budget: new InMemorySendBudget(),
    availability: new InMemoryAfasAvailability(),
    clock,
    logger: new SilentLogger(),
    options: { pollIntervalMs: 5 * 60_000 },
  });
  const before = heapUsed();
  await engine.start();
  const after = heapUsed();
  const jobs = await queue.size();
  await engine.stop();
  return { perUser: (after - before) / count, jobs };
}
