import {
  type BenchmarkWindow,
  type Cohort,
  cohortKey,
  cohortLabel,
  PRIVACY_RULES,
  parseCohortKey,
  SUPPRESSION_REASONS,
} from '../../shared/benchmarks/cohorts.ts';
import { PERCENTILE_DEFINITION } from '../../shared/benchmarks/stats.ts';
import { METRICS, type MetricDefinition } from '../../shared/metrics.ts';
import type {
  Compare,
  CompareMetric,
  Dashboard,
  DashboardQuery,
  Figures,
} from '../../shared/schemas/benchmarks.ts';
import { shiftMonth } from '../../shared/time.ts';
import {
  benchmarkReads,
  type CellFigures,
  type CellItem,
  type ContributionItem,
  memberReads,
} from '../platform/benchmarks/benchmarks.repo.ts';
import { type RollupResult, rollupAssociation } from '../platform/benchmarks/rollup.ts';
import type { Store } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';

const ALL_MONTHS: [string, string] = ['0000-01', '9999-12'];
const TREND_MONTHS = 12;
const ALL_MEMBERS = cohortKey({});

/** The association's dashboard for one cohort and window: two Queries, both in its own aggregates. */
export async function dashboard(db: TenantDb, q: DashboardQuery): Promise<Dashboard> {
  const window = q.window ?? 'month';
  const cohort: Cohort = { specialty: q.specialty, region: q.region, size: q.size };
  const key = cohortKey(cohort);
  const runs = await benchmarkReads.runs(db, ...ALL_MONTHS);
  const months = runs.map((r) => r.month).sort((a, b) => (a < b ? 1 : -1));
  if (q.month && !months.includes(q.month)) {
    throw badRequest(`There are no benchmarks for ${q.month} yet. Choose one of the months listed.`);
  }
  const month = q.month ?? months[0] ?? null;
  const base = {
    window,
    month,
    months,
    cohort: { key, label: cohortLabel(parseCohortKey(key)!) },
    percentileDefinition: PERCENTILE_DEFINITION,
    privacy: [...PRIVACY_RULES],
  };
  if (!month) return { ...base, cohortHasMembers: false, members: 0, metrics: [] };
  const run = runs.find((r) => r.month === month)!;
  const cells = await benchmarkReads.cells(db, window, key, shiftMonth(month, -(TREND_MONTHS - 1)), month);
  const current = cells.find((c) => c.month === month);
  return {
    ...base,
    cohortHasMembers: current !== undefined,
    members: run.members,
    metrics: METRICS.map((m) => ({
      ...metricInfo(m),
      figures: current?.metrics[m.id] ? figures(current.metrics[m.id]!) : null,
      participation: { contributors: run.contributors[m.id] ?? 0, members: run.members },
      trend: trendOf(cells, m.id),
    })),
  };
}

/** Runs the rollup now for this association (the admin's "Roll up now"). */
export async function rollupNow(p: Platform, db: TenantDb): Promise<RollupResult> {
  return rollupAssociation(p, db.tenantId);
}

/**
 * A member practice's "How we compare": its own values and ranks (its partition) beside its
 * cohorts' published figures (the association's, read once membership is checked).
 */
export async function compare(
  store: Store,
  db: TenantDb,
  q: { associationId: string; window?: BenchmarkWindow },
): Promise<Compare> {
  const window = q.window ?? 'month';
  if (!(await memberReads.isMember(db, q.associationId))) throw notFound('Membership');
  const contributions = await benchmarkReads.contributions(db, q.associationId, ...ALL_MONTHS);
  const latest = contributions[contributions.length - 1];
  const base = {
    associationId: q.associationId,
    associationName: latest?.associationName ?? '',
    window,
    percentileDefinition: PERCENTILE_DEFINITION,
  };
  if (!latest) return { ...base, month: null, metrics: [], contributed: [] };
  const from = shiftMonth(latest.month, -(TREND_MONTHS - 1));
  const cellsByCohort = new Map<string, CellItem[]>();
  for (const key of latest.cohorts) {
    cellsByCohort.set(key, await memberReads.cells(store, q.associationId, window, key, from, latest.month));
  }
  const recent = contributions.filter((c) => c.month >= from);
  return {
    ...base,
    month: latest.month,
    metrics: METRICS.map((m) => compareMetric(m, latest, window, cellsByCohort, recent)),
    contributed: contributions
      .map((c) => ({ month: c.month, values: ownValues(c, 'month') }))
      .sort((a, b) => (a.month < b.month ? 1 : -1)),
  };
}

function compareMetric(
  m: MetricDefinition,
  latest: ContributionItem,
  window: BenchmarkWindow,
  cellsByCohort: Map<string, CellItem[]>,
  recent: readonly ContributionItem[],
): CompareMetric {
  const own = latest.windows[window]?.[m.id];
  const allMembers = cellsByCohort.get(ALL_MEMBERS) ?? [];
  return {
    ...metricInfo(m),
    value: own?.value ?? null,
    cohorts: latest.cohorts.map((key) => {
      const cell = cellsByCohort.get(key)?.find((c) => c.month === latest.month)?.metrics[m.id];
      return {
        key,
        label: cohortLabel(parseCohortKey(key)!),
        figures: cell ? figures(cell) : null,
        rank: own?.ranks[key] ?? null,
      };
    }),
    trend: recent.map((c) => {
      const median = allMembers.find((cell) => cell.month === c.month)?.metrics[m.id];
      return {
        month: c.month,
        value: c.windows[window]?.[m.id]?.value ?? null,
        median: median && 'p50' in median ? median.p50 : null,
      };
    }),
  };
}

function ownValues(c: ContributionItem, window: BenchmarkWindow): Record<string, number> {
  return Object.fromEntries(Object.entries(c.windows[window] ?? {}).map(([id, v]) => [id, v.value]));
}

function trendOf(cells: readonly CellItem[], metricId: string) {
  return [...cells]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .flatMap((c) =>
      c.metrics[metricId] ? [{ month: c.month, figures: figures(c.metrics[metricId]!) }] : [],
    );
}

function figures(f: CellFigures): Figures {
  if ('suppressed' in f) return { suppressed: f.suppressed, message: SUPPRESSION_REASONS[f.suppressed] };
  const { n, p10, p25, p50, p75, p90 } = f;
  return { n, p10, p25, p50, p75, p90 };
}

function metricInfo(m: MetricDefinition) {
  return {
    id: m.id,
    label: m.label,
    unit: m.unit,
    module: m.module,
    better: m.better,
    definition: m.definition,
    source: m.source,
    version: m.version,
    additive: m.additive === true,
  };
}
