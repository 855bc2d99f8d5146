/**
 * The KPI dashboard: every figure from the ledger's monthly totals (one Query over the months on
 * the books, a few hundred items at most), never from the claims themselves.
 * Cross-domain read: `getTenant` (tenants/settings.service.ts), for the practice's current month.
 */
import {
  arAging,
  arEndCents,
  billingLag,
  breakdown,
  daysInAr,
  denialRate,
  denialRateDollars,
  firstPassRate,
  grossCollectionRate,
  type Ledger,
  type LedgerFilter,
  monthTotals,
  netCollectionRate,
  paymentLag,
} from '../../shared/billing/kpis.ts';
import type { Dashboard, KpiMonth } from '../../shared/schemas/billing.ts';
import { localParts, monthsBetween, shiftMonth } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { locationNames } from './aging.service.ts';
import { readLedger } from './ledger.repo.ts';
import { billingDirectory } from './remittance.repo.ts';

const FIRST_MONTH = '2000-01';

export interface DashboardQuery {
  month?: string;
  months?: string;
  payer?: string;
  provider?: string;
  location?: string;
}

/** One month's KPIs under a filter; `asOf` (today) when the month is still running. */
export function kpiMonth(ledger: Ledger, month: string, filter: LedgerFilter, asOf?: string): KpiMonth {
  const t = monthTotals(ledger, month, filter);
  const aged = arAging(ledger, month, filter);
  return {
    month,
    chargesCents: t.chargesCents,
    paymentsCents: t.paymentsCents + t.patientPaymentsCents,
    arCents: arEndCents(ledger, month, filter),
    daysInAr: daysInAr(ledger, month, filter, asOf),
    arOver90: aged.over90,
    arOver120: aged.over120,
    netCollectionRate: netCollectionRate(t),
    grossCollectionRate: grossCollectionRate(t),
    denialRate: denialRate(t),
    denialRateDollars: denialRateDollars(t),
    firstPassRate: firstPassRate(t),
    billingLagDays: billingLag(t),
    paymentLagDays: paymentLag(t),
    claims: t.claims,
    deniedFirst: t.deniedFirst,
    firstAdjudicated: t.firstAdjudicated,
  };
}

export async function dashboard(db: TenantDb, q: DashboardQuery): Promise<Dashboard> {
  const tenant = await getTenant(db);
  const today = localParts(db.now().getTime(), tenant.timeZone).date;
  const month = q.month ?? today.slice(0, 7);
  const count = Number(q.months ?? 12);
  const months = monthsBetween(shiftMonth(month, -(count - 1)), month);
  const filter: LedgerFilter = {
    ...(q.payer ? { payer: q.payer } : {}),
    ...(q.provider ? { provider: q.provider } : {}),
    ...(q.location ? { location: q.location } : {}),
  };
  // A/R at a month end sums every month before it, so the ledger is read from its start.
  const [ledger, directory, locations] = await Promise.all([
    readLedger(db, FIRST_MONTH, month),
    billingDirectory(db),
    locationNames(db),
  ]);
  const labels = {
    payer: new Map(directory.payers.map((p) => [p.id, p.name])),
    provider: new Map(directory.providers.map((p) => [p.npi, p.name])),
    location: new Map(locations.map((l) => [l.id, l.name])),
  };
  const rows = (by: 'payer' | 'provider' | 'location') =>
    breakdown(ledger, months, by, filter).map((r) => ({
      key: r.key,
      label: r.key === '-' ? 'Not known' : (labels[by].get(r.key) ?? r.key),
      chargesCents: r.totals.chargesCents,
      paymentsCents: r.totals.paymentsCents + r.totals.patientPaymentsCents,
      denialRate: denialRate(r.totals),
      netCollectionRate: netCollectionRate(r.totals),
      claims: r.totals.claims,
      firstAdjudicated: r.totals.firstAdjudicated,
      deniedFirst: r.totals.deniedFirst,
    }));
  return {
    months: months.map((m) => kpiMonth(ledger, m, filter, today)),
    byPayer: rows('payer'),
    byProvider: rows('provider'),
    byLocation: rows('location'),
    payers: directory.payers,
    providers: directory.providers,
  };
}
