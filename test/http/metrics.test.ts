import { HttpServer } from '../../src/http/http-server';
import { registerMetricsRoute } from '../../src/http/metrics-route';
import { PromMetrics } from '../../src/metrics/prom-metrics';
import { RecordingMetrics } from '../../src/metrics/recording-metrics';
import { METRIC_CATALOGUE } from '../../src/ports/metrics';
import { RecordingLogger } from '../fakes/recording-logger';

/** The sample lines of one metric in a Prometheus text exposition (comments left out). */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(name) && !line.startsWith('#'));
}

describe('GET /metrics', () => {
  let server: HttpServer;
  let origin: string;
  let metrics: PromMetrics;
  const logger = new RecordingLogger();

  async function start(options: { bearerToken?: string } = {}): Promise<void> {
    metrics = new PromMetrics({ logger });
    server = new HttpServer({ logger, readiness: async () => undefined, metrics });
    registerMetricsRoute(server, metrics, options);
    ({ origin } = await server.listen(0, '127.0.0.1'));
  }

  afterEach(() => server.close(100));

  it('answers in the Prometheus text format with every product metric named and described', async () => {
    await start();
    const res = await fetch(`${origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    for (const spec of Object.values(METRIC_CATALOGUE)) {
      expect(text).toContain(`# HELP ${spec.name} `);
      expect(text).toContain(`# TYPE ${spec.name} ${spec.type}`);
    }
  });

  it('shows counters, gauges and histograms with their labels after they are recorded', async () => {
    await start();
    metrics.counter('notificationPolls').inc({ kind: 'signal', outcome: 'ok' });
    metrics.counter('notificationPolls').inc({ kind: 'signal', outcome: 'ok' });
    metrics.counter('notificationItemsFound').inc({ kind: 'task' }, 3);
    metrics.counter('notificationCardsSent').inc({ kind: 'digest' });
    metrics.counter('notificationsDeferred').inc({ reason: 'quiet_hours' });
    metrics.counter('teamsThrottled').inc({});
    metrics.counter('notificationFailures').inc({ code: 'afas_unreachable' });
    metrics.gauge('outboxDepth').set({}, 17);
    metrics.gauge('pollLag').set({}, 4.5);
    metrics.histogram('afasCallDuration').observe({ operation: 'connector', code: 'ok' }, 0.3);

    const text = await (await fetch(`${origin}/metrics`)).text();
    expect(samples(text, 'afas_teams_notification_polls_total')).toEqual(['afas_teams_notification_polls_total{kind="signal",outcome="ok"} 2']);
    expect(samples(text, 'afas_teams_notification_items_found_total')).toEqual(['afas_teams_notification_items_found_total{kind="task"} 3']);
    expect(samples(text, 'afas_teams_notification_cards_sent_total')).toEqual(['afas_teams_notification_cards_sent_total{kind="digest"} 1']);
    expect(samples(text, 'afas_teams_notifications_deferred_total')).toEqual(['afas_teams_notifications_deferred_total{reason="quiet_hours"} 1']);
    expect(samples(text, 'afas_teams_teams_throttled_total')).toEqual(['afas_teams_teams_throttled_total 1']);
    expect(samples(text, 'afas_teams_notification_failures_total')).toEqual(['afas_teams_notification_failures_total{code="afas_unreachable"} 1']);
    expect(samples(text, 'afas_teams_notification_outbox_depth')).toEqual(['afas_teams_notification_outbox_depth 17']);
    expect(samples(text, 'afas_teams_notification_poll_lag_seconds')).toEqual(['afas_teams_notification_poll_lag_seconds 4.5']);
    expect(text).toContain('afas_teams_afas_call_duration_seconds_bucket{le="0.5",operation="connector",code="ok"} 1');
    expect(text).toContain('afas_teams_afas_call_duration_seconds_count{operation="connector",code="ok"} 1');
  });

  it('counts HTTP requests by route pattern and status, not by path', async () => {
    await start();
    await fetch(`${origin}/healthz`);
    await fetch(`${origin}/no/such/path/123`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await (await fetch(`${origin}/metrics`)).text();
    expect(text).toContain('afas_teams_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('afas_teams_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('/no/such/path');
  });

  it('includes the Node process metrics', async () => {
    await start();
    const text = await (await fetch(`${origin}/metrics`)).text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('asks for the bearer token when one is configured, and serves the metrics with it', async () => {
    await start({ bearerToken: 'scrape-secret' });
    expect((await fetch(`${origin}/metrics`)).status).toBe(401);
    expect((await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('afas_teams_notification_polls_total');
  });

  it('logs a rejected update instead of failing the work being measured', async () => {
    await start();
    expect(() => metrics.counter('notificationCardsSent').inc({ kind: 'task' }, -1)).not.toThrow();
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'metric update rejected', fields: expect.objectContaining({ code: 'metric_rejected', metric: 'notificationCardsSent' }) }));
  });
});

describe('the in-memory metrics', () => {
  it('read back what was recorded, per label set', () => {
    const metrics = new RecordingMetrics();
    metrics.counter('notificationCardsSent').inc({ kind: 'signal' });
    metrics.counter('notificationCardsSent').inc({ kind: 'signal' }, 2);
    metrics.gauge('outboxDepth').set({}, 5);
    metrics.histogram('afasCallDuration').observe({ code: 'ok', operation: 'otp' }, 0.2);
    expect(metrics.value('notificationCardsSent', { kind: 'signal' })).toBe(3);
    expect(metrics.value('notificationCardsSent', { kind: 'task' })).toBe(0);
    expect(metrics.value('outboxDepth')).toBe(5);
    expect(metrics.observed('afasCallDuration', { operation: 'otp', code: 'ok' })).toEqual([0.2]);
  });
});
