/**
 * What the billing overview's KPI tiles and a provider's production tiles have in common: how a
 * figure reads by its unit, its change from the month before, and the headline of the latest month
 * with a figure. Plain functions over any month with a `month` (YYYY-MM).
 */

import type { TrendHeadlineProps } from '../../components/charts/TrendHeadline.tsx';
import { formatMonthShort, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCents, formatCentsShort, formatCount, formatPercent } from '../../lib/number-format.ts';

export type TileUnit = 'percent' | 'days' | 'money' | 'count';

/** "38 days", "1 day", "4.5 days": averages of days read to one decimal below 10. */
export function formatDays(days: number): string {
  const shown = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${shown.toLocaleString('en-US')} ${shown === 1 ? 'day' : 'days'}`;
}

/** How a unit's values read: in full in the headline, short on the chart's axis. */
export function unitFormatters(unit: TileUnit): { full: (v: number) => string; axis: (v: number) => string } {
  if (unit === 'percent') return { full: formatPercent, axis: formatPercent };
  if (unit === 'money') return { full: (v) => formatCents(Math.round(v)), axis: formatCentsShort };
  if (unit === 'count') return { full: (v) => formatCount(v, 'claim'), axis: (v) => String(Math.round(v)) };
  return { full: formatDays, axis: (v) => String(Math.round(v)) };
}

export const DELTA_UNITS: Record<TileUnit, [string, string]> = {
  percent: ['pt', 'pts'],
  days: ['day', 'days'],
  money: ['percent', 'percent'],
  count: ['', ''],
};

/** The change between two figures, in the units the headline reads them in. */
function change(unit: TileUnit, value: number, before: number): number | undefined {
  if (unit === 'percent') return Math.round(value * 100) - Math.round(before * 100);
  if (unit === 'days' || unit === 'count') return Math.round(value) - Math.round(before);
  // Money changes read as a share of the month before: "$41,200 ↑ 8 percent"; from nothing, none.
  return before > 0 ? Math.round(((value - before) / before) * 100) : undefined;
}

export type HeadlineParts = Omit<TrendHeadlineProps, 'better' | 'unit' | 'sampleNoun'>;

/** A tile as its headline needs it. */
export interface HeadlineTile<M> {
  unit: TileUnit;
  figure: (m: M) => number | null;
  /** What a month without a figure means. */
  missing: string;
  count?: (m: M) => string | undefined;
}

/**
 * The latest month with a figure, what it is out of, and its change from the month before. The
 * current month is still running: it is said so, and a sum (money, a count) still growing is set
 * beside last month's rather than scored against it (on the 1st it would read "↓ 100 percent").
 */
export function tileHeadline<M extends { month: string }>(
  months: M[],
  tile: HeadlineTile<M>,
  thisMonth: string,
): HeadlineParts {
  const at = months.findLastIndex((m) => tile.figure(m) !== null);
  if (at < 0) return { none: tile.missing, vs: '', when: `in the last ${months.length} months` };
  const month = months[at]!;
  const value = tile.figure(month)!;
  const previous = at > 0 ? months[at - 1]! : undefined;
  const before = previous ? tile.figure(previous) : null;
  const growing = month.month === thisMonth && (tile.unit === 'money' || tile.unit === 'count');
  const full = unitFormatters(tile.unit).full;
  return {
    value: full(value),
    count: tile.count?.(month),
    delta: before === null || growing ? undefined : change(tile.unit, value, before),
    vs: previous ? `vs ${formatMonthShort(previous.month)}` : '',
    noPrevious:
      growing && previous && before !== null
        ? `so far; ${full(before)} in ${formatMonthShort(previous.month)}`
        : previous
          ? `${tile.missing.toLowerCase()} in ${formatMonthShort(previous.month)}`
          : undefined,
    when:
      month.month === thisMonth
        ? `${formatMonthYear(month.month)}, month to date`
        : at === months.length - 1
          ? formatMonthYear(month.month)
          : `${formatMonthYear(month.month)}, the latest with a figure`,
  };
}
