/**
 * Benchmark figures in words: each metric unit as people read it, a practice's rank phrased by the
 * metric's direction, and the module groups. Pure, so the page, the charts and the CSV agree.
 */
import type { BenchmarkWindow } from '../../../../shared/benchmarks/cohorts.ts';
import { BENCHMARK_WINDOWS } from '../../../../shared/benchmarks/cohorts.ts';
import type { MetricUnit } from '../../../../shared/metrics.ts';
import { MODULE_IDS, MODULES, type ModuleId } from '../../../../shared/modules.ts';
import type { Figures } from '../../../../shared/schemas/benchmarks.ts';
import { formatMonthShort, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCents, formatCentsShort } from '../../lib/number-format.ts';

export type Published = Extract<Figures, { n: number }>;
export type Suppressed = Extract<Figures, { suppressed: string }>;
export const isPublished = (f: Figures | null | undefined): f is Published => !!f && 'n' in f;
export const isSuppressed = (f: Figures | null | undefined): f is Suppressed => !!f && 'suppressed' in f;

const oneDecimal = (v: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A value in its unit: percent values are fractions (0..1) shown to one decimal, because medians of
 * rates a few points apart would all round to the same whole percent.
 */
export function formatValue(unit: MetricUnit, v: number): string {
  switch (unit) {
    case 'percent':
      return `${oneDecimal(v * 100)}%`;
    case 'dollars':
      return formatCents(Math.round(v * 100));
    case 'days':
      return `${oneDecimal(v)} days`;
    case 'minutes':
      return `${oneDecimal(v)} min`;
    default:
      // Counts: percentiles interpolate, so a median of visits can fall between two whole numbers.
      return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  }
}

/** A value on a chart axis: short, whole where the unit allows. */
export function formatAxis(unit: MetricUnit, v: number): string {
  switch (unit) {
    case 'percent':
      return `${Math.round(v * 1000) / 10}%`;
    case 'dollars':
      return formatCentsShort(Math.round(v * 100));
    case 'days':
    case 'minutes':
      return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
    default:
      return v.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  }
}

/** The unit's name in a CSV header. */
export const UNIT_NAMES: Record<MetricUnit, string> = {
  percent: 'percent (fraction 0-1)',
  dollars: 'US dollars',
  days: 'days',
  minutes: 'minutes',
  count: 'count',
};

/** "Lower is better". */
export const betterText = (better: 'higher' | 'lower') =>
  better === 'lower' ? 'Lower is better' : 'Higher is better';

/** The share of a cohort a practice does better than: its rank, or 100 − rank when lower is better. */
export function betterThan(rank: number, better: 'higher' | 'lower'): number {
  return Math.round(better === 'lower' ? 100 - rank : rank);
}

/** "member practices", "Family medicine practices", "Family medicine · South Atlantic practices". */
export function cohortPractices(cohort: { key: string; label: string }): string {
  return cohort.key === 'any.any.any' ? 'member practices' : `${cohort.label} practices`;
}

/** "Better than 72% of Family medicine practices". */
export function rankSentence(
  rank: number,
  better: 'higher' | 'lower',
  cohort: { key: string; label: string },
): string {
  return `Better than ${betterThan(rank, better)}% of ${cohortPractices(cohort)}`;
}

/** "October 2026" for the month window, "3 months to October 2026" for a trailing one. */
export function windowPhrase(window: BenchmarkWindow, month: string): string {
  if (window === 'month') return formatMonthYear(month);
  return `${BENCHMARK_WINDOWS[window]} to ${formatMonthYear(month)}`;
}

export const monthLabel = formatMonthShort;
export const monthName = formatMonthYear;

/** The modules that declare metrics, in the app's module order, with their labels. */
export function groupByModule<T extends { module: string }>(metrics: readonly T[]) {
  const known = MODULE_IDS as readonly string[];
  const order = [...new Set(metrics.map((m) => m.module))].sort(
    (a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99),
  );
  return order.map((module) => ({
    module,
    label: MODULES[module as ModuleId]?.label ?? module,
    metrics: metrics.filter((m) => m.module === module),
  }));
}
