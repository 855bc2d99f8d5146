/**
 * Billing KPIs over the ledger's monthly totals (ledger.ts): pure functions, so the snapshot job, the
 * billing pages and the benchmarks compute every number the same way. The ledger may come in any
 * order and a month missing from it counts as all zero. Money stays in integer cents here; rates are
 * fractions (0.25 = 25%) or null when their denominator is zero, never NaN or Infinity.
 */

import { daysInMonth, shiftMonth } from '../time.ts';
import {
  type CellDims,
  emptyTotals,
  type LedgerMonth,
  MONTH_TOTAL_FIELDS,
  type MonthTotals,
} from './ledger.ts';

export type Ledger = readonly LedgerMonth[];

/** Which cells to count: unset dimensions match every cell. */
export type LedgerFilter = Partial<CellDims>;

/** A cell counts when every dimension the filter sets is equal. */
export function matchesFilter(dims: CellDims, filter: LedgerFilter): boolean {
  return (
    (filter.payer === undefined || dims.payer === filter.payer) &&
    (filter.provider === undefined || dims.provider === filter.provider) &&
    (filter.location === undefined || dims.location === filter.location)
  );
}

/** True when the filter narrows to part of the practice (practice-wide-only figures are then unknown). */
export function isFiltered(filter: LedgerFilter): boolean {
  return filter.payer !== undefined || filter.provider !== undefined || filter.location !== undefined;
}

/** Adds `t` into `sum`, field by field. */
export function addTotals(sum: MonthTotals, t: MonthTotals): MonthTotals {
  for (const f of MONTH_TOTAL_FIELDS) sum[f] += t[f];
  return sum;
}

/** The `count` months ending with `month`, oldest first: trailingMonths('2026-06', 3) → 2026-04, 2026-05, 2026-06. */
export function trailingMonths(month: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(shiftMonth(month, -i));
  return out;
}

/** Totals of one month: Σ of its cells matching the filter; all zero when the month is not in the ledger. */
export function monthTotals(ledger: Ledger, month: string, filter: LedgerFilter = {}): MonthTotals {
  return spanTotals(ledger, [month], filter);
}

/** Totals of a span of months (e.g. trailingMonths(M, 12)): Σ over those months of the matching cells. */
export function spanTotals(
  ledger: Ledger,
  months: readonly string[],
  filter: LedgerFilter = {},
): MonthTotals {
  const wanted = new Set(months);
  const sum = emptyTotals();
  for (const m of ledger) {
    if (!wanted.has(m.month)) continue;
    for (const c of m.cells) if (matchesFilter(c.dims, filter)) addTotals(sum, c.totals);
  }
  return sum;
}

/** One row of a breakdown: a payer, provider or location and its totals. */
export interface BreakdownRow {
  key: string;
  totals: MonthTotals;
}

