/**
 * A provider's own production: the ledger's monthly totals narrowed to the NPI their login is
 * linked to (provider-login.service.ts), and that NPI's A/R by age. Bounded reads only: one GetItem
 * for the link, one Query over the months shown (an item per month and payer) and one over the A/R
 * items (an item per service month and payer), never the claims; and totals only, no patient.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's time zone: which
 * month is the current one, how old a balance is today).
 */
import { denialRate, monthTotals, paymentLag } from '../../shared/billing/kpis.ts';
import { AGING_BUCKETS } from '../../shared/schemas/billing.ts';
import {
  type MyProduction,
  type ProductionMonth,
  UNLINKED_PRODUCTION_MESSAGE,
} from '../../shared/schemas/billing-production.ts';
import { localParts, monthsBetween, shiftMonth } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { ageBalances } from './aging.service.ts';
import { readArBalances, readLedger } from './ledger.repo.ts';
import { providerLoginRepo } from './provider-login.repo.ts';

/** The caller's production over the last `count` months (the current one last), or why there is none. */
export async function myProduction(db: TenantDb, count: number): Promise<MyProduction> {
  const link = await providerLoginRepo.byUser(db, db.actor.userId);
  if (!link) return { linked: false, message: UNLINKED_PRODUCTION_MESSAGE, months: [] };
  const tenant = await getTenant(db);
  const today = localParts(db.now().getTime(), tenant.timeZone).date;
  const months = monthsBetween(shiftMonth(today.slice(0, 7), -(count - 1)), today.slice(0, 7));
  // Month totals are per month, unlike A/R at a month end: the months shown are all that is read.
  const [ledger, balances] = await Promise.all([
    readLedger(db, months[0]!, months[months.length - 1]!),
    readArBalances(db),
  ]);
  const filter = { provider: link.npi };
  // The A/R items keep each balance per NPI by day of service: the aging page's buckets, theirs alone.
  const { total } = ageBalances(
    balances.filter((b) => b.provider === link.npi),
    today,
    'provider',
    new Map(),
  );
  return {
    linked: true,
    npi: link.npi,
    providerName: link.providerName,
    months: months.map((month): ProductionMonth => {
      const t = monthTotals(ledger, month, filter);
      return {
        month,
        chargesCents: t.chargesCents,
        paymentsCents: t.paymentsCents + t.patientPaymentsCents,
        submittedClaims: t.submittedClaims,
        firstAdjudicated: t.firstAdjudicated,
        deniedFirst: t.deniedFirst,
        denialRate: denialRate(t),
        paidClaims: t.paidClaims,
        paymentLagDays: paymentLag(t),
      };
    }),
    ar: {
      asOf: today,
      totalCents: total.totalCents,
      buckets: [...AGING_BUCKETS],
      bucketCents: total.buckets,
    },
  };
}
