import type { ClaimEvent } from '../../shared/schemas/billing.ts';
import type { Adjustment, ClaimPayment, ServiceLinePayment } from '../../shared/x12/x12-types.ts';
import {
  arDelta,
  chargeDeltas,
  claimStatusText,
  dayCount,
  insuranceBalance,
  type LedgerDelta,
  monthDelta,
  monthOf,
  newClaim,
  pushEvent,
  type StoredClaim,
  type StoredLine,
} from './claim-effects.ts';
import { type FeeLookup, type PricedLine, priceLine } from './contract-pricing.ts';

/**
 * What a remittance's CLP loop does to its claim and to the ledger: a payment, a denial (held,
 * not posted), a reversal, or a secondary payer's adjudication. Pure, like claim-effects.ts.
 */

export interface RemittanceContext {
  traceNumber: string;
  paymentDate: string;
  payer: { id: string; name: string };
  /** The payer's fee schedule, when it has one: lines it prices are checked for underpayment. */
  fees?: FeeLookup;
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
function mergeLines(
  c: StoredClaim,
  lines: readonly ServiceLinePayment[],
  priced: Map<ServiceLinePayment, PricedLine>,
): void {
  for (const l of lines) {
    const price = priced.get(l);
    const match =
      c.lines.find((x) => l.lineControl && x.lineControl === l.lineControl) ??
      c.lines.find(
        (x) => x.code === l.code && (!l.serviceDate || !x.serviceDate || x.serviceDate === l.serviceDate),
      );
    const target = match ?? c.lines[c.lines.push({ ...lineFromPayment(l), paidCents: 0 }) - 1]!;
    target.paidCents += l.paidCents;
    if (l.allowedCents !== undefined) target.allowedCents = l.allowedCents;
    if (price) {
      target.expectedCents = price.expectedCents;
      target.underpaidCents = price.underpaidCents;
    }
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
  if (before && isSecondary(before, p, r)) return applySecondary(before, p, r);
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
    if (!reversal) {
      const priced = priceLines(p.lines, r.fees);
      mergeLines(c, p.lines, priced);
      deltas.push(...pricingDeltas(c, month, [...priced.values()]));
      c.underpaidCents =
        (c.underpaidCents ?? 0) + [...priced.values()].reduce((s, x) => s + x.underpaidCents, 0);
    }
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

/** Secondary statuses of CLP02: processed as secondary or tertiary (and forwarded). */
const SECONDARY_STATUS = new Set(['2', '3', '20', '21']);

/** A later payer's adjudication of a claim another payer already adjudicated (crossover, secondary). */
function isSecondary(c: StoredClaim, p: ClaimPayment, r: RemittanceContext): boolean {
  if (p.statusCode === '22' || !c.firstAdjudicatedDate) return false;
  return SECONDARY_STATUS.has(p.statusCode) || r.payer.id !== c.payer.id;
}

/**
 * A secondary payer's remittance restates the primary's adjudication in its adjustments (CO-45
 * again, OA-23 for what the primary paid), so its CAS amounts are not posted again. What changes:
 * the secondary's payment, the patient's share (now the secondary's PR), and whatever the payers
 * still leave unpaid and not billable to the patient, written down as contractual.
 */
function applySecondary(
  before: StoredClaim,
  p: ClaimPayment,
  r: RemittanceContext,
): { claim: StoredClaim; deltas: LedgerDelta[] } {
  const c = structuredClone(before);
  const month = monthOf(r.paymentDate);
  const pr = sumGroup(allAdjustments(p), ['PR']);
  const prDelta = pr - c.patientResponsibilityCents;
  if (isDenial(p) && p.statusCode === '4') {
    pushEvent(c, {
      at: r.paymentDate,
      kind: 'denied',
      summary: `${r.payer.name} (secondary) denied it; the patient's share stands`,
      amountCents: 0,
    });
    c.remittances += 1;
    return { claim: c, deltas: [] };
  }
  c.paidCents += p.paidCents;
  c.patientResponsibilityCents = pr;
  const writeDown = Math.max(0, insuranceBalance(c));
  c.contractualCents += writeDown;
  pushEvent(c, {
    at: r.paymentDate,
    kind: 'paid',
    summary: `${r.payer.name} (secondary): ${claimStatusText(p.statusCode).toLowerCase()} (trace ${r.traceNumber})`,
    amountCents: p.paidCents,
  });
  if (prDelta !== 0)
    pushEvent(c, {
      at: r.paymentDate,
      kind: 'patient_balance',
      summary: "Patient's share after the secondary payer",
      amountCents: pr,
    });
  c.remittances += 1;
  return { claim: c, deltas: postingDeltas(c, month, p.paidCents, writeDown, 0, prDelta) };
}

/** The lines the fee schedule prices, each with its expected and allowed amounts. */
function priceLines(
  lines: readonly ServiceLinePayment[],
  fees: FeeLookup | undefined,
): Map<ServiceLinePayment, PricedLine> {
  const out = new Map<ServiceLinePayment, PricedLine>();
  if (!fees) return out;
  for (const l of lines) {
    const price = priceLine(l, fees);
    if (price) out.set(l, price);
  }
  return out;
}

/** The contract's figures of a payment's priced lines, by month posted. */
function pricingDeltas(c: StoredClaim, month: string, priced: readonly PricedLine[]): LedgerDelta[] {
  if (!priced.length) return [];
  const sum = (f: (p: PricedLine) => number) => priced.reduce((s, p) => s + f(p), 0);
  return [
    monthDelta(c, month, 'pricedLines', priced.length),
    monthDelta(
      c,
      month,
      'expectedCents',
      sum((p) => p.expectedCents),
    ),
    monthDelta(
      c,
      month,
      'allowedCents',
      sum((p) => p.allowedCents),
    ),
    monthDelta(
      c,
      month,
      'underpaidCents',
      sum((p) => p.underpaidCents),
    ),
    monthDelta(c, month, 'underpaidLines', priced.filter((p) => p.underpaidCents > 0).length),
  ];
}
