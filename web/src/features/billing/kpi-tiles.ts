/**
 * The overview's KPI tiles: which field of a month each shows, how it reads, what it is out of, and
 * its headline (latest month with a figure and its change from the month before). Plain data.
 */

import { BILLING_METRICS, type BillingMetricId } from '../../../../shared/metrics.ts';
import type { KpiMonth } from '../../../../shared/schemas/billing.ts';
import type { Datum } from '../../components/charts/text-alternative.ts';
import { formatMonthShort, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCents, formatCount } from '../../lib/number-format.ts';
import { tileHeadline as headlineOf, unitFormatters } from './tile-headline.ts';

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

/** How a tile's values read: in full in the headline, short on the chart's axis. */
export const formatters = (tile: KpiTile) => unitFormatters(tile.unit);

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

/** The month a tile's headline shows: the latest with a figure, else the latest shown. */
export function headlineMonth(months: KpiMonth[], tile: KpiTile): string | undefined {
  const at = months.findLastIndex((m) => figureOf(m, tile) !== null);
  return (at < 0 ? months[months.length - 1] : months[at])?.month;
}

/** The latest month with a figure and its change from the month before (tile-headline.ts). */
export const tileHeadline = (months: KpiMonth[], tile: KpiTile, filtered: boolean, thisMonth: string) =>
  headlineOf(
    months,
    {
      unit: tile.unit,
      figure: (m) => figureOf(m, tile),
      missing: missingOf(tile, filtered),
      count: tile.count,
    },
    thisMonth,
  );

export { DELTA_UNITS, formatDays, type HeadlineParts } from './tile-headline.ts';
