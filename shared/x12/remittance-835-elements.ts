/**
 * Readers for the 835 segments that carry repeated or composite data (CAS triplets, SVC01, PLB
 * pairs, names), kept apart from the loop walking in remittance-835.ts.
 */
import { components, element, type ProblemList, type X12Segment } from './x12-segments.ts';
import type { Adjustment, ProviderAdjustment, ServiceLinePayment } from './x12-types.ts';

const GROUPS = new Set<string>(['CO', 'PR', 'OA', 'PI', 'CR']);

/** CAS: a group and up to six reason/amount/quantity triplets (CAS02-04, 05-07 … 17-19). */
export function readAdjustments(seg: X12Segment, problems: ProblemList): Adjustment[] {
  const group = element(seg, 1);
  if (!GROUPS.has(group)) {
    problems.add(seg, `the adjustment group (CAS01) "${group}" is not one of CO, PR, OA, PI or CR`);
  }
  const adjustments: Adjustment[] = [];
  for (let n = 2; n <= 17; n += 3) {
    const reason = element(seg, n);
    if (reason === '' && element(seg, n + 1) === '') continue;
    if (reason === '') problems.add(seg, `an adjustment amount has no reason code (${seg.id}${pad(n)})`);
    const amountCents = problems.amount(seg, n + 1, 'the adjustment amount');
    const quantity = problems.optionalQuantity(seg, n + 2, 'the adjustment quantity');
    const adjustment: Adjustment = { group: group as Adjustment['group'], reason, amountCents };
    if (quantity !== undefined) adjustment.quantity = quantity;
    adjustments.push(adjustment);
  }
  if (adjustments.length === 0)
    problems.add(seg, 'the adjustment has no reason code and amount (CAS02, CAS03)');
  return adjustments;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** SVC: the procedure composite (qualifier:code:modifiers), charge, paid and units (default 1). */
export function readServiceLine(
  seg: X12Segment,
  problems: ProblemList,
  separator: string,
): ServiceLinePayment {
  const [qualifier = '', code = '', ...modifiers] = components(element(seg, 1), separator);
  if (code === '') problems.add(seg, 'the procedure code (SVC01) is missing');
  return {
    qualifier,
    code,
    // SVC01-7 is a description, not a modifier; modifiers are SVC01-3 to SVC01-6.
    modifiers: modifiers.slice(0, 4).filter((m) => m !== ''),
    chargeCents: problems.amount(seg, 2, "the line's charge"),
    paidCents: problems.amount(seg, 3, "the line's paid amount"),
    units: problems.optionalQuantity(seg, 5, 'the units paid') ?? 1,
    adjustments: [],
    remarks: [],
  };
}

/** PLB: provider id, fiscal date, then up to six reason:reference / amount pairs. */
export function readProviderAdjustments(
  seg: X12Segment,
  problems: ProblemList,
  separator: string,
): ProviderAdjustment[] {
  const providerId = problems.required(seg, 1, 'the provider id');
  const date = problems.date(seg, 2, 'the fiscal period date');
  const adjustments: ProviderAdjustment[] = [];
  for (let n = 3; n <= 13; n += 2) {
    const composite = element(seg, n);
    if (composite === '' && element(seg, n + 1) === '') continue;
    const [reason = '', reference = ''] = components(composite, separator);
    if (reason === '') problems.add(seg, `a provider adjustment has no reason code (PLB${pad(n)})`);
    const adjustment: ProviderAdjustment = {
      providerId,
      date,
      reason,
      amountCents: problems.amount(seg, n + 1, 'the provider adjustment amount'),
    };
    if (reference !== '') adjustment.reference = reference;
    adjustments.push(adjustment);
  }
  if (adjustments.length === 0)
    problems.add(seg, 'the provider adjustment has no reason and amount (PLB03, PLB04)');
  return adjustments;
}
