/** Units CloudWatch understands for the figures Rounds records. */
export type MetricUnit = 'Count' | 'Milliseconds';

export interface MetricValue {
  value: number;
  unit: MetricUnit;
}

/**
 * The metrics port. Every figure is recorded per service and, when a tenant is known, per
 * tenant too, so one noisy practice shows up on its own line.
 */
export interface Metrics {
  record(values: Record<string, MetricValue>, dims: { tenantId?: string }): void;
}

export const METRICS_NAMESPACE = 'Rounds';

/**
 * Cloud adapter: CloudWatch Embedded Metric Format, one JSON line per record on stdout.
 * Lambda ships stdout to CloudWatch Logs, which extracts the metrics: no API call, no latency.
 */
export function emfMetrics(
  service: string,
  sink: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  nowMs: () => number = Date.now,
): Metrics {
  return {
    record(values, dims) {
      const dimensions = dims.tenantId ? [['Service'], ['Service', 'TenantId']] : [['Service']];
      const line: Record<string, unknown> = {
        _aws: {
          Timestamp: nowMs(),
          CloudWatchMetrics: [
            {
              Namespace: METRICS_NAMESPACE,
              Dimensions: dimensions,
              Metrics: Object.entries(values).map(([name, v]) => ({ Name: name, Unit: v.unit })),
            },
          ],
        },
        Service: service,
        ...(dims.tenantId ? { TenantId: dims.tenantId } : {}),
      };
      for (const [name, v] of Object.entries(values)) line[name] = v.value;
      sink(JSON.stringify(line));
    },
  };
}

/** Local adapter: sums in memory (no CloudWatch here); `totals` is what EMF would have charted. */
export function memoryMetrics(): Metrics & { totals(tenantId?: string): Record<string, number> } {
  const sums = new Map<string, Record<string, number>>();
  return {
    record(values, dims) {
      for (const scope of ['*', ...(dims.tenantId ? [dims.tenantId] : [])]) {
        const bucket = sums.get(scope) ?? {};
        for (const [name, v] of Object.entries(values)) bucket[name] = (bucket[name] ?? 0) + v.value;
        sums.set(scope, bucket);
      }
    },
    totals: (tenantId) => ({ ...sums.get(tenantId ?? '*') }),
  };
}
