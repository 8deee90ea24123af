import { collectDefaultMetrics, Counter as PromCounter, Gauge as PromGauge, Histogram as PromHistogram, Registry } from 'prom-client';
import type { Logger } from '../ports/logger';
import {
  METRIC_CATALOGUE,
  type Counter,
  type CounterName,
  type Gauge,
  type GaugeName,
  type Histogram,
  type HistogramName,
  type LabelsOf,
  type MetricName,
  type Metrics,
  type MetricsExposition,
} from '../ports/metrics';

export interface PromMetricsOptions {
  readonly logger: Logger;
  /** Node process metrics (CPU, memory, event-loop lag, GC); on unless a test turns them off. */
  readonly defaultMetrics?: boolean;
}

type PromMetric = PromCounter | PromGauge | PromHistogram;

/**
 * Metrics in Prometheus' text format, via prom-client (the only importer of it). Each instance has
 * its own Registry, so two apps in one process (tests) never share or double-register series.
 */
export class PromMetrics implements Metrics, MetricsExposition {
  private readonly registry = new Registry();
  private readonly metrics = new Map<MetricName, PromMetric>();

  constructor(private readonly options: PromMetricsOptions) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    for (const [key, spec] of Object.entries(METRIC_CATALOGUE) as [MetricName, (typeof METRIC_CATALOGUE)[MetricName]][]) {
      const config = { name: spec.name, help: spec.help, labelNames: [...spec.labels], registers: [this.registry] };
      const metric =
        spec.type === 'counter'
          ? new PromCounter(config)
          : spec.type === 'gauge'
            ? new PromGauge(config)
            : new PromHistogram({ ...config, buckets: 'buckets' in spec ? [...spec.buckets] : undefined });
      this.metrics.set(key, metric);
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  counter<N extends CounterName>(name: N): Counter<N> {
    const metric = this.metrics.get(name) as PromCounter;
    return { inc: (labels, by = 1) => this.record(name, () => metric.inc(labels as LabelsOf<N>, by)) };
  }

  gauge<N extends GaugeName>(name: N): Gauge<N> {
    const metric = this.metrics.get(name) as PromGauge;
    return { set: (labels, value) => this.record(name, () => metric.set(labels as LabelsOf<N>, value)) };
  }

  histogram<N extends HistogramName>(name: N): Histogram<N> {
    const metric = this.metrics.get(name) as PromHistogram;
    return { observe: (labels, value) => this.record(name, () => metric.observe(labels as LabelsOf<N>, value)) };
  }

  /** A bad value (a negative increment, NaN) must not break the work being measured: it is logged instead. */
  private record(name: MetricName, update: () => void): void {
    try {
      update();
    } catch (error) {
      this.options.logger.warn({ code: 'metric_rejected', metric: name, err: error instanceof Error ? error.message : String(error) }, 'metric update rejected');
    }
  }
}
