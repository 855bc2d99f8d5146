import { tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/** One stored value of one metric for one completed month. */
export interface MetricSnapshot {
  month: string;
  metricId: string;
  module: string;
  /** The definition's version it was measured under: a rollup never mixes two. */
  version: number;
  value: number | null;
  /** The same metric per location, when the module measures it per location. */
  byLocation?: Record<string, number | null>;
  computedAt: string;
}

/** Months hold a handful of metrics each: a year of them fits in one page. */
const PAGE = 1000;

export const snapshotRepo = {
  /** Snapshots from month `from` to month `to`, oldest first: one Query (paged only for many metrics). */
  async between(db: TenantDb, from: string, to: string): Promise<MetricSnapshot[]> {
    const out: MetricSnapshot[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<MetricSnapshot & { type?: string }>({
        partition: tenantKeys.metricSnapshotPartition(db),
        skBetween: tenantKeys.metricSnapshotMonths(from, to),
        limit: PAGE,
        cursor,
      });
      for (const item of page.items) out.push(fields(item));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  },
  /** A conditional create: a second run for the same month fails the whole transaction instead of overwriting. */
  createOp: (db: TenantDb, s: MetricSnapshot): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.metricSnapshot(db, s.month, s.metricId), type: 'metric_snapshot', ...s },
  }),
};

function fields(item: MetricSnapshot): MetricSnapshot {
  const { month, metricId, module, version, value, byLocation, computedAt } = item;
  return { month, metricId, module, version, value, ...(byLocation ? { byLocation } : {}), computedAt };
}
