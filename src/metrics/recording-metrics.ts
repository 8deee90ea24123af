import type { Counter, CounterName, Gauge, GaugeName, Histogram, HistogramName, MetricName, Metrics } from '../ports/metrics';

/** Stable key for one series: the metric and its labels in name order. */
function seriesKey(name: MetricName, labels: Readonly<Record<string, string>>): string {
  return `${name}${JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/**
 * Metrics kept in memory and readable back: for tests (assert what was counted) and for running
 * without a metrics endpoint. Holds every series it is given, so it is not meant for production.
 */
export class RecordingMetrics implements Metrics {
  private readonly values = new Map<string, number>();
  private readonly observations = new Map<string, number[]>();

  counter<N extends CounterName>(name: N): Counter<N> {
    return {
      inc: (labels, by = 1) => {
        const key = seriesKey(name, labels);
        this.values.set(key, (this.values.get(key) ?? 0) + by);
      },
    };
  }

  gauge<N extends GaugeName>(name: N): Gauge<N> {
    return { set: (labels, value) => void this.values.set(seriesKey(name, labels), value) };
  }

  histogram<N extends HistogramName>(name: N): Histogram<N> {
    return {
      observe: (labels, value) => {
        const key = seriesKey(name, labels);
        this.observations.set(key, [...(this.observations.get(key) ?? []), value]);
      },
    };
  }

  /** A counter's total or a gauge's last value for exactly these labels; 0 when never recorded. */
  value(name: CounterName | GaugeName, labels: Readonly<Record<string, string>> = {}): number {
    return this.values.get(seriesKey(name, labels)) ?? 0;
  }

  /** A histogram's observations for exactly these labels, in order. */
  observed(name: HistogramName, labels: Readonly<Record<string, string>> = {}): readonly number[] {
    return this.observations.get(seriesKey(name, labels)) ?? [];
  }
}
