import { addDays } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { cancelDueDateOps, loadDueThing, planDueDateOps } from '../platform/due/due-dates.ts';
import type { StoredClaim } from './claim-effects.ts';

/**
 * A denial's appeal window as a dated thing on the platform's due queue: the manager is alerted
 * 14 and 3 days before the payer's appeal deadline and on the day. Appealing, writing the claim off
 * or the payer paying it after all cancels the alerts.
 */

export const APPEAL_ALERT_DAYS = [14, 3, 0] as const;
/** Items planning a deadline adds to a write at most: the dated thing, and a queue entry and an hour marker per alert. */
export const APPEAL_PLAN_ITEMS = 1 + 2 * APPEAL_ALERT_DAYS.length;
/** Items cancelling one adds at most: the thing, its Today item, and its queue entries. */
export const APPEAL_CANCEL_ITEMS = 2 + APPEAL_ALERT_DAYS.length;

export interface Planned {
  ops: WriteOp[];
  platformOps: WriteOp[];
}

const none = (): Planned => ({ ops: [], platformOps: [] });

/** The ops that alert before a denial's appeal deadline (none when the deadline has passed). */
export async function planAppealDeadline(
  db: TenantDb,
  claim: StoredClaim,
  rules: { appealDays: number; timeZone: string; today: string },
): Promise<{ planned: Planned; dueDate?: string }> {
  const denied = claim.lastAdjudication?.date;
  if (!denied) return { planned: none() };
  const dueDate = addDays(denied, rules.appealDays);
  if (dueDate < rules.today) return { planned: none() };
  const existing = await loadDueThing(db, 'billing', 'appeal', claim.id);
  const planned = planDueDateOps(
    db,
    existing,
    {
      source: 'billing',
      kind: 'appeal',
      ref: claim.id,
      title: `The appeal of claim ${claim.id} (${claim.payer.name})`,
      verb: 'is due',
      link: `/app/billing/claims/${encodeURIComponent(claim.id)}`,
      owner: { role: 'manager' },
      dueDate,
      timeZone: rules.timeZone,
      offsets: APPEAL_ALERT_DAYS,
    },
    db.now(),
  );
  return { planned: { ops: planned.ops, platformOps: planned.platformOps }, dueDate };
}

/** The ops that stop a claim's appeal alerts (none when it has none). */
export async function cancelAppealDeadline(db: TenantDb, claimId: string): Promise<Planned> {
  const existing = await loadDueThing(db, 'billing', 'appeal', claimId);
  return existing ? cancelDueDateOps(db, existing, { name: db.actor.name }, db.now()) : none();
}

/** Plans or cancels what a claim's change calls for: a new open denial, or a denial no longer open. */
export async function appealDeadlineOps(
  db: TenantDb,
  before: StoredClaim | undefined,
  after: StoredClaim,
  rules: { appealDays: number; timeZone: string; today: string },
): Promise<Planned> {
  const openDenial = after.lastAdjudication?.denied && !after.appealed;
  const newDenial = openDenial && before?.lastAdjudication?.date !== after.lastAdjudication?.date;
  if (newDenial) {
    const { planned, dueDate } = await planAppealDeadline(db, after, rules);
    if (dueDate) after.appealDue = dueDate;
    return planned;
  }
  if (before?.appealDue && !openDenial) {
    after.appealDue = undefined;
    return cancelAppealDeadline(db, after.id);
  }
  return none();
}
