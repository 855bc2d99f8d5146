/**
 * The tiles of a provider's own production: which figure of a month each shows, how it reads, what
 * it is out of, and its headline (latest month with a figure and its change from the month before).
 * Plain data, like the overview's kpi-tiles.ts, over the smaller month a provider gets.
 */

import { BILLING_METRICS, type BillingMetricId, type MetricDefinition } from '../../../../shared/metrics.ts';
import type { ProductionMonth } from '../../../../shared/schemas/billing-production.ts';
import type { Datum } from '../../components/charts/text-alternative.ts';
import { formatMonthShort, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCount } from '../../lib/number-format.ts';
import { tileHeadline as headlineOf, type TileUnit, unitFormatters } from './tile-headline.ts';

type Key = 'chargesCents' | 'paymentsCents' | 'submittedClaims' | 'denialRate' | 'paymentLagDays';
type Unit = TileUnit;

export interface ProductionTile {
  key: Key;
  /** The registry's metric, whose label and definition the tile uses; none for a plain count. */
  metric?: BillingMetricId;
  label: string;
  unit: Unit;
  better: 'up' | 'down';
  /** What a month without a figure means. */
  missing: string;
  /** Columns for amounts and counts of a month, a line for rates and averages. */
  chart: 'columns' | 'line';
  minTop?: number;
  /** What the value is out of, in words ("1 of 2 claims"). */
  count?: (m: ProductionMonth) => string | undefined;
}

const metric = (id: BillingMetricId): MetricDefinition => BILLING_METRICS.find((m) => m.id === id)!;
const fromMetric = (id: BillingMetricId) => ({
  metric: id,
  label: metric(id).label,
  better: metric(id).better === 'higher' ? ('up' as const) : ('down' as const),
});

export const PRODUCTION_TILES: ProductionTile[] = [
  {
    key: 'chargesCents',
    ...fromMetric('billing.charges'),
    unit: 'money',
    missing: 'No charges',
    chart: 'columns',
  },
  {
    key: 'paymentsCents',
    ...fromMetric('billing.payments'),
    unit: 'money',
    missing: 'No payments',
    chart: 'columns',
  },
  {
    key: 'submittedClaims',
    label: 'Claims submitted',
    better: 'up',
    unit: 'count',
    missing: 'No claims sent',
    chart: 'columns',
  },
  {
    key: 'denialRate',
    ...fromMetric('billing.denial_rate'),
    unit: 'percent',
    missing: 'No claims decided',
    chart: 'line',
    minTop: 0.2,
    count: (m) => `${m.deniedFirst.toLocaleString('en-US')} of ${formatCount(m.firstAdjudicated, 'claim')}`,
  },
  {
    key: 'paymentLagDays',
    ...fromMetric('billing.payment_lag'),
    unit: 'days',
    missing: 'No claims paid',
    chart: 'line',
    minTop: 30,
    count: (m) => `over ${formatCount(m.paidClaims, 'claim')}`,
  },
];

/** The registry's definitions of the figures shown, in the tiles' order. */
export const PRODUCTION_METRICS: MetricDefinition[] = PRODUCTION_TILES.flatMap((t) =>
  t.metric ? [metric(t.metric)] : [],
);

/** How a tile's values read: in full in the headline, short on the chart's axis. */
export const formatters = (tile: ProductionTile) => unitFormatters(tile.unit);

const figureOf = (m: ProductionMonth, tile: ProductionTile): number | null => m[tile.key];

export const monthDatum = (m: ProductionMonth, tile: ProductionTile): Datum => ({
  label: formatMonthShort(m.month),
  name: formatMonthYear(m.month),
  value: figureOf(m, tile),
  missing: tile.missing,
  count: figureOf(m, tile) === null ? undefined : tile.count?.(m),
});

/** The latest month with a figure and its change from the month before (tile-headline.ts). */
export const tileHeadline = (months: ProductionMonth[], tile: ProductionTile, thisMonth: string) =>
  headlineOf(
    months,
    { unit: tile.unit, figure: (m) => figureOf(m, tile), missing: tile.missing, count: tile.count },
    thisMonth,
  );

export { DELTA_UNITS, type HeadlineParts } from './tile-headline.ts';