/** Totals per payer, provider or location over the months given ([M] for one month), most charges first. */
export function breakdown(
  ledger: Ledger,
  months: readonly string[],
  by: keyof CellDims,
  filter: LedgerFilter = {},
): BreakdownRow[] {
  const wanted = new Set(months);
  const rows = new Map<string, MonthTotals>();
  for (const m of ledger) {
    if (!wanted.has(m.month)) continue;
    for (const c of m.cells) {
      if (!matchesFilter(c.dims, filter)) continue;
      const key = c.dims[by];
      rows.set(key, addTotals(rows.get(key) ?? emptyTotals(), c.totals));
    }
  }
  // Ties by key, so the order is stable from one render to the next.
  return [...rows.entries()]
    .map(([key, totals]) => ({ key, totals }))
    .sort(
      (a, b) => b.totals.chargesCents - a.totals.chargesCents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

/** Money collected: payments + patient payments (both by month posted). */
export function collectedCents(t: MonthTotals): number {
  return t.paymentsCents + t.patientPaymentsCents;
}

/** Money taken off A/R: payments + patient payments + contractual + other adjustments + write-offs. */
export function arReductionsCents(t: MonthTotals): number {
  return collectedCents(t) + t.contractualCents + t.otherAdjustmentsCents + t.writeOffsCents;
}

/** Cents to dollars with 2 decimals, as `dollars` metrics are stored. */
export function centsToDollars(cents: number): number {
  return Math.round(cents) / 100;
}

/** num ÷ den, or null when the denominator is not positive (no NaN, no Infinity, no sign flip). */
export function ratio(num: number, den: number): number | null {
  return den > 0 && Number.isFinite(num) && Number.isFinite(den) ? num / den : null;
}

/**
 * Adjusted (net) collection rate (MGMA): (payments + patient payments) ÷ (charges − contractual
 * adjustments); null when that denominator ≤ 0. Pass one month's totals or a span's. Payments are by
 * month posted and charges by month of service, so one month can read above 1 (old claims paid) or
 * below 0 (a reversal); a trailing span smooths both.
 */
export function netCollectionRate(t: MonthTotals): number | null {
  return ratio(collectedCents(t), t.chargesCents - t.contractualCents);
}

/** Gross collection rate: (payments + patient payments) ÷ charges; null when charges ≤ 0. */
export function grossCollectionRate(t: MonthTotals): number | null {
  return ratio(collectedCents(t), t.chargesCents);
}

/** Initial denial rate by count (HFMA): deniedFirst ÷ firstAdjudicated; null when nothing was adjudicated. */
export function denialRate(t: MonthTotals): number | null {
  return ratio(t.deniedFirst, t.firstAdjudicated);
}

/** Initial denial rate by dollars (HFMA): deniedFirstChargesCents ÷ firstAdjudicatedChargesCents. */
export function denialRateDollars(t: MonthTotals): number | null {
  return ratio(t.deniedFirstChargesCents, t.firstAdjudicatedChargesCents);
}

/** First-pass resolution rate: firstPassPaid ÷ firstAdjudicated; null when nothing was adjudicated. */
export function firstPassRate(t: MonthTotals): number | null {
  return ratio(t.firstPassPaid, t.firstAdjudicated);
}

/** Mean billing lag in days (service to submission): billingLagDays ÷ submittedClaims. */
export function billingLag(t: MonthTotals): number | null {
  return ratio(t.billingLagDays, t.submittedClaims);
}

/** Mean payment lag in days (submission to first payment): paymentLagDays ÷ paidClaims. */
export function paymentLag(t: MonthTotals): number | null {
  return ratio(t.paymentLagDays, t.paidClaims);
}

/**
 * A/R at the end of `month`: Σ charges of service months ≤ month − Σ arReductionsCents posted in
 * months ≤ month. Pass the ledger from its first month: a window that starts later drops the charges
 * (and the payments) before it, so A/R would be off by whatever was still owed then.
 */
export function arEndCents(ledger: Ledger, month: string, filter: LedgerFilter = {}): number {
  // Patient responsibility only moves a balance from the payer to the patient: A/R keeps it.
  let ar = 0;
  for (const m of ledger) {
    if (m.month > month) continue;
    for (const c of m.cells) {
      if (matchesFilter(c.dims, filter)) ar += c.totals.chargesCents - arReductionsCents(c.totals);
    }
  }
  return ar;
}

/**
 * Days in A/R (MGMA, HFMA): arEndCents(M) ÷ average daily gross charges of M-2..M, that is
 * A/R × (calendar days of M-2..M) ÷ (charges of M-2..M); null when those charges ≤ 0.
 */
export function daysInAr(
  ledger: Ledger,
  month: string,
  filter: LedgerFilter = {},
  /** Today (YYYY-MM-DD) while `month` is still running: its charges so far are over its days so far. */
  asOf?: string,
): number | null {
  const span = trailingMonths(month, 3);
  const charges = spanTotals(ledger, span, filter).chargesCents;
  if (!(charges > 0)) return null;
  const daysOf = (m: string) => (asOf?.startsWith(`${m}-`) ? Number(asOf.slice(8, 10)) : daysInMonth(m));
  const days = span.reduce((n, m) => n + daysOf(m), 0);
  return (arEndCents(ledger, month, filter) * days) / charges;
}

/**
 * What was still owed at the end of `month` per month of service S ≤ month, practice-wide:
 * charges(S) − Σ over months posted ≤ month of reducedByServiceMonth[S]. A month of service whose
 * charges predate the ledger shows only its reductions (a negative balance).
 */
export function balancesByServiceMonth(ledger: Ledger, month: string): Map<string, number> {
  const balances = new Map<string, number>();
  const add = (s: string, cents: number) => balances.set(s, (balances.get(s) ?? 0) + cents);
  for (const m of ledger) {
    if (m.month > month) continue;
    for (const c of m.cells) add(m.month, c.totals.chargesCents);
    for (const [s, cents] of Object.entries(m.reducedByServiceMonth)) if (s <= month) add(s, -cents);
  }
  return balances;
}

/** The share of A/R over 90 and over 120 days; null with the reason when it cannot be told. */
export interface ArAging {
  over90: number | null;
  over120: number | null;
  /** `filtered`: aging history is kept practice-wide only; `no-balance`: nothing was owed. */
  unavailable?: 'filtered' | 'no-balance';
}

/**
 * A/R over 90 and over 120 days at the end of M (MGMA, HFMA), practice-wide only: Σ balances of
 * service months ≤ M−3 (over 90) or ≤ M−4 (over 120) ÷ Σ balances of service months ≤ M, balances as
 * in balancesByServiceMonth. An approximation: claims are aged from the date of service (not of
 * billing) by whole months, so a claim can be older than its bucket says (on 2026-06-30 one of
 * 2026-03-01 is 121 days old but counts as over 90 only); a month of service with a credit balance
 * (overpaid) is left out of both sums, as aging reports list credits apart. With a dimension filter
 * both shares are null: the ledger keeps reductions by month of service for the practice only.
 */
export function arAging(ledger: Ledger, month: string, filter: LedgerFilter = {}): ArAging {
  if (isFiltered(filter)) return { over90: null, over120: null, unavailable: 'filtered' };
  const cut90 = shiftMonth(month, -3);
  const cut120 = shiftMonth(month, -4);
  let total = 0;
  let over90 = 0;
  let over120 = 0;
  for (const [s, balance] of balancesByServiceMonth(ledger, month)) {
    if (balance <= 0) continue;
    total += balance;
    if (s <= cut90) over90 += balance;
    if (s <= cut120) over120 += balance;
  }
  if (total <= 0) return { over90: null, over120: null, unavailable: 'no-balance' };
  return { over90: over90 / total, over120: over120 / total };
}
