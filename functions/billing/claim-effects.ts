import type { MonthTotalField } from '../../shared/billing/ledger.ts';
import type { ClaimEvent, ClaimState } from '../../shared/schemas/billing.ts';
import { daysBetween } from '../../shared/time.ts';
import type { Claim837 } from '../../shared/x12/x12-types.ts';

/**
 * What one claim event (a submission, a remittance's CLP loop) does to the claim and to the
 * ledger's monthly totals. Pure: the import service reads the claims, applies these, and writes
 * the claims and the summed deltas in one transaction, so totals and claims never disagree.
 */

export interface StoredLine {
  code: string;
  modifiers: string[];
  units: number;
  serviceDate?: string;
  chargeCents: number;
  paidCents: number;
  allowedCents?: number;
  lineControl?: string;
  /** What the payer's fee schedule says this line should be allowed (when it prices the code). */
  expectedCents?: number;
  /** How much less than expected the payer allowed. */
  underpaidCents?: number;
}

export interface StoredClaim {
  id: string;
  patient: { lastName: string; firstName?: string; birthDate?: string; memberId?: string };
  payer: { id: string; name: string };
  provider?: { npi: string; name?: string };
  locationId?: string;
  serviceDate: string;
  submittedDate?: string;
  chargeCents: number;
  lines: StoredLine[];
  paidCents: number;
  contractualCents: number;
  otherAdjustmentsCents: number;
  patientResponsibilityCents: number;
  patientPaidCents: number;
  writeOffCents: number;
  /** Adjustments of a denial: not posted (the claim stays owed until appealed or written off). */
  deniedHoldCents: number;
  /** Σ of the lines' shortfalls against the payer's fee schedule (absent on claims never priced). */
  underpaidCents?: number;
  firstAdjudicatedDate?: string;
  firstPaidDate?: string;
  lastAdjudication?: { date: string; statusCode: string; denied: boolean; reasons: string[] };
  appealed?: boolean;
  /** The appeal deadline of an open denial, while its alerts are planned. */
  appealDue?: string;
  assignee?: { id: string; name: string };
  followUpDate?: string;
  events: ClaimEvent[];
  remittances: number;
  lastActivityAt: string;
  createdAt: string;
  version: number;
}

/** One change to the ledger, before it is summed into item updates. */
export type LedgerDelta =
  | {
      kind: 'month';
      month: string;
      payer: string;
      provider: string;
      location: string;
      field: MonthTotalField;
      cents: number;
    }
  | { kind: 'reduced'; month: string; payer: string; serviceMonth: string; cents: number }
  | {
      kind: 'ar';
      serviceDate: string;
      payer: string;
      provider: string;
      location: string;
      owner: 'insurance' | 'patient';
      cents: number;
    };

/** The most events one claim keeps (a claim worked for years stays one small item). */
const MAX_EVENTS = 100;
const CLAIM_STATUS_TEXT: Record<string, string> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied',
  '19': 'Processed as primary, forwarded to another payer',
  '20': 'Processed as secondary, forwarded to another payer',
  '21': 'Processed as tertiary, forwarded to another payer',
  '22': 'Reversal of a previous payment',
  '23': 'Not our claim, forwarded',
  '25': 'Predetermination pricing only, no payment',
};

/** CLP02 in words. */
export const claimStatusText = (code: string) => CLAIM_STATUS_TEXT[code] ?? `Claim status ${code}`;

export const insuranceBalance = (c: StoredClaim) =>
  c.chargeCents -
  c.paidCents -
  c.contractualCents -
  c.otherAdjustmentsCents -
  c.patientResponsibilityCents -
  c.writeOffCents;
export const patientBalance = (c: StoredClaim) => c.patientResponsibilityCents - c.patientPaidCents;

/** Where the claim stands: a denial stays open until paid on appeal or written off. */
export function claimState(c: StoredClaim): ClaimState {
  const owedByPayer = insuranceBalance(c) > 0;
  if (c.lastAdjudication?.denied && owedByPayer) return c.appealed ? 'appealed' : 'denied';
  if (!c.lastAdjudication) return owedByPayer ? 'submitted' : 'closed';
  if (owedByPayer) return 'partial';
  return patientBalance(c) > 0 ? 'patient' : 'closed';
}

