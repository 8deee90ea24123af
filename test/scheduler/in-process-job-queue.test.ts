import { InProcessJobQueue } from '../../src/scheduler/in-process-job-queue';
import { FakeClock, flushPromises } from '../fakes/fake-clock';

interface Run {
  key: string;
  data: string;
  at: number;
}

describe('the in-process job queue', () => {
  let clock: FakeClock;
  let runs: Run[];
  let errors: unknown[];

  beforeEach(() => {
    clock = new FakeClock('2026-03-02T08:00:00Z');
    runs = [];
    errors = [];
  });

  function queue(concurrency = 4, work: (key: string) => Promise<void> = async () => undefined) {
    const q = new InProcessJobQueue<string>({ clock, lanes: { default: concurrency, send: 1 }, onError: (_key, error) => errors.push(error) });
    q.start(async (job) => {
      runs.push({ key: job.key, data: job.data, at: clock.now().getTime() - Date.parse('2026-03-02T08:00:00Z') });
      await work(job.key);
    });
    return q;
  }

  const at = (ms: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + ms);

  it('runs each job at its time, earliest first, with one timer for the whole queue', async () => {
    const q = queue();
    await q.schedule('c', at(3000), 'third');
    await q.schedule('a', at(1000), 'first');
    await q.schedule('b', at(2000), 'second');
    expect(clock.pendingSleepers).toBe(1);
    await clock.advance(5000);
    expect(runs.map((r) => [r.data, r.at])).toEqual([
      ['first', 1000],
      ['second', 2000],
      ['third', 3000],
    ]);
    expect(await q.size()).toBe(0);
  });

  it('keeps one job per key: scheduling again replaces it, cancelling removes it', async () => {
    const q = queue();
    await q.schedule('a', at(1000), 'old');
    await q.schedule('a', at(2000), 'new');
    await q.schedule('b', at(1500), 'gone');
    expect(await q.cancel('b')).toBe(true);
    expect(await q.cancel('b')).toBe(false);
    await clock.advance(3000);
    expect(runs.map((r) => [r.key, r.data, r.at])).toEqual([['a', 'new', 2000]]);
  });

  it('never runs two jobs of one key at once: a job scheduled for a running key waits for it', async () => {
    let release: () => void = () => undefined;
    const q = queue(4, (key) => (key === 'a' && runs.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()));
    await q.schedule('a', at(0), 'first');
    await flushPromises();
    await q.schedule('a', at(0), 'second');
    await flushPromises();
    expect(runs.map((r) => r.data)).toEqual(['first']);
    expect(await q.has('a')).toBe(true);
    release();
    await flushPromises();
    expect(runs.map((r) => r.data)).toEqual(['first', 'second']);
  });

  it('runs at most `concurrency` jobs at a time', async () => {
    const releases: (() => void)[] = [];
    const q = queue(2, () => new Promise<void>((resolve) => releases.push(resolve)));
    for (const key of ['a', 'b', 'c', 'd']) await q.schedule(key, at(0), key);
    await flushPromises();
    expect(runs.map((r) => r.key)).toEqual(['a', 'b']);
    releases.shift()!();
    await flushPromises();
    expect(runs.map((r) => r.key)).toEqual(['a', 'b', 'c']);
    releases.splice(0).forEach((release) => release());
    await flushPromises();
    releases.splice(0).forEach((release) => release());
    await q.idle();
    expect(runs).toHaveLength(4);
  });

  it('keeps lanes apart: a full lane does not hold up jobs of another', async () => {
    const releases: (() => void)[] = [];
    const q = queue(1, (key) => (key === 'slow' ? new Promise<void>((resolve) => releases.push(resolve)) : Promise.resolve()));
    await q.schedule('slow', at(0), 'poll');
    await q.schedule('waiting', at(0), 'poll');
    await q.schedule('punctual', at(5), 'send', 'send');
    await clock.advance(10);
    expect(runs.map((r) => [r.key, r.at])).toEqual([
      ['slow', 0],
      ['punctual', 5],
    ]);
    releases.splice(0).forEach((release) => release());
    await q.idle();
    expect(runs.map((r) => r.key)).toEqual(['slow', 'punctual', 'waiting']);
  });

  it('runs at most `perGroup` jobs of one group at once; the rest wait in line without holding up other groups', async () => {
    const releases = new Map<string, () => void>();
    const q = new InProcessJobQueue<string>({
      clock,
      lanes: { default: { concurrency: 10, perGroup: 2 } },
      groupOf: (key) => key.split(':')[0],
      onError: (_key, error) => errors.push(error),
    });
    q.start(async (job) => {
      runs.push({ key: job.key, data: job.data, at: 0 });
      await new Promise<void>((resolve) => releases.set(job.key, resolve));
    });
    for (const key of ['a:1', 'a:2', 'a:3', 'a:4', 'b:1', 'b:2']) await q.schedule(key, at(0), key);
    await flushPromises();
    expect(runs.map((r) => r.key)).toEqual(['a:1', 'a:2', 'b:1', 'b:2']);
    expect(await q.has('a:4')).toBe(true);
    releases.get('a:1')!();
    await flushPromises();
    expect(runs.map((r) => r.key)).toEqual(['a:1', 'a:2', 'b:1', 'b:2', 'a:3']);
    expect(await q.cancel('a:4')).toBe(true);
    for (const release of releases.values()) release();
    await flushPromises();
    for (const release of releases.values()) release();
    await q.idle();
    expect(runs.map((r) => r.key)).not.toContain('a:4');
  });

  it('hands a failing job to onError and carries on', async () => {
    const q = queue(1, async (key) => {
      if (key === 'bad') throw new Error('boom');
    });
    await q.schedule('bad', at(0), 'x');
    await q.schedule('good', at(10), 'y');
    await clock.advance(20);
    expect(errors).toHaveLength(1);
    expect(runs.map((r) => r.key)).toEqual(['bad', 'good']);
  });

  it('stops at once: the timer is gone and queued jobs no longer run', async () => {
    const q = queue();
    await q.schedule('a', at(1000), 'later');
    await q.stop();
    expect(clock.pendingSleepers).toBe(0);
    await clock.advance(5000);
    expect(runs).toEqual([]);
    expect(q.nextDueAt()?.toISOString()).toBe('2026-03-02T08:00:01.000Z');
  });
});
