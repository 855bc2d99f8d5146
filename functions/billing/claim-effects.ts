import type { MonthTotalField } from '../../shared/billing/ledger.ts';
import type { ClaimEvent, ClaimState } from '../../shared/schemas/billing.ts';
import type { Adjustment, Claim837, ClaimPayment, ServiceLinePayment } from '../../shared/x12/x12-types.ts';

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
  firstAdjudicatedDate?: string;
  firstPaidDate?: string;
  lastAdjudication?: { date: string; statusCode: string; denied: boolean; reasons: string[] };
  appealed?: boolean;
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

const monthOf = (date: string) => date.slice(0, 7);
const dayCount = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
const dims = (c: StoredClaim) => ({
  payer: c.payer.id,
  provider: c.provider?.npi ?? '-',
  location: c.locationId ?? '-',
});

function monthDelta(c: StoredClaim, month: string, field: MonthTotalField, cents: number): LedgerDelta {
  return { kind: 'month', month, ...dims(c), field, cents };
}
function arDelta(c: StoredClaim, owner: 'insurance' | 'patient', cents: number): LedgerDelta {
  return { kind: 'ar', serviceDate: c.serviceDate, ...dims(c), owner, cents };
}

function pushEvent(c: StoredClaim, e: ClaimEvent): void {
  c.events = [...c.events, e].slice(-MAX_EVENTS);
  if (e.at > c.lastActivityAt) c.lastActivityAt = e.at;
}

/** A new claim's charges: counted once, in its month of service, and owed by the payer. */
function chargeDeltas(c: StoredClaim): LedgerDelta[] {
  return [
    monthDelta(c, monthOf(c.serviceDate), 'chargesCents', c.chargeCents),
    monthDelta(c, monthOf(c.serviceDate), 'claims', 1),
    arDelta(c, 'insurance', c.chargeCents),
  ];
}

