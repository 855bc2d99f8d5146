/** Units CloudWatch understands for the figures Rounds records. */
export type MetricUnit = 'Count' | 'Milliseconds';

export interface MetricValue {
  value: number;
  unit: MetricUnit;
  /**
   * Also chart it per tenant. Each tenant × metric is a billed custom metric in CloudWatch
   * (about $0.30 a month), so only the figures support needs per practice are marked.
   */
  perTenant?: boolean;
}

/**
 * The metrics port. Every figure is recorded per service; those marked `perTenant` also per
 * tenant when one is known, so one noisy practice shows up on its own line.
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
      const entries = Object.entries(values);
      const directive = (dimensions: string[][], names: [string, MetricValue][]) => ({
        Namespace: METRICS_NAMESPACE,
        Dimensions: dimensions,
        Metrics: names.map(([name, v]) => ({ Name: name, Unit: v.unit })),
      });
      const perTenant = dims.tenantId ? entries.filter(([, v]) => v.perTenant) : [];
      const line: Record<string, unknown> = {
        _aws: {
          Timestamp: nowMs(),
          CloudWatchMetrics: [
            directive([['Service']], entries),
            ...(perTenant.length ? [directive([['Service', 'TenantId']], perTenant)] : []),
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
