/**
 * A small practice's ledger, December 2025 to June 2026, built claim by claim so every KPI in
 * kpis.test.ts can be checked by hand. Amounts in cents. Cells are keyed payer/provider/location.
 *
 * Claims (payer, provider, location, month of service, charge):
 *   D1 AETNA    P1 L2 2025-12  40000 denied first in Jan, still open (appealed) at the end of June
 *   J1 AETNA    P1 L1 2026-01 100000 Feb: paid 70000, contractual 20000, patient owes 10000;
 *                                    the patient pays 5000 in Mar and 5000 in May (paid across months)
 *   J2 MEDICARE P2 L2 2026-01  50000 denied first in Feb; Mar: paid 40000 on appeal, contractual 10000
 *   F1 AETNA    P2 L1 2026-02  30000 Mar: paid 25000, contractual 5000; May: both reversed (−25000,
 *                                    −5000); Jun: paid 20000, the practice writes off 10000
 *   M1 MEDICARE P1 L2 2026-05  80000 Jun: paid 48000, contractual 16000, other adj. 1000, patient owes 15000
 *   S1 SELF     P1 L1 2026-06  20000 open
 * April 2026 has no activity and is missing from the ledger; March has no charges.
 *
 * A/R at each month end (charges to date − payments, patient payments, adjustments, write-offs to date):
 *   Dec 40000 | Jan 190000 | Feb 130000 | Mar 45000 | Apr 45000 | May 150000 | Jun 75000
 */

import {
  type CellDims,
  emptyTotals,
  type LedgerMonth,
  type MonthTotals,
} from '../../shared/billing/ledger.ts';

export const P1 = '1111111111';
export const P2 = '2222222222';

function cell(key: string, totals: Partial<MonthTotals>): LedgerMonth['cells'][number] {
  const [payer, provider, location] = key.split('/') as [string, string, string];
  const dims: CellDims = { payer, provider: provider === 'P1' ? P1 : P2, location };
  return { dims, totals: { ...emptyTotals(), ...totals } };
}

export const DEC: LedgerMonth = {
  month: '2025-12',
  cells: [cell('AETNA/P1/L2', { chargesCents: 40000, claims: 1, submittedClaims: 1, billingLagDays: 5 })],
  reducedByServiceMonth: {},
};

export const JAN: LedgerMonth = {
  month: '2026-01',
  cells: [
    cell('AETNA/P1/L1', { chargesCents: 100000, claims: 1, submittedClaims: 1, billingLagDays: 2 }),
    cell('MEDICARE/P2/L2', { chargesCents: 50000, claims: 1, submittedClaims: 1, billingLagDays: 4 }),
    // D1's first answer: a denial.
    cell('AETNA/P1/L2', {
      firstAdjudicated: 1,
      firstAdjudicatedChargesCents: 40000,
      deniedFirst: 1,
      deniedFirstChargesCents: 40000,
    }),
  ],
  reducedByServiceMonth: {},
};

export const FEB: LedgerMonth = {
  month: '2026-02',
  cells: [
    cell('AETNA/P1/L1', {
      paymentsCents: 70000,
      contractualCents: 20000,
      patientResponsibilityCents: 10000,
      firstAdjudicated: 1,
      firstAdjudicatedChargesCents: 100000,
      firstPassPaid: 1,
      paidClaims: 1,
      paymentLagDays: 20,
    }),
    cell('MEDICARE/P2/L2', {
      firstAdjudicated: 1,
      firstAdjudicatedChargesCents: 50000,
      deniedFirst: 1,
      deniedFirstChargesCents: 50000,
    }),
    cell('AETNA/P2/L1', { chargesCents: 30000, claims: 1, submittedClaims: 1, billingLagDays: 3 }),
  ],
  // J1: 70000 + 20000 (the patient's 10000 is still owed).
  reducedByServiceMonth: { '2026-01': 90000 },
};

export const MAR: LedgerMonth = {
  month: '2026-03',
  cells: [
    cell('AETNA/P1/L1', { patientPaymentsCents: 5000 }),
    cell('MEDICARE/P2/L2', {
      paymentsCents: 40000,
      contractualCents: 10000,
      paidClaims: 1,
      paymentLagDays: 55,
    }),
    cell('AETNA/P2/L1', {
      paymentsCents: 25000,
      contractualCents: 5000,
      firstAdjudicated: 1,
      firstAdjudicatedChargesCents: 30000,
      firstPassPaid: 1,
      paidClaims: 1,
      paymentLagDays: 25,
    }),
  ],
  // 2026-01: J1 5000 + J2 50000; 2026-02: F1 30000.
  reducedByServiceMonth: { '2026-01': 55000, '2026-02': 30000 },
};

export const MAY: LedgerMonth = {
  month: '2026-05',
  cells: [
    cell('AETNA/P2/L1', { paymentsCents: -25000, contractualCents: -5000 }),
    cell('AETNA/P1/L1', { patientPaymentsCents: 5000 }),
    cell('MEDICARE/P1/L2', { chargesCents: 80000, claims: 1, submittedClaims: 1, billingLagDays: 10 }),
  ],
  // The reversal puts F1's 30000 back on A/R.
  reducedByServiceMonth: { '2026-01': 5000, '2026-02': -30000 },
};

export const JUN: LedgerMonth = {
  month: '2026-06',
  cells: [
    cell('AETNA/P2/L1', { paymentsCents: 20000, writeOffsCents: 10000 }),
    cell('MEDICARE/P1/L2', {
      paymentsCents: 48000,
      contractualCents: 16000,
      otherAdjustmentsCents: 1000,
      patientResponsibilityCents: 15000,
      firstAdjudicated: 1,
      firstAdjudicatedChargesCents: 80000,
      firstPassPaid: 1,
      paidClaims: 1,
      paymentLagDays: 20,
    }),
    cell('SELF/P1/L1', { chargesCents: 20000, claims: 1, submittedClaims: 1, billingLagDays: 0 }),
  ],
  // 2026-02: F1 20000 + 10000; 2026-05: M1 48000 + 16000 + 1000.
  reducedByServiceMonth: { '2026-02': 30000, '2026-05': 65000 },
};

/** Out of order on purpose, April missing: the functions must not rely on either. */
export const LEDGER: readonly LedgerMonth[] = [JUN, DEC, MAR, JAN, MAY, FEB];
