import { BILLING_METRICS, type BillingMetricId } from '../../shared/metrics.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { MetricModule, MetricValue } from '../platform/metric-snapshots/metric-snapshots.ts';
import { kpiMonth } from './dashboard.service.ts';
import { readLedger } from './ledger.repo.ts';

/**
 * Billing's entry in the metric registry: each completed month's KPIs, from the same ledger and
 * the same functions as the dashboard, stored monthly for trends and association benchmarks.
 */

const dollars = (cents: number) => Math.round(cents) / 100;

/** A completed month's billing KPIs, per location where the ledger knows the location; 'before-start' with no billing yet. */
async function computeBillingMonth(
  db: TenantDb,
  month: string,
): Promise<Record<BillingMetricId, MetricValue> | 'before-start'> {
  const ledger = await readLedger(db, '2000-01', month);
  if (!ledger.length) return 'before-start';
  const k = kpiMonth(ledger, month, {});
  const locations = new Set(
    ledger.flatMap((m) => m.cells.map((c) => c.dims.location)).filter((l) => l !== '-'),
  );
  const perLocation = (pick: (l: string) => number | null) =>
    locations.size ? { byLocation: Object.fromEntries([...locations].map((l) => [l, pick(l)])) } : {};
  const at = (l: string) => kpiMonth(ledger, month, { location: l });
  return {
    'billing.days_in_ar': { value: k.daysInAr, ...perLocation((l) => at(l).daysInAr) },
    'billing.ar_over_90': { value: k.arOver90 },
    'billing.ar_over_120': { value: k.arOver120 },
    'billing.net_collection_rate': {
      value: k.netCollectionRate,
      ...perLocation((l) => at(l).netCollectionRate),
    },
    'billing.gross_collection_rate': {
      value: k.grossCollectionRate,
      ...perLocation((l) => at(l).grossCollectionRate),
    },
    'billing.denial_rate': { value: k.denialRate, ...perLocation((l) => at(l).denialRate) },
    'billing.denial_rate_dollars': { value: k.denialRateDollars },
    'billing.first_pass_rate': { value: k.firstPassRate },
    'billing.billing_lag': { value: k.billingLagDays },
    'billing.payment_lag': { value: k.paymentLagDays },
    'billing.charges': { value: dollars(k.chargesCents), ...perLocation((l) => dollars(at(l).chargesCents)) },
    'billing.payments': {
      value: dollars(k.paymentsCents),
      ...perLocation((l) => dollars(at(l).paymentsCents)),
    },
  };
}

export const billingMetrics: MetricModule = {
  module: 'billing',
  metrics: BILLING_METRICS,
  computeMonth: computeBillingMonth,
};
