/**
 * The 835 balancing rules (005010X221A1 section 1.10.2): the payment equals claim payments less
 * provider adjustments; a claim's and a line's charge less paid equals their adjustments.
 */
import { dollars, type ProblemList, type X12Segment } from './x12-segments.ts';
import type { Adjustment, ClaimPayment, Remittance835 } from './x12-types.ts';

/** A claim with the segments it was read from, so a problem can name them. */
export interface ClaimEntry {
  claim: ClaimPayment;
  seg: X12Segment;
  /** The SVC segment of each line, in the claim's line order. */
  lineSegs: X12Segment[];
}

function sumAdjustments(adjustments: Adjustment[]): number {
  return adjustments.reduce((sum, a) => sum + a.amountCents, 0);
}

function checkLine(claim: ClaimPayment, index: number, seg: X12Segment, problems: ProblemList): void {
  const line = claim.lines[index]!;
  const adjusted = sumAdjustments(line.adjustments);
  const difference = line.chargeCents - line.paidCents;
  if (difference === adjusted) return;
  problems.add(
    seg,
    `claim ${claim.claimId}, line ${line.code}: the charge ${dollars(line.chargeCents)} less the paid amount ` +
      `${dollars(line.paidCents)} is ${dollars(difference)}, but the line's adjustments add up to ${dollars(adjusted)}`,
  );
}

function checkClaim(entry: ClaimEntry, problems: ProblemList): void {
  const { claim } = entry;
  entry.lineSegs.forEach((seg, i) => {
    checkLine(claim, i, seg, problems);
  });
  const adjusted =
    sumAdjustments(claim.adjustments) +
    claim.lines.reduce((sum, l) => sum + sumAdjustments(l.adjustments), 0);
  const difference = claim.chargeCents - claim.paidCents;
  if (difference === adjusted) return;
  problems.add(
    entry.seg,
    `claim ${claim.claimId}: the charge ${dollars(claim.chargeCents)} less the paid amount ` +
      `${dollars(claim.paidCents)} is ${dollars(difference)}, but the claim and line adjustments add up to ${dollars(adjusted)}`,
  );
}

/** Adds a problem for every claim, line and payment total that does not balance. */
export function checkRemittanceBalances(
  remit: Remittance835,
  bpr: X12Segment,
  claims: ClaimEntry[],
  problems: ProblemList,
): void {
  for (const entry of claims) checkClaim(entry, problems);
  const paid = remit.claims.reduce((sum, c) => sum + c.paidCents, 0);
  const withheld = remit.providerAdjustments.reduce((sum, a) => sum + a.amountCents, 0);
  if (paid - withheld === remit.paymentCents) return;
  problems.add(
    bpr,
    `claim payments less provider adjustments (${dollars(paid - withheld)}) do not equal the payment total BPR02 (${dollars(remit.paymentCents)})`,
  );
}
