import {
  BENCHMARK_WINDOWS,
  type BenchmarkWindow,
  cohortKey,
  cohortsOf,
  WINDOW_MONTHS,
} from '../../../shared/benchmarks/cohorts.ts';
import { METRICS, type MetricDefinition } from '../../../shared/metrics.ts';
import { localParts, monthsBetween, shiftMonth } from '../../../shared/time.ts';
import type { Store } from '../db/store.ts';
import { systemDb } from '../db/system-db.ts';
import { AppError, ContentionError } from '../errors.ts';
import { snapshotRepo } from '../metric-snapshots/snapshots.repo.ts';
import type { Platform } from '../platform.ts';
import { type CellItem, type ContributionItem, type ListedMember, rollupRepo } from './benchmarks.repo.ts';
import { type Contribution, rollupMetric } from './publish-rules.ts';

/** How many end months a rollup publishes: the year the dashboard shows. */
export const ROLLUP_MONTHS = 12;
/** Figures are at least one full month old: in December, October is the newest month published. */
export const PUBLISH_LAG_MONTHS = 2;
const ACTOR = { id: 'benchmark-rollup', name: 'Association benchmarks' };

export interface RollupResult {
  months: string[];
  members: number;
  cells: number;
  itemsRead: number;
}

/** The newest month an association may publish, in its own time zone. */
export function newestPublishableMonth(nowMs: number, zone: string): string {
  return shiftMonth(localParts(nowMs, zone).date.slice(0, 7), -PUBLISH_LAG_MONTHS);
}

/** The hourly job: every association rolls up the publishable months it has not rolled up yet. */
export async function rollupAllAssociations(p: Platform): Promise<Record<string, number>> {
  const counts = { associations: 0, months: 0 };
  for (const a of await rollupRepo.associations(p.store)) {
    counts.associations++;
    counts.months += (await rollupAssociation(p, a.associationId)).months.length;
  }
  return counts;
}

/**
 * Rolls up an association's members for each publishable month not yet rolled up. A month, once
 * rolled up, is frozen: a member who leaves stops counting from the next month rolled up, and the
 * months already published never change, so comparing them across a departure reveals nothing.
 */
export async function rollupAssociation(
  p: Platform,
  associationId: string,
  /** The registry by default; the bench passes a larger one. */
  metrics: readonly MetricDefinition[] = METRICS,
): Promise<RollupResult> {
  const association = await rollupRepo.association(p.store, associationId);
  const last = newestPublishableMonth(p.clock.now().getTime(), association.timeZone);
  const first = shiftMonth(last, -(ROLLUP_MONTHS - 1));
  const done = new Set((await rollupRepo.runs(p.store, associationId, first, last)).map((r) => r.month));
  const months = monthsBetween(first, last).filter((m) => !done.has(m));
  const members = await rollupRepo.members(p.store, associationId);
  if (months.length === 0) return { months, members: members.length, cells: 0, itemsRead: 0 };
  const reach = shiftMonth(months[0]!, -(WINDOW_MONTHS.t12 - 1));
  const values = new Map<string, PracticeValues>();
  let itemsRead = 0;
  for (const m of members) {
    const db = systemDb(p, m.practiceId, ACTOR);
    const snapshots = await snapshotRepo.between(db, reach, last);
    itemsRead += snapshots.length;
    values.set(m.practiceId, valuesByMetric(snapshots, metrics));
  }
  const associationName = association.name;
  const computedAt = p.clock.now().toISOString();
  const work = months.map((month) =>
    rollupMonth({ associationId, month, members, values, computedAt }, metrics),
  );
  const cells = work.flatMap((w) => w.cells);
  await p.store.putMany(cells.map(rollupRepo.cellItem));
  await writeContributions(p, { associationId, associationName, members, computedAt }, work);
  const stored: string[] = [];
  for (const w of work) {
    if (await markRun(p.store, associationId, w.run)) stored.push(w.run.month);
  }
  return { months: stored, members: members.length, cells: cells.length, itemsRead };
}

/** Per metric, per month: the value measured under the registry's current definition. */
type PracticeValues = Map<string, Map<string, number>>;

function valuesByMetric(
  snapshots: { metricId: string; month: string; version: number; value: number | null }[],
  metrics: readonly MetricDefinition[],
) {
  const byMetric: PracticeValues = new Map();
  const current = new Map(metrics.map((m) => [m.id, m.version]));
  for (const s of snapshots) {
    // A value measured under another version is another measure: never mixed into a cell.
    if (s.value === null || current.get(s.metricId) !== s.version) continue;
    const months = byMetric.get(s.metricId) ?? new Map<string, number>();
    months.set(s.month, s.value);
    byMetric.set(s.metricId, months);
  }
  return byMetric;
}