function newClaim(
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

export interface RemittanceContext {
  traceNumber: string;
  paymentDate: string;
  payer: { id: string; name: string };
}

const sumGroup = (adjs: readonly Adjustment[], groups: readonly Adjustment['group'][]) =>
  adjs.filter((a) => groups.includes(a.group)).reduce((s, a) => s + a.amountCents, 0);

/** Every adjustment of a CLP loop: the claim's own and its lines'. */
export const allAdjustments = (p: ClaimPayment): Adjustment[] => [
  ...p.adjustments,
  ...p.lines.flatMap((l) => l.adjustments),
];

/** Denied: CLP02 = 4, or nothing paid and nothing left to the patient on a claim with charges. */
export const isDenial = (p: ClaimPayment) =>
  p.statusCode === '4' ||
  (p.statusCode !== '22' && p.paidCents === 0 && p.patientResponsibilityCents === 0 && p.chargeCents > 0);

function lineFromPayment(l: ServiceLinePayment): StoredLine {
  return {
    code: l.code,
    modifiers: l.modifiers,
    units: l.units ?? 1,
    ...(l.serviceDate ? { serviceDate: l.serviceDate } : {}),
    chargeCents: l.chargeCents,
    paidCents: l.paidCents,
    ...(l.allowedCents !== undefined ? { allowedCents: l.allowedCents } : {}),
    ...(l.lineControl ? { lineControl: l.lineControl } : {}),
  };
}

/** Adds a payment's line amounts to the claim's lines, matched by line control, else code and date. */
function mergeLines(c: StoredClaim, lines: readonly ServiceLinePayment[]): void {
  for (const l of lines) {
    const match =
      c.lines.find((x) => l.lineControl && x.lineControl === l.lineControl) ??
      c.lines.find(
        (x) => x.code === l.code && (!l.serviceDate || !x.serviceDate || x.serviceDate === l.serviceDate),
      );
    if (!match) {
      c.lines.push(lineFromPayment(l));
      continue;
    }
    match.paidCents += l.paidCents;
    if (l.allowedCents !== undefined) match.allowedCents = l.allowedCents;
  }
}

function claimFromPayment(p: ClaimPayment, r: RemittanceContext, nowIso: string): StoredClaim {
  const serviceDate =
    p.serviceDateFrom ??
    p.lines
      .map((l) => l.serviceDate)
      .filter((d): d is string => !!d)
      .sort()[0] ??
    r.paymentDate;
  return newClaim({
    id: p.claimId,
    patient: {
      lastName: p.patient.lastName,
      ...(p.patient.firstName ? { firstName: p.patient.firstName } : {}),
      ...(p.patient.memberId ? { memberId: p.patient.memberId } : {}),
    },
    payer: r.payer,
    ...(p.renderingProvider?.npi
      ? {
          provider: {
            npi: p.renderingProvider.npi,
            ...(p.renderingProvider.name ? { name: p.renderingProvider.name } : {}),
          },
        }
      : {}),
    serviceDate,
    chargeCents: Math.max(0, p.chargeCents),
    lines: p.lines.map((l) => ({ ...lineFromPayment(l), paidCents: 0 })),
    createdAt: nowIso,
  });
}

/** First adjudication counts once per claim: the denial rate and first-pass rate are about it. */
function firstAdjudicationDeltas(
  c: StoredClaim,
  p: ClaimPayment,
  month: string,
  denied: boolean,
): LedgerDelta[] {
  const out = [
    monthDelta(c, month, 'firstAdjudicated', 1),
    monthDelta(c, month, 'firstAdjudicatedChargesCents', c.chargeCents),
  ];
  if (denied)
    out.push(
      monthDelta(c, month, 'deniedFirst', 1),
      monthDelta(c, month, 'deniedFirstChargesCents', c.chargeCents),
    );
  else if (p.paidCents > 0 || p.patientResponsibilityCents > 0)
    out.push(monthDelta(c, month, 'firstPassPaid', 1));
  return out;
}

/** Money posted: payments and adjustments leave A/R; patient responsibility moves to the patient. */
function postingDeltas(
  c: StoredClaim,
  month: string,
  paid: number,
  co: number,
  other: number,
  pr: number,
): LedgerDelta[] {
  const out: LedgerDelta[] = [
    monthDelta(c, month, 'paymentsCents', paid),
    monthDelta(c, month, 'contractualCents', co),
    monthDelta(c, month, 'otherAdjustmentsCents', other),
    monthDelta(c, month, 'patientResponsibilityCents', pr),
    {
      kind: 'reduced',
      month,
      payer: c.payer.id,
      serviceMonth: monthOf(c.serviceDate),
      cents: paid + co + other,
    },
    arDelta(c, 'insurance', -(paid + co + other + pr)),
    arDelta(c, 'patient', pr),
  ];
  return out.filter((d) => d.cents !== 0);
}

/** One CLP loop of a remittance applied to its claim (created from the remittance when unknown). */
export function applyClaimPayment(
  before: StoredClaim | undefined,
  p: ClaimPayment,
  r: RemittanceContext,
  nowIso: string,
): { claim: StoredClaim; deltas: LedgerDelta[] } {
  const c = before ? structuredClone(before) : claimFromPayment(p, r, nowIso);
  const deltas = before ? [] : chargeDeltas(c);
  const month = monthOf(r.paymentDate);
  const reversal = p.statusCode === '22';
  const denied = isDenial(p);
  const adjs = allAdjustments(p);
  const co = sumGroup(adjs, ['CO']);
  const other = sumGroup(adjs, ['OA', 'PI', 'CR']);
  const pr = sumGroup(adjs, ['PR']);
  if (!reversal && !c.firstAdjudicatedDate) {
    c.firstAdjudicatedDate = r.paymentDate;
    deltas.push(...firstAdjudicationDeltas(c, p, month, denied));
  }
  const reasons = [...new Set(adjs.filter((a) => a.group !== 'PR').map((a) => a.reason))];
  if (denied) {
    c.deniedHoldCents = co + other;
    deltas.push(...postingDeltas(c, month, 0, 0, 0, pr));
    c.patientResponsibilityCents += pr;
    pushEvent(c, {
      at: r.paymentDate,
      kind: 'denied',
      summary: `Denied by ${r.payer.name} (${reasons.join(', ') || 'no reason given'})`,
      amountCents: c.chargeCents,
    });
  } else {
    deltas.push(...postingDeltas(c, month, p.paidCents, co, other, pr));
    c.paidCents += p.paidCents;
    c.contractualCents += co;
    c.otherAdjustmentsCents += other;
    c.patientResponsibilityCents += pr;
    c.deniedHoldCents = 0;
    if (!reversal) mergeLines(c, p.lines);
    pushEvent(c, paymentEvent(p, r, reversal));
    if (pr > 0)
      pushEvent(c, {
        at: r.paymentDate,
        kind: 'patient_balance',
        summary: 'Patient responsibility (deductible, copay, coinsurance)',
        amountCents: pr,
      });
  }
  if (!reversal && !c.firstPaidDate && p.paidCents > 0) {
    c.firstPaidDate = r.paymentDate;
    if (c.submittedDate) {
      deltas.push(
        monthDelta(c, month, 'paidClaims', 1),
        monthDelta(c, month, 'paymentLagDays', dayCount(c.submittedDate, r.paymentDate)),
      );
    }
  }
  if (!reversal)
    c.lastAdjudication = {
      date: r.paymentDate,
      statusCode: p.statusCode,
      denied,
      reasons: denied ? reasons : [],
    };
  c.remittances += 1;
  return { claim: c, deltas };
}

function paymentEvent(p: ClaimPayment, r: RemittanceContext, reversal: boolean): ClaimEvent {
  if (reversal)
    return {
      at: r.paymentDate,
      kind: 'reversed',
      summary: `${r.payer.name} reversed an earlier payment (trace ${r.traceNumber})`,
      amountCents: p.paidCents,
    };
  return {
    at: r.paymentDate,
    kind: 'paid',
    summary: `${r.payer.name}: ${claimStatusText(p.statusCode).toLowerCase()} (trace ${r.traceNumber})`,
    amountCents: p.paidCents,
  };
}