export const monthOf = (date: string) => date.slice(0, 7);
export const dayCount = (from: string, to: string) => Math.max(0, daysBetween(from, to));
const dims = (c: StoredClaim) => ({
  payer: c.payer.id,
  provider: c.provider?.npi ?? '-',
  location: c.locationId ?? '-',
});

export function monthDelta(
  c: StoredClaim,
  month: string,
  field: MonthTotalField,
  cents: number,
): LedgerDelta {
  return { kind: 'month', month, ...dims(c), field, cents };
}
export function arDelta(c: StoredClaim, owner: 'insurance' | 'patient', cents: number): LedgerDelta {
  return { kind: 'ar', serviceDate: c.serviceDate, ...dims(c), owner, cents };
}

export function pushEvent(c: StoredClaim, e: ClaimEvent): void {
  c.events = [...c.events, e].slice(-MAX_EVENTS);
  if (e.at > c.lastActivityAt) c.lastActivityAt = e.at;
}

/** A new claim's charges: counted once, in its month of service, and owed by the payer. */
export function chargeDeltas(c: StoredClaim): LedgerDelta[] {
  return [
    monthDelta(c, monthOf(c.serviceDate), 'chargesCents', c.chargeCents),
    monthDelta(c, monthOf(c.serviceDate), 'claims', 1),
    arDelta(c, 'insurance', c.chargeCents),
  ];
}

export function newClaim(
  base: Omit<
    StoredClaim,
    | 'paidCents'
    | 'contractualCents'
    | 'otherAdjustmentsCents'
    | 'patientResponsibilityCents'
    | 'patientPaidCents'
    | 'writeOffCents'
    | 'deniedHoldCents'
    | 'events'
    | 'remittances'
    | 'version'
    | 'lastActivityAt'
  >,
): StoredClaim {
  return {
    ...base,
    paidCents: 0,
    contractualCents: 0,
    otherAdjustmentsCents: 0,
    patientResponsibilityCents: 0,
    patientPaidCents: 0,
    writeOffCents: 0,
    deniedHoldCents: 0,
    events: [
      { at: base.serviceDate, kind: 'service', summary: 'Date of service', amountCents: base.chargeCents },
    ],
    remittances: 0,
    lastActivityAt: base.serviceDate,
    version: 0,
  };
}

/** A submitted claim (837P, CSV or entered): new, or the submission date of one first seen on a remittance. */
export function applySubmission(
  before: StoredClaim | undefined,
  sub: Claim837 & { locationId?: string },
  nowIso: string,
): { claim: StoredClaim; deltas: LedgerDelta[] } {
  const deltas: LedgerDelta[] = [];
  const serviceDate = sub.lines.map((l) => l.serviceDate).sort()[0] ?? sub.submittedDate;
  const provider = sub.renderingProvider?.npi ?? sub.billingProvider.npi;
  const claim: StoredClaim = before
    ? structuredClone(before)
    : newClaim({
        id: sub.claimId,
        patient: sub.patient,
        payer: sub.payer,
        ...(provider
          ? { provider: { npi: provider, name: sub.renderingProvider?.name ?? sub.billingProvider.name } }
          : {}),
        ...(sub.locationId ? { locationId: sub.locationId } : {}),
        serviceDate,
        chargeCents: sub.chargeCents,
        lines: sub.lines.map((l) => ({
          code: l.code,
          modifiers: l.modifiers,
          units: l.units,
          serviceDate: l.serviceDate,
          chargeCents: l.chargeCents,
          paidCents: 0,
          ...(l.lineControl ? { lineControl: l.lineControl } : {}),
        })),
        createdAt: nowIso,
      });
  if (!before) deltas.push(...chargeDeltas(claim));
  if (!claim.submittedDate) {
    claim.submittedDate = sub.submittedDate;
    if (sub.patient.birthDate && !claim.patient.birthDate) claim.patient.birthDate = sub.patient.birthDate;
    const month = monthOf(sub.submittedDate);
    deltas.push(monthDelta(claim, month, 'submittedClaims', 1));
    deltas.push(monthDelta(claim, month, 'billingLagDays', dayCount(claim.serviceDate, sub.submittedDate)));
    pushEvent(claim, {
      at: sub.submittedDate,
      kind: 'submitted',
      summary: `Submitted to ${claim.payer.name}`,
      amountCents: claim.chargeCents,
    });
  }
  return { claim, deltas };
}
