import { addDays, daysBetween } from '../time.ts';

/**
 * Timely filing: a claim must reach the payer within its timely-filing days of the date of
 * service. An unpaid claim still counts against that limit: one awaiting the payer (which may
 * never have received it) and one denied and not appealed (a corrected claim must go in before it).
 */

/** The claim states the limit still threatens. */
export const ALL_STATES_OF_FILING_RISK = ['submitted', 'denied'] as const;
type RiskState = (typeof ALL_STATES_OF_FILING_RISK)[number];

/** The last day a claim for this date of service may reach the payer. */
export const filingDeadline = (serviceDate: string, timelyFilingDays: number) =>
  addDays(serviceDate, timelyFilingDays);

export interface FilingRisk {
  claimId: string;
  payerName: string;
  state: RiskState;
  serviceDate: string;
  deadline: string;
  /** Negative once the deadline has passed. */
  daysLeft: number;
}

interface RiskClaim {
  id: string;
  state: string;
  serviceDate: string;
  appealed?: boolean;
  payer: { id: string; name: string };
}

/** The claims whose limit is at most `withinDays` away (or past), soonest first. */
export function filingRisks(
  claims: readonly RiskClaim[],
  daysFor: (payerId: string) => number,
  today: string,
  withinDays: number,
): FilingRisk[] {
  const risks: FilingRisk[] = [];
  for (const c of claims) {
    if (!(ALL_STATES_OF_FILING_RISK as readonly string[]).includes(c.state) || c.appealed) continue;
    const deadline = filingDeadline(c.serviceDate, daysFor(c.payer.id));
    const daysLeft = daysBetween(today, deadline);
    if (daysLeft > withinDays) continue;
    risks.push({
      claimId: c.id,
      payerName: c.payer.name,
      state: c.state as RiskState,
      serviceDate: c.serviceDate,
      deadline,
      daysLeft,
    });
  }
  return risks.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.claimId.localeCompare(b.claimId));
}
