import type { MetricDefinition } from '../../../shared/metrics.ts';
import { localParts, shiftMonth } from '../../../shared/time.ts';
import { systemDb } from '../db/system-db.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { AppError, ContentionError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { forPracticesAtLocalHour } from '../today/zone-listing.ts';
import { type MetricSnapshot, snapshotRepo } from './snapshots.repo.ts';

/** A metric's value for one month: the practice's, and per location when it has one per location. */
export interface MetricValue {
  value: number | null;
  byLocation?: Record<string, number | null>;
}

/**
 * A module's registration: the metrics it declared in shared/metrics.ts and how it computes a
 * completed month. `computeMonth` answers 'before-start' for a month before the practice used the
 * module and with nothing in it: that month and every older one are not stored (a zero there would
 * skew benchmarks), while imported history before sign-up still counts.
 */
export interface MetricModule {
  module: string;
  metrics: readonly MetricDefinition[];
  computeMonth(db: TenantDb, month: string): Promise<Record<string, MetricValue> | 'before-start'>;
}

/** How far back a practice's first run reaches: a year is what the reports and benchmarks show. */
export const SNAPSHOT_MONTHS_BACK = 12;
/** From 02:00 local, after the day's other jobs; three hours let a later run catch a failed one. */
const FROM_HOUR = 2;
const CATCH_UP_HOURS = 3;
const ACTOR = { id: 'metric-snapshots', name: 'Monthly metrics' };

/** The hourly job: for practices where it is 02:00–04:59, stores every completed month not stored yet. */
export async function snapshotCompletedMonths(
  p: Platform,
  modules: readonly MetricModule[],
): Promise<Record<string, number>> {
  const now = p.clock.now().getTime();
  const counts = { practices: 0, stored: 0 };
  counts.practices = await forPracticesAtLocalHour(
    p.store,
    now,
    { fromHour: FROM_HOUR, hours: CATCH_UP_HOURS },
    async (tenantId, zone) => {
      counts.stored += await snapshotPractice(systemDb(p, tenantId, ACTOR), zone, modules);
    },
  );
  return counts;
}

/**
 * One practice: each module's completed months, newest first, up to a year back, skipping those
 * stored. Returns how many months were stored. Also run by the demo seed.
 */
export async function snapshotPractice(
  db: TenantDb,
  zone: string,
  modules: readonly MetricModule[],
): Promise<number> {
  const thisMonth = localParts(db.now().getTime(), zone).date.slice(0, 7);
  const last = shiftMonth(thisMonth, -1);
  const first = shiftMonth(thisMonth, -SNAPSHOT_MONTHS_BACK);
  const stored = await snapshotRepo.between(db, first, last);
  let count = 0;
  for (const mod of modules) {
    const done = new Set(stored.filter((s) => s.module === mod.module).map((s) => s.month));
    for (let month = last; month >= first; month = shiftMonth(month, -1)) {
      if (done.has(month)) continue;
      const values = await mod.computeMonth(db, month);
      if (values === 'before-start') break;
      if (await storeMonth(db, mod, month, values)) count++;
    }
  }
  return count;
}

/** Writes a module's month in one transaction of conditional creates; false when a run got there first. */
async function storeMonth(
  db: TenantDb,
  mod: MetricModule,
  month: string,
  values: Record<string, MetricValue>,
): Promise<boolean> {
  const declared = new Map(mod.metrics.map((m) => [m.id, m]));
  for (const id of Object.keys(values)) {
    // An undeclared id would be a number with no definition behind it: a bug, not data.
    if (!declared.has(id)) throw new Error(`${mod.module} computed an undeclared metric: ${id}`);
  }
  const computedAt = db.now().toISOString();
  const snapshots: MetricSnapshot[] = mod.metrics.map((m) => ({
    month,
    metricId: m.id,
    module: mod.module,
    version: m.version,
    value: values[m.id]?.value ?? null,
    ...(values[m.id]?.byLocation ? { byLocation: values[m.id]!.byLocation } : {}),
    computedAt,
  }));
  try {
    await db.write(
      snapshots.map((s) => snapshotRepo.createOp(db, s)),
      {
        action: 'metrics.month_snapshotted',
        entityType: 'metric_snapshot',
        entityId: `${mod.module}#${month}`,
        summary: `Stored ${mod.module} metrics for ${month}`,
      },
    );
    return true;
  } catch (err) {
    // Already stored, or an overlapping run is storing it right now: either way not ours to write.
    // Should that other run fail, the next hourly run in the window stores the month.
    if (err instanceof ContentionError) return false;
    if (err instanceof AppError && err.code === 'conflict') return false;
    throw err;
  }
}

/** Stored snapshots of one module's metrics from month `from` to `to`, grouped by month, newest first. */
export async function readSnapshots(
  db: TenantDb,
  q: { module: string; from: string; to: string },
): Promise<{ month: string; values: Map<string, MetricSnapshot> }[]> {
  const byMonth = new Map<string, Map<string, MetricSnapshot>>();
  for (const s of await snapshotRepo.between(db, q.from, q.to)) {
    if (s.module !== q.module) continue;
    const month = byMonth.get(s.month) ?? new Map<string, MetricSnapshot>();
    month.set(s.metricId, s);
    byMonth.set(s.month, month);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([month, values]) => ({ month, values }));
}
