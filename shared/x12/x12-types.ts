/**
 * What Rounds reads out of X12 files: the 835 remittance (005010X221A1) and the 837P professional
 * claim (005010X222A1). Money is in integer cents so sums never drift; dates are `YYYY-MM-DD`.
 */

/** A problem found while reading a file, named by the segment's 1-based position in the file. */
export interface X12Problem {
  /** 1-based position of the segment in the interchange (ISA is segment 1). */
  segment: number;
  /** The segment's id (`CLP`, `CAS`…), or '' when the file could not be split into segments. */
  segmentId: string;
  message: string;
}

/** A claim or line adjustment (CAS): group CO/PR/OA/PI/CR, a CARC reason code and an amount. */
export interface Adjustment {
  group: 'CO' | 'PR' | 'OA' | 'PI' | 'CR';
  reason: string;
  amountCents: number;
  quantity?: number;
}

/** One service line of a claim payment (SVC loop 2110). */
export interface ServiceLinePayment {
  /** Procedure code qualifier from SVC01-1 (HC = CPT/HCPCS). */
  qualifier: string;
  code: string;
  modifiers: string[];
  chargeCents: number;
  paidCents: number;
  /** AMT*B6, the payer's allowed amount, when sent. */
  allowedCents?: number;
  units?: number;
  /** DTM*472 (or 150 when a range), the date of service. */
  serviceDate?: string;
  /** REF*6R, the line item control number the claim sent. */
  lineControl?: string;
  adjustments: Adjustment[];
  /** LQ*HE remark codes (RARC). */
  remarks: string[];
}

/** One claim in a remittance (CLP loop 2100). */
export interface ClaimPayment {
  /** CLP01, the patient control number: the practice's claim id (CLM01 of the 837). */
  claimId: string;
  /**
   * CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19/20/21 processed and
   * forwarded, 22 reversal of a previous payment, 23 not our claim.
   */
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  /** CLP05, patient responsibility. */
  patientResponsibilityCents: number;
  /** CLP06, claim filing indicator (MC Medicaid, MB Medicare B, CI commercial…). */
  filingIndicator?: string;
  /** CLP07, the payer's claim control number. */
  payerClaimNumber?: string;
  patient: { lastName: string; firstName?: string; memberId?: string };
  /** NM1*82 rendering provider, when the payer sends it. */
  renderingProvider?: { npi?: string; name?: string };
  /** DTM*232/233 claim statement period, else the earliest line date. */
  serviceDateFrom?: string;
  serviceDateTo?: string;
  adjustments: Adjustment[];
  /** MOA/MIA remark codes at claim level. */
  remarks: string[];
  lines: ServiceLinePayment[];
}

/** A provider-level adjustment (PLB): not tied to a claim (interest, offsets, forward balances). */
export interface ProviderAdjustment {
  providerId: string;
  /** PLB02, the fiscal period date. */
  date: string;
  /** PLB03-1, e.g. L6 interest, WO overpayment recovery, FB forward balance. */
  reason: string;
  /** PLB03-2, the reference (often the claim it relates to). */
  reference?: string;
  /** Positive reduces the payment, as the 835 writes it. */
  amountCents: number;
}

/** One 835 transaction (ST…SE): one payment from one payer to one payee. */
export interface Remittance835 {
  /** TRN02, the check or EFT trace number: with the payer id, the remittance's identity. */
  traceNumber: string;
  /** BPR02, the total actually paid. */
  paymentCents: number;
  /** BPR01: C payment with remittance, H notification only, I information… */
  handlingCode: string;
  /** BPR04: ACH, CHK, FWT, BOP, NON. */
  paymentMethod: string;
  /** BPR16, the check or EFT date. */
  paymentDate: string;
  payer: { id: string; name: string };
  payee: { name: string; npi?: string; taxId?: string };
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
  /** 1-based position of the transaction's ST segment in the file. */
  startSegment: number;
}

/** A parsed 835 file: its transactions, or the problems that keep any of it from being imported. */
export interface Parsed835 {
  /** ISA13, the interchange control number. */
  interchangeControl: string;
  senderId: string;
  receiverId: string;
  remittances: Remittance835[];
  problems: X12Problem[];
}

/** One service line of a professional claim (837P loop 2400). */
export interface ClaimLine837 {
  lineNumber: number;
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  serviceDate: string;
  lineControl?: string;
}

/** One professional claim (837P loop 2300 with its subscriber, patient and providers). */
export interface Claim837 {
  /** CLM01, the patient control number. */
  claimId: string;
  chargeCents: number;
  /** BHT04 of the transaction: when the claim was created for submission. */
  submittedDate: string;
  /** CLM05-1, place of service. */
  placeOfService?: string;
  /** CLM05-3, claim frequency: 1 original, 7 replacement, 8 void. */
  frequency?: string;
  payer: { id: string; name: string };
  patient: { lastName: string; firstName?: string; birthDate?: string; memberId?: string };
  billingProvider: { npi?: string; name: string };
  renderingProvider?: { npi?: string; name?: string };
  /** NM1*77 service facility, when not the billing provider's address. */
  facility?: { name: string; npi?: string };
  lines: ClaimLine837[];
}

export interface Parsed837 {
  interchangeControl: string;
  claims: Claim837[];
  problems: X12Problem[];
}
