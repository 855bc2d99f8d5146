import { addDays } from '../../shared/time.ts';
import type {
  Adjustment,
  Claim837,
  ClaimPayment,
  Remittance835,
  ServiceLinePayment,
} from '../../shared/x12/x12-types.ts';
import type { DemoProvider, PayerProfile } from './billing-demo.ts';

/** The demo's remittances: payments at each payer's fee level, denials, and one reversal. */

export function baseClaim(
  c: Claim837,
  provider: DemoProvider,
): Omit<ClaimPayment, 'statusCode' | 'paidCents' | 'patientResponsibilityCents' | 'lines'> {
  return {
    claimId: c.claimId,
    chargeCents: c.chargeCents,
    filingIndicator: 'CI',
    payerClaimNumber: `${c.claimId.slice(2)}0${c.payer.id.slice(0, 2)}`,
    patient: { lastName: c.patient.lastName, firstName: c.patient.firstName, memberId: c.patient.memberId },
    renderingProvider: { npi: provider.npi, name: provider.name },
    serviceDateFrom: c.lines[0]!.serviceDate,
    adjustments: [],
    remarks: [],
  };
}

/** Paid at the payer's fee level, less the patient's copay (first line) or coinsurance. */
export function payment(c: Claim837, provider: DemoProvider, payer: PayerProfile): ClaimPayment {
  let copayLeft = payer.copayCents;
  const lines: ServiceLinePayment[] = c.lines.map((l) => {
    const allowed = Math.round(l.chargeCents * payer.allowed);
    const copay = Math.min(copayLeft, allowed);
    copayLeft -= copay;
    const coins = Math.round((allowed - copay) * payer.coinsurance);
    const adjustments: Adjustment[] = [{ group: 'CO', reason: '45', amountCents: l.chargeCents - allowed }];
    if (copay) adjustments.push({ group: 'PR', reason: '3', amountCents: copay });
    if (coins) adjustments.push({ group: 'PR', reason: '2', amountCents: coins });
    return {
      qualifier: 'HC',
      code: l.code,
      modifiers: [],
      chargeCents: l.chargeCents,
      paidCents: allowed - copay - coins,
      allowedCents: allowed,
      units: 1,
      serviceDate: l.serviceDate,
      lineControl: l.lineControl,
      adjustments,
      remarks: [],
    };
  });
  return {
    ...baseClaim(c, provider),
    statusCode: '1',
    paidCents: lines.reduce((s, l) => s + l.paidCents, 0),
    patientResponsibilityCents: lines.reduce(
      (s, l) => s + l.adjustments.filter((a) => a.group === 'PR').reduce((x, a) => x + a.amountCents, 0),
      0,
    ),
    lines,
  };
}

export function denial(c: Claim837, provider: DemoProvider, reason: string): ClaimPayment {
  const lines: ServiceLinePayment[] = c.lines.map((l) => ({
    qualifier: 'HC',
    code: l.code,
    modifiers: [],
    chargeCents: l.chargeCents,
    paidCents: 0,
    units: 1,
    serviceDate: l.serviceDate,
    lineControl: l.lineControl,
    adjustments: [{ group: 'CO', reason, amountCents: l.chargeCents }],
    remarks: reason === '16' ? ['M51'] : [],
  }));
  return { ...baseClaim(c, provider), statusCode: '4', paidCents: 0, patientResponsibilityCents: 0, lines };
}

export function addPayment(
  map: Map<string, { payer: PayerProfile; date: string; claim: ClaimPayment }[]>,
  payer: PayerProfile,
  date: string,
  claim: ClaimPayment,
): void {
  const key = `${payer.id}|${date}`;
  map.set(key, [...(map.get(key) ?? []), { payer, date, claim }]);
}

export function toRemittances(
  map: Map<string, { payer: PayerProfile; date: string; claim: ClaimPayment }[]>,
): Remittance835[] {
  return [...map.values()]
    .map((entries) => {
      const { payer, date } = entries[0]!;
      const claims = entries.map((e) => e.claim);
      return {
        traceNumber: `${payer.id.slice(0, 3)}${date.replaceAll('-', '')}`,
        paymentCents: claims.reduce((s, c) => s + c.paidCents, 0),
        handlingCode: 'I',
        paymentMethod: 'ACH',
        paymentDate: date,
        payer: { id: payer.id, name: payer.name },
        payee: { name: 'Maple Street Family Medicine', npi: '1437246810', taxId: '311234567' },
        claims,
        providerAdjustments: [],
        startSegment: 0,
      };
    })
    .sort((a, b) => (a.paymentDate < b.paymentDate ? -1 : a.paymentDate > b.paymentDate ? 1 : 0));
}

/** One payment taken back and paid again correctly (CLP02 = 22, then 1), a month after it was made. */
export function addReversal(remittances: Remittance835[]): void {
  const first = remittances.find((r) => r.claims.some((c) => c.statusCode === '1' && c.paidCents > 5000));
  const later =
    first &&
    remittances.find((r) => r.payer.id === first.payer.id && r.paymentDate > addDays(first.paymentDate, 28));
  if (!first || !later) return;
  const paid = first.claims.find((c) => c.statusCode === '1' && c.paidCents > 5000)!;
  const negate = (a: Adjustment): Adjustment => ({ ...a, amountCents: -a.amountCents });
  const reversal: ClaimPayment = {
    ...paid,
    statusCode: '22',
    chargeCents: -paid.chargeCents,
    paidCents: -paid.paidCents,
    patientResponsibilityCents: -paid.patientResponsibilityCents,
    lines: paid.lines.map((l) => ({
      ...l,
      chargeCents: -l.chargeCents,
      paidCents: -l.paidCents,
      adjustments: l.adjustments.map(negate),
    })),
  };
  // The corrected payment: the payer had paid 10 dollars too much on the first line.
  const line = paid.lines[0]!;
  const corrected: ClaimPayment = {
    ...paid,
    paidCents: paid.paidCents - 1000,
    lines: [
      {
        ...line,
        paidCents: line.paidCents - 1000,
        adjustments: line.adjustments.map((a) =>
          a.group === 'CO' ? { ...a, amountCents: a.amountCents + 1000 } : a,
        ),
      },
      ...paid.lines.slice(1),
    ],
  };
  later.claims.push(reversal, corrected);
  later.paymentCents += reversal.paidCents + corrected.paidCents;
}
