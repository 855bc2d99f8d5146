/**
 * The timely-filing check. A payer pays nothing for a claim filed later than its timely-filing
 * limit (the date of service plus the payer's timely-filing days, CARC 29), and the clock keeps
 * running while a claim waits on a payer that may never have received it, or sits denied for a
 * corrected claim nobody has sent. From 08:00 in the practice's time zone, once a day, one Today
 * item for the billing staff lists the unpaid claims that reach their limit within 30 days.
 */
import {
  ALL_STATES_OF_FILING_RISK,
  type FilingRisk,
  filingRisks,
} from '../../shared/billing/timely-filing.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import { raiseTodayItemOnce, todayItemId } from '../platform/today/today-items.ts';
import { forPracticesAtLocalHour } from '../platform/today/zone-listing.ts';
import type { ClaimItem } from './claims.repo.ts';
import { claimsRepo } from './claims.repo.ts';
import { payerRepo } from './payers.repo.ts';
import { DEFAULT_TIMELY_FILING_DAYS } from './payers.service.ts';
import { billingDirectory } from './remittance.repo.ts';

export const FILING_RISK_DAYS = 30;
const CHECK_FROM_HOUR = 8;
const CATCH_UP_HOURS = 3;
/** Claims read per practice at most: a practice with more unpaid old claims has a bigger problem to show. */
const MAX_CLAIMS = 2000;
const ACTOR = { id: 'timely-filing-check', name: 'Timely-filing check' };

/** The hourly job: practices where it is 08:00–10:59 now, each once per day. */
export async function raiseTimelyFilingChecks(p: Platform): Promise<Record<string, number>> {
  const now = p.clock.now().getTime();
  const counts = { practices: 0, raised: 0 };
  counts.practices = await forPracticesAtLocalHour(
    p.store,
    now,
    { fromHour: CHECK_FROM_HOUR, hours: CATCH_UP_HOURS },
    async (tenantId, zone) => {
      if (await checkTimelyFiling(systemDb(p, tenantId, ACTOR), localParts(now, zone).date)) counts.raised++;
    },
  );
  return counts;
}

/** Raises the practice's item for `today` when claims are at risk and it is not raised yet. */
export async function checkTimelyFiling(db: TenantDb, today: string): Promise<boolean> {
  const risks = await claimsAtFilingRisk(db, today);
  return risks.length > 0 && raiseOnce(db, today, risks);
}

/** The practice's unpaid claims whose timely-filing limit is at most 30 days away (or past), soonest first. */
export async function claimsAtFilingRisk(db: TenantDb, today: string): Promise<FilingRisk[]> {
  const directory = await billingDirectory(db);
  if (!directory.payers.length) return [];
  const days = new Map<string, number>();
  await Promise.all(
    directory.payers.map(async (p) => {
      const s = await payerRepo.settings(db, p.id);
      days.set(p.id, s?.timelyFilingDays ?? DEFAULT_TIMELY_FILING_DAYS);
    }),
  );
  // No claim served after this date can be within 30 days of even the shortest limit.
  const serviceTo = addDays(today, FILING_RISK_DAYS - Math.min(DEFAULT_TIMELY_FILING_DAYS, ...days.values()));
  const claims: ClaimItem[] = [];
  for (const state of ALL_STATES_OF_FILING_RISK) {
    let cursor: string | undefined;
    do {
      const page = await claimsRepo.list(db, { state, serviceTo, sort: 'oldest', cursor }, 100);
      claims.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && claims.length < MAX_CLAIMS);
  }
  return filingRisks(
    claims,
    (payerId) => days.get(payerId) ?? DEFAULT_TIMELY_FILING_DAYS,
    today,
    FILING_RISK_DAYS,
  );
}

/** Creates the day's item unless it exists (someone may have closed it already). */
function raiseOnce(db: TenantDb, today: string, risks: FilingRisk[]): Promise<boolean> {
  const past = risks.filter((r) => r.daysLeft < 0).length;
  const soon = risks.length - past;
  return raiseTodayItemOnce(
    db,
    todayItemId('billing', 'timely_filing', today),
    {
      source: 'billing',
      kind: 'timely_filing',
      title: filingTitle(soon, past),
      detail: filingDetail(risks),
      link: `/app/billing/claims?state=${risks[0]!.state}&serviceTo=${risks[0]!.serviceDate}&sort=oldest`,
      assignee: { role: 'billing' },
      // Today's alert; each claim's own deadline is in the detail.
      dueDate: today,
      // Tomorrow's check says it afresh.
      expiresAt: new Date(`${addDays(today, 2)}T12:00:00Z`),
    },
    { name: ACTOR.name },
    {
      action: 'today.timely_filing_check_raised',
      summary: `${soon} claims near their timely-filing limit, ${past} past it`,
    },
  );
}

const claimsWord = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;

/** The item's title in words. */
export function filingTitle(soon: number, past: number): string {
  if (!soon) return `${claimsWord(past)} passed the payer's timely-filing limit unpaid`;
  const extra = past ? ` (${past} more already past it)` : '';
  return `${claimsWord(soon)} reach${soon === 1 ? 'es' : ''} the payer's timely-filing limit within ${FILING_RISK_DAYS} days${extra}`;
}

/** The soonest claims, each with its payer and limit; the rest counted. */
export function filingDetail(risks: FilingRisk[], shown = 8): string {
  const lines = risks.slice(0, shown).map((r) => {
    const when = r.daysLeft < 0 ? `was due ${r.deadline}` : `due ${r.deadline}`;
    const what = r.state === 'denied' ? 'denied, corrected claim' : 'no answer from the payer';
    return `Claim ${r.claimId} (${r.payerName}, ${what}) ${when}`;
  });
  const more = risks.length - shown;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}
