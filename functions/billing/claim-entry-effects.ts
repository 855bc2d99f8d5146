import type { ClaimHeaderEntry, ClaimLineEntry, PatientPayment } from '../../shared/schemas/billing-entry.ts';
import { dollars } from '../../shared/x12/x12-segments.ts';
import type { Claim837 } from '../../shared/x12/x12-types.ts';
import {
  applySubmission,
  arDelta,
  type LedgerDelta,
  monthDelta,
  monthOf,
  patientBalance,
  pushEvent,
  type StoredClaim,
} from './claim-effects.ts';
import { payerKey } from './remittances.service.ts';

/**
 * What a claim typed in or read from a CSV does to the claim and the ledger, and what a patient's
 * payment does. Pure, like claim-effects.ts: the services read the claims, apply these and write
 * claims and summed deltas in one transaction.
 */

/** How a claim came into Rounds when not from an 837 or a remittance (kept on the claim item). */
export type EnteredClaim = StoredClaim & { entry?: 'csv' | 'manual' };

/** A typed or imported claim as the 837 import sees a claim, so it gets the same submission math. */
export function submissionOf(
  header: ClaimHeaderEntry,
  lines: readonly ClaimLineEntry[],
): Claim837 & { locationId?: string } {
  const p = header.provider;
  return {
    claimId: header.claimId,
    chargeCents: lines.reduce((s, l) => s + l.chargeCents, 0),
    submittedDate: header.submittedDate,
    payer: { id: payerKey(header.payer.id ?? header.payer.name), name: header.payer.name },
    patient: header.patient,
    billingProvider: { ...(p ? { npi: p.npi } : {}), name: p?.name ?? (p ? `NPI ${p.npi}` : '') },
    ...(p ? { renderingProvider: p } : {}),
    ...(header.locationId ? { locationId: header.locationId } : {}),
    lines: lines.map((l, i) => ({ lineNumber: i + 1, ...l })),
  };
}

/** A stored claim's header and lines as a submission (the inverse of `submissionOf`). */
function storedAsSubmission(c: StoredClaim): Claim837 & { locationId?: string } {
  return submissionOf(
    {
      claimId: c.id,
      patient: c.patient,
      payer: { id: c.payer.id, name: c.payer.name },
      ...(c.provider ? { provider: c.provider } : {}),
      ...(c.locationId ? { locationId: c.locationId } : {}),
      submittedDate: c.submittedDate ?? c.serviceDate,
    },
    c.lines.map((l) => ({ ...l, serviceDate: l.serviceDate ?? c.serviceDate })),
  );
}

/** Nothing has happened to the claim since it was submitted: no remittance, payment or write-off. */
export function isUntouched(c: StoredClaim): boolean {
  const money = [
    c.paidCents,
    c.contractualCents,
    c.otherAdjustmentsCents,
    c.patientResponsibilityCents,
    c.patientPaidCents,
    c.writeOffCents,
    c.deniedHoldCents,
  ];
  return c.remittances === 0 && !c.firstAdjudicatedDate && money.every((m) => m === 0);
}

const negated = (deltas: readonly LedgerDelta[]) => deltas.map((d) => ({ ...d, cents: -d.cents }));

/**
 * More lines for an untouched claim (its CSV lines came in two parts of a file). The claim is
 * rebuilt as if submitted whole, and the ledger gets the rebuilt claim's submission less the old
 * one's, so an earlier date of service or a larger charge lands exactly where one import would put it.
 */
export function addLines(
  before: EnteredClaim,
  lines: readonly ClaimLineEntry[],
  nowIso: string,
): { claim: EnteredClaim; deltas: LedgerDelta[] } {
  const old = storedAsSubmission(before);
  const all = [...old.lines, ...lines.map((l, i) => ({ lineNumber: old.lines.length + i + 1, ...l }))];
  const whole = { ...old, lines: all, chargeCents: all.reduce((s, l) => s + l.chargeCents, 0) };
  const undo = applySubmission(undefined, old, nowIso).deltas;
  const redo = applySubmission(undefined, whole, nowIso);
  const kept = before.events.filter((e) => e.kind !== 'service' && e.kind !== 'submitted');
  const claim: EnteredClaim = {
    ...redo.claim,
    ...(before.assignee ? { assignee: before.assignee } : {}),
    ...(before.followUpDate ? { followUpDate: before.followUpDate } : {}),
    entry: before.entry,
    createdAt: before.createdAt,
    version: before.version,
  };
  for (const e of kept) pushEvent(claim, e);
  return { claim, deltas: [...negated(undo), ...redo.deltas] };
}

/** Why the patient cannot pay this much on the claim, in words; undefined when they can. */
export function patientPaymentProblem(c: StoredClaim, cents: number): string | undefined {
  const owed = patientBalance(c);
  if (owed <= 0) return `The patient owes nothing on claim ${c.id}`;
  if (cents > owed)
    return `${dollars(cents)} is more than the patient owes on claim ${c.id} (${dollars(owed)})`;
  return undefined;
}

/** A patient's payment: their balance and the patient A/R go down, collections go up in the month paid. */
export function applyPatientPayment(
  before: StoredClaim,
  p: Pick<PatientPayment, 'amountCents' | 'date' | 'note'> & { method?: PatientPayment['method'] },
  by?: string,
): { claim: StoredClaim; deltas: LedgerDelta[] } {
  const c = structuredClone(before);
  const month = monthOf(p.date);
  c.patientPaidCents += p.amountCents;
  pushEvent(c, {
    at: p.date,
    kind: 'patient_paid',
    summary: `Patient paid${p.method ? ` by ${p.method}` : ''}${p.note ? `: ${p.note}` : ''}`,
    amountCents: p.amountCents,
    ...(by ? { by } : {}),
  });
  return {
    claim: c,
    deltas: [
      monthDelta(c, month, 'patientPaymentsCents', p.amountCents),
      {
        kind: 'reduced',
        month,
        payer: c.payer.id,
        serviceMonth: monthOf(c.serviceDate),
        cents: p.amountCents,
      },
      arDelta(c, 'patient', -p.amountCents),
    ],
  };
}
