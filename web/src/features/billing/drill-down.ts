/**
 * Which claims stand behind a figure: each KPI tile's and each aging cell's link into the claims
 * list, and the list's date filter in words. Plain functions, so the links can be tested alone.
 *
 * The claims list shows one state at a time (open, or one of denied, closed…) by date of service;
 * it cannot list every claim of a month at once, nor claims by the month a payer decided or paid
 * them. So a tile whose figure counts by those dates links to the nearest list it has, and its link
 * says in words which claims that is ("Open claims of September 2026 services"), never more.
 */

import type { BillingMetricId } from '../../../../shared/metrics.ts';
import { ClaimListQuerySchema } from '../../../../shared/schemas/billing.ts';
import { addDays, daysInMonth, shiftMonth } from '../../../../shared/time.ts';
import { formatMonthDay, formatMonthYear } from '../../lib/calendar-format.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { type ClaimsLinkFilters, claimsHref, IMPORT_HREF } from './links.ts';

/** The overview's filters a drill-down carries along (payer id, provider NPI, location id). */
export interface DrillFilters {
  payer?: string;
  provider?: string;
  location?: string;
}

/** The first and last day of a YYYY-MM month. */
export const monthRange = (month: string) => ({
  serviceFrom: `${month}-01`,
  serviceTo: `${month}-${String(daysInMonth(month)).padStart(2, '0')}`,
});

export interface DrillLink {
  href: string;
  label: string;
}

const link = (label: string, f: ClaimsLinkFilters): DrillLink => ({ href: claimsHref(f), label });

/**
 * The claims behind a tile's figure for `month` (the month its headline shows):
 * - days in A/R: what is owed is the open claims (today's, not the month end's);
 * - A/R over 90 days: open claims of services three calendar months before and earlier, the
 *   metric's own cut (at the end of June: March and earlier);
 * - charges, net collection and billing lag count the month's services (billing lag by month sent):
 *   the open claims of the month's services, the rest sit on the other tabs with the same dates;
 * - payment lag counts claims first paid in the month: the closed claims of the month's services;
 * - denial and first-pass rates count claims first decided in the month, which the list cannot
 *   filter by: the claims still denied.
 * - payments are posted from remittances: the imported remittances, newest payment first (that
 *   list has no payer filter, which its label says when the overview is filtered).
 */
export function tileDrillDown(
  id: BillingMetricId,
  month: string,
  filters: DrillFilters = {},
): DrillLink | undefined {
  const dims = { payer: filters.payer, provider: filters.provider, location: filters.location };
  const services = `${formatMonthYear(month)} services`;
  switch (id) {
    case 'billing.days_in_ar':
      return link('See the open claims (what is owed today)', { ...dims, state: 'open' });
    case 'billing.ar_over_90': {
      const cut = shiftMonth(month, -3);
      return link(`See the open claims from ${formatMonthYear(cut)} and earlier`, {
        ...dims,
        state: 'open',
        serviceTo: monthRange(cut).serviceTo,
      });
    }
    case 'billing.charges':
    case 'billing.net_collection_rate':
    case 'billing.billing_lag':
      return link(`See the open claims of ${services}`, { ...dims, state: 'open', ...monthRange(month) });
    case 'billing.payment_lag':
      return link(`See the closed claims of ${services}`, { ...dims, state: 'closed', ...monthRange(month) });
    case 'billing.denial_rate':
    case 'billing.first_pass_rate':
      return link('See the claims still denied', { ...dims, state: 'denied' });
    case 'billing.payments':
      return {
        href: `${IMPORT_HREF}#billing-imported`,
        label:
          dims.payer || dims.provider || dims.location
            ? 'See every imported remittance'
            : 'See the remittances',
      };
    default:
      return undefined;
  }
}

/** Bucket floors in days since the date of service, as the aging report counts them (0–30 … 120+). */
const FLOORS = [0, 31, 61, 91, 121] as const;

/** The dates of service of aging bucket `i` on `asOf`: 0–30 days is asOf−30 … asOf, 120+ is up to asOf−121. */
export function bucketRange(asOf: string, i: number): { serviceFrom?: string; serviceTo: string } {
  const floor = FLOORS[i] ?? 0;
  const next = FLOORS[i + 1];
  return {
    ...(next === undefined ? {} : { serviceFrom: addDays(asOf, -(next - 1)) }),
    serviceTo: addDays(asOf, -floor),
  };
}

/** The date filter in words: "Service Sep 1 – Sep 30, 2026", "Service up to Jun 30, 2026". */
export function serviceRangeText(from?: string, to?: string): string | undefined {
  if (from && to) {
    if (from === to) return `Service on ${formatCalendarDate(from)}`;
    const start = from.slice(0, 4) === to.slice(0, 4) ? formatMonthDay(from) : formatCalendarDate(from);
    return `Service ${start} – ${formatCalendarDate(to)}`;
  }
  if (from) return `Service from ${formatCalendarDate(from)} on`;
  if (to) return `Service up to ${formatCalendarDate(to)}`;
  return undefined;
}

/**
 * The dates of service in the address, checked as the API checks them: a date that is not one, or a
 * range the wrong way round, is left out (and said so) rather than sent to fail the whole list.
 */
export function serviceDatesOf(
  from: string | undefined,
  to: string | undefined,
): { serviceFrom?: string; serviceTo?: string; dropped: boolean } {
  const wanted = { ...(from ? { serviceFrom: from } : {}), ...(to ? { serviceTo: to } : {}) };
  const parsed = ClaimListQuerySchema.safeParse(wanted);
  return parsed.success ? { ...wanted, dropped: false } : { dropped: true };
}
