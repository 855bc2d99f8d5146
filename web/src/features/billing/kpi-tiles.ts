/**
 * The overview's KPI tiles: which field of a month each shows, how it reads, what it is out of, and
 * its headline (latest month with a figure and its change from the month before). Plain data.
 */

import { BILLING_METRICS, type BillingMetricId } from '../../../../shared/metrics.ts';
import type { KpiMonth } from '../../../../shared/schemas/billing.ts';
import type { TrendHeadlineProps } from '../../components/charts/TrendHeadline.tsx';
import type { Datum } from '../../components/charts/text-alternative.ts';
import { formatMonthShort, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCents, formatCentsShort, formatCount, formatPercent } from '../../lib/number-format.ts';

type NumericKey =
  | 'daysInAr'
  | 'arOver90'
  | 'netCollectionRate'
  | 'denialRate'
  | 'firstPassRate'
  | 'billingLagDays'
  | 'paymentLagDays'
  | 'chargesCents'
  | 'paymentsCents';

export interface KpiTile {
  id: BillingMetricId;
  key: NumericKey;
  unit: 'percent' | 'days' | 'money';
  /** What a month without a figure means. */
  missing: string;
  /** Said instead of `missing` when the dashboard is filtered and the measure is practice-wide only. */
  practiceWide?: boolean;
  /** The value axis reaches at least this high, so small values do not look dramatic. */
  minTop?: number;
  /** What the value is out of, in words ("9 of 75 claims"). */
  count?: (m: KpiMonth) => string | undefined;
}

const ofClaims = (part: number, whole: number) =>
  `${part.toLocaleString('en-US')} of ${formatCount(whole, 'claim')}`;

export const KPI_TILES: KpiTile[] = [
  {
    id: 'billing.days_in_ar',
    key: 'daysInAr',
    unit: 'days',
    missing: 'No charges in the 3 months',
    minTop: 30,
    count: (m) => `${formatCents(m.arCents)} owed at month end`,
  },
  {
    id: 'billing.ar_over_90',
    key: 'arOver90',
    unit: 'percent',
    missing: 'Nothing owed',
    practiceWide: true,
    minTop: 0.5,
  },
  {
    id: 'billing.net_collection_rate',
    key: 'netCollectionRate',
    unit: 'percent',
    missing: 'No charges',
    minTop: 1,
    count: (m) => `${formatCents(m.paymentsCents)} collected`,
  },
  {
    id: 'billing.denial_rate',
    key: 'denialRate',
    unit: 'percent',
    missing: 'No claims decided',
    minTop: 0.2,
    count: (m) => ofClaims(m.deniedFirst, m.firstAdjudicated),
  },
  {
    id: 'billing.first_pass_rate',
    key: 'firstPassRate',
    unit: 'percent',
    missing: 'No claims decided',
    minTop: 1,
    // The rate is first-pass paid ÷ first decided, so the count comes back whole from it.
    count: (m) =>
      m.firstPassRate === null
        ? undefined
        : ofClaims(Math.round(m.firstPassRate * m.firstAdjudicated), m.firstAdjudicated),
  },
  { id: 'billing.billing_lag', key: 'billingLagDays', unit: 'days', missing: 'No claims sent', minTop: 10 },
  { id: 'billing.payment_lag', key: 'paymentLagDays', unit: 'days', missing: 'No claims paid', minTop: 30 },
  {
    id: 'billing.charges',
    key: 'chargesCents',
    unit: 'money',
    missing: 'No charges',
    count: (m) => (m.claims > 0 ? `from ${formatCount(m.claims, 'claim')}` : undefined),
  },
  { id: 'billing.payments', key: 'paymentsCents', unit: 'money', missing: 'No payments' },
];

export const metricOf = (id: BillingMetricId) => BILLING_METRICS.find((m) => m.id === id)!;

/** "38 days", "1 day", "4.5 days": averages of days read to one decimal below 10. */
export function formatDays(days: number): string {
  const shown = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${shown.toLocaleString('en-US')} ${shown === 1 ? 'day' : 'days'}`;
}

/** How a tile's values read: in full in the headline, short on the chart's axis. */
export function formatters(tile: KpiTile): { full: (v: number) => string; axis: (v: number) => string } {
  if (tile.unit === 'percent') return { full: formatPercent, axis: formatPercent };
  if (tile.unit === 'money') return { full: (v) => formatCents(Math.round(v)), axis: formatCentsShort };
  return { full: formatDays, axis: (v) => String(Math.round(v)) };
}

const figureOf = (m: KpiMonth, tile: KpiTile): number | null => m[tile.key];

export function missingOf(tile: KpiTile, filtered: boolean): string {
  return tile.practiceWide && filtered ? 'Practice-wide only' : tile.missing;
}

export const monthDatum = (m: KpiMonth, tile: KpiTile, filtered: boolean): Datum => ({
  label: formatMonthShort(m.month),
  name: formatMonthYear(m.month),
  value: figureOf(m, tile),
  missing: missingOf(tile, filtered),
  count: figureOf(m, tile) === null ? undefined : tile.count?.(m),
});

/** The change between two figures, in the units the headline reads them in. */
function change(tile: KpiTile, value: number, before: number): number | undefined {
  if (tile.unit === 'percent') return Math.round(value * 100) - Math.round(before * 100);
  if (tile.unit === 'days') return Math.round(value) - Math.round(before);
  // Money changes read as a share of the month before: "$41,200 ↑ 8 percent".
  return before > 0 ? Math.round(((value - before) / before) * 100) : undefined;
}

export const DELTA_UNITS: Record<KpiTile['unit'], [string, string]> = {
  percent: ['pt', 'pts'],
  days: ['day', 'days'],
  money: ['percent', 'percent'],
};

export type HeadlineParts = Omit<TrendHeadlineProps, 'better' | 'unit' | 'sampleNoun'>;

/**
 * The latest month with a figure, what it is out of, and its change from the month before. The
 * current month is still running: it is said so, since its figures grow until the month ends.
 */
export function tileHeadline(
  months: KpiMonth[],
  tile: KpiTile,
  filtered: boolean,
  thisMonth: string,
): HeadlineParts {
  const at = months.findLastIndex((m) => figureOf(m, tile) !== null);
  if (at < 0) return { none: missingOf(tile, filtered), vs: '', when: `in the last ${months.length} months` };
  const month = months[at]!;
  const value = figureOf(month, tile)!;
  const previous = at > 0 ? months[at - 1]! : undefined;
  const before = previous ? figureOf(previous, tile) : null;
  const latest = at === months.length - 1;
  return {
    value: formatters(tile).full(value),
    count: tile.count?.(month),
    delta: before === null ? undefined : change(tile, value, before),
    vs: previous ? `vs ${formatMonthShort(previous.month)}` : '',
    noPrevious: previous
      ? `${missingOf(tile, filtered).toLowerCase()} in ${formatMonthShort(previous.month)}`
      : undefined,
    when:
      month.month === thisMonth
        ? `${formatMonthYear(month.month)}, month to date`
        : latest
          ? formatMonthYear(month.month)
          : `${formatMonthYear(month.month)}, the latest with a figure`,
  };
}