/**
 * A practice's value over a window (its months, newest first): the month's own value, or the
 * average of its monthly values when it reported at least half the window's months (2 of 3, 6 of 12).
 */
export function windowValue(months: Map<string, number> | undefined, windowMonths: readonly string[]) {
  if (!months) return undefined;
  let sum = 0;
  let found = 0;
  for (const m of windowMonths) {
    const v = months.get(m);
    if (v === undefined) continue;
    sum += v;
    found++;
  }
  if (found === 0 || found < Math.ceil(windowMonths.length / 2)) return undefined;
  return sum / found;
}

interface MonthWork {
  cells: CellItem[];
  contributions: Map<string, ContributionItem['windows']>;
  run: { month: string; members: number; contributors: Record<string, number>; computedAt: string };
}

interface MonthInput {
  associationId: string;
  month: string;
  members: readonly ListedMember[];
  values: Map<string, PracticeValues>;
  computedAt: string;
}

function rollupMonth(input: MonthInput, metrics: readonly MetricDefinition[]): MonthWork {
  const { associationId, month, members, values, computedAt } = input;
  const cells = new Map<string, CellItem>();
  const contributions = new Map<string, ContributionItem['windows']>();
  const contributors: Record<string, number> = {};
  for (const window of Object.keys(BENCHMARK_WINDOWS) as BenchmarkWindow[]) {
    const windowMonths = Array.from({ length: WINDOW_MONTHS[window] }, (_, i) => shiftMonth(month, -i));
    for (const metric of metrics) {
      const list = contributionsFor(metric, windowMonths, members, values);
      if (window === 'month') contributors[metric.id] = list.length;
      const { cells: metricCells, ranks } = rollupMetric(list, metric.additive === true);
      for (const cell of metricCells.values()) {
        const key = `${window}|${cell.cohort}`;
        const item = cells.get(key) ?? {
          associationId,
          window,
          cohort: cell.cohort,
          month,
          metrics: {},
          computedAt,
        };
        item.metrics[metric.id] = 'published' in cell ? cell.published : { suppressed: cell.suppressed };
        cells.set(key, item);
      }
      for (const c of list) {
        const own = contributions.get(c.practiceId) ?? {};
        const forWindow = own[window] ?? {};
        forWindow[metric.id] = { value: c.value, ranks: ranks.get(c.practiceId) ?? {} };
        own[window] = forWindow;
        contributions.set(c.practiceId, own);
      }
    }
  }
  return {
    cells: [...cells.values()],
    contributions,
    run: { month, members: members.length, contributors, computedAt },
  };
}

function contributionsFor(
  metric: MetricDefinition,
  windowMonths: readonly string[],
  members: readonly ListedMember[],
  values: Map<string, PracticeValues>,
): Contribution[] {
  const out: Contribution[] = [];
  for (const m of members) {
    const value = windowValue(values.get(m.practiceId)?.get(metric.id), windowMonths);
    if (value === undefined) continue;
    out.push({ practiceId: m.practiceId, profile: m, value });
  }
  return out;
}

/** Each practice's share of the run: its months in one transaction with one line in its audit log. */
async function writeContributions(
  p: Platform,
  run: {
    associationId: string;
    associationName: string;
    members: readonly ListedMember[];
    computedAt: string;
  },
  work: readonly MonthWork[],
) {
  const { associationId, associationName, computedAt } = run;
  for (const member of run.members) {
    const cohorts = cohortsOf(member).map(cohortKey);
    const items: ContributionItem[] = work.flatMap((w) => {
      const windows = w.contributions.get(member.practiceId);
      return windows
        ? [{ associationId, associationName, month: w.run.month, cohorts, windows, computedAt }]
        : [];
    });
    if (items.length === 0) continue;
    await systemDb(p, member.practiceId, ACTOR).write(
      items.map((i) => rollupRepo.contributionOp(member.practiceId, i)),
      {
        action: 'membership.benchmarks_shared',
        entityType: 'membership',
        entityId: associationId,
        summary: `Shared monthly measures for ${monthLabel(items.map((i) => i.month))} with ${associationName || 'an association'}`,
      },
    );
  }
}

function monthLabel(months: readonly string[]): string {
  return months.length === 1 ? months[0]! : `${months[0]} to ${months[months.length - 1]}`;
}

/** Freezes a month; false when another run froze it first. */
async function markRun(store: Store, associationId: string, run: MonthWork['run']): Promise<boolean> {
  try {
    await store.transact([rollupRepo.runOp(associationId, run)]);
    return true;
  } catch (err) {
    if (err instanceof ContentionError) return false;
    if (err instanceof AppError && err.code === 'conflict') return false;
    throw err;
  }
}
