import type { Adjustment, ServiceLinePayment } from '../../shared/x12/x12-types.ts';

/**
 * A payer's contract at work on a remittance: each service line the fee schedule prices gets an
 * expected allowed amount (fee × units) beside what the payer allowed, and the shortfall when the
 * payer allowed less. Pure; the import loads the payer's fee schedule once per remittance.
 */

/** The contracted allowed amount of a code (with its first modifier, else without), in cents. */
export type FeeLookup = (code: string, modifiers: readonly string[]) => number | undefined;

export interface FeeEntry {
  code: string;
  /** '' when the fee holds for the code with any modifier. */
  modifier: string;
  allowedCents: number;
}

/** A lookup over a fee schedule: an entry for the code and modifier wins over the code's plain entry. */
export function feeLookup(entries: readonly FeeEntry[]): FeeLookup {
  const fees = new Map(
    entries.map((e) => [`${e.code.toUpperCase()}|${e.modifier.toUpperCase()}`, e.allowedCents]),
  );
  return (code, modifiers) => {
    const c = code.toUpperCase();
    const withModifier = modifiers[0] ? fees.get(`${c}|${modifiers[0].toUpperCase()}`) : undefined;
    return withModifier ?? fees.get(`${c}|`);
  };
}

export interface PricedLine {
  expectedCents: number;
  allowedCents: number;
  underpaidCents: number;
}

const patientShare = (adjs: readonly Adjustment[]) =>
  adjs.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0);

/**
 * A line's expected and allowed amounts, or undefined when the schedule has no fee for its code.
 * Allowed is the payer's AMT*B6 when sent, else what was paid plus the patient's share (what the
 * payer considered owed for the line).
 */
export function priceLine(line: ServiceLinePayment, fees: FeeLookup): PricedLine | undefined {
  const fee = fees(line.code, line.modifiers);
  if (fee === undefined) return undefined;
  const expectedCents = Math.round(fee * (line.units ?? 1));
  const allowedCents = line.allowedCents ?? line.paidCents + patientShare(line.adjustments);
  return { expectedCents, allowedCents, underpaidCents: Math.max(0, expectedCents - allowedCents) };
}
