/**
 * The billing ledger's monthly totals: what every billing KPI, chart and benchmark reads instead
 * of the claims themselves. The import keeps them current (atomic counters, one item per month),
 * so a dashboard reads a bounded number of items however many claims a practice has. All money
 * is integer cents; day counts are whole days.
 */

/** The dimensions every total is kept by. `-` stands for "not known" (a claim with no location). */
export interface CellDims {
  /** The payer's id as the billing system names it (N1*PR of the 835, NM1*PR of the 837); `SELF` for self-pay. */
  payer: string;
  /** The rendering provider's NPI, or `-`. */
  provider: string;
  /** The Rounds location id, or `-`. */
  location: string;
}

/**
 * One month's totals for one payer × provider × location. Each field says by which date a claim
 * or a payment falls into the month: service, submission, or posting (the remittance's payment date).
 */
export interface MonthTotals {
  /** By month of service: gross charges of claims with a service date in the month. */
  chargesCents: number;
  /** By month of service: claims with a service date in the month. */
  claims: number;
  /** By month of submission: claims submitted in the month, with a known service date. */
  submittedClaims: number;
  /** By month of submission: sum over those claims of days from service to submission. */
  billingLagDays: number;
  /** By month posted: what payers paid (CLP04), net of reversals. */
  paymentsCents: number;
  /** By month posted: what patients paid (entered or imported). */
  patientPaymentsCents: number;
  /** By month posted: contractual adjustments (CAS group CO), net of reversals. */
  contractualCents: number;
  /** By month posted: other payer adjustments (OA, PI, CR) that reduce what is owed. */
  otherAdjustmentsCents: number;
  /** By month posted: patient responsibility moved from the payer to the patient (CAS group PR). */
  patientResponsibilityCents: number;
  /** By month posted: balances written off by the practice (bad debt, small balances). */
  writeOffsCents: number;
  /** By month posted: claims adjudicated for the first time (their first remittance). */
  firstAdjudicated: number;
  /** By month posted: billed charges of those claims. */
  firstAdjudicatedChargesCents: number;
  /** By month posted: claims denied on first adjudication (CLP02 = 4, or nothing paid and nothing owed by the patient). */
  deniedFirst: number;
  /** By month posted: billed charges of claims denied on first adjudication. */
  deniedFirstChargesCents: number;
  /** By month posted: claims paid on first adjudication with no denial (nothing to rework). */
  firstPassPaid: number;
  /** By month posted: claims whose first payment came in the month. */
  paidClaims: number;
  /** By month posted: sum over those claims of days from submission to first payment. */
  paymentLagDays: number;
  /** By month posted: service lines the payer's fee schedule prices (paid as primary, not denied). */
  pricedLines: number;
  /** By month posted: what the contract says those lines should be allowed (fee × units). */
  expectedCents: number;
  /** By month posted: what the payer allowed for those lines (AMT*B6, else paid + patient share). */
  allowedCents: number;
  /** By month posted: Σ max(0, expected − allowed) over those lines. */
  underpaidCents: number;
  /** By month posted: priced lines allowed less than expected. */
  underpaidLines: number;
}

export const MONTH_TOTAL_FIELDS = [
  'chargesCents',
  'claims',
  'submittedClaims',
  'billingLagDays',
  'paymentsCents',
  'patientPaymentsCents',
  'contractualCents',
  'otherAdjustmentsCents',
  'patientResponsibilityCents',
  'writeOffsCents',
  'firstAdjudicated',
  'firstAdjudicatedChargesCents',
  'deniedFirst',
  'deniedFirstChargesCents',
  'firstPassPaid',
  'paidClaims',
  'paymentLagDays',
  'pricedLines',
  'expectedCents',
  'allowedCents',
  'underpaidCents',
  'underpaidLines',
] as const satisfies readonly (keyof MonthTotals)[];

export type MonthTotalField = (typeof MONTH_TOTAL_FIELDS)[number];

/** One month of the ledger: its cells, and what was taken off A/R by the service month it belonged to. */
export interface LedgerMonth {
  /** `YYYY-MM`. */
  month: string;
  cells: { dims: CellDims; totals: MonthTotals }[];
  /**
   * Practice-wide, by month posted: money that left A/R in this month (payer and patient payments,
   * CO/OA/PI/CR adjustments, write-offs), keyed by the month of service of the claim it was for.
   * It lets A/R at any past month end be aged by month of service.
   */
  reducedByServiceMonth: Record<string, number>;
}

/** All-zero totals, to add into. */
export function emptyTotals(): MonthTotals {
  const t = {} as MonthTotals;
  for (const f of MONTH_TOTAL_FIELDS) t[f] = 0;
  return t;
}
