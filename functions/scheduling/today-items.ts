import { staffDateTime } from '../../shared/locale.ts';
import type { Appointment, Recall, WaitlistEntry } from '../../shared/schemas/scheduling.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import { closeTodayItemOp, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';

/**
 * How scheduling's things show in Today. Each op joins the write that changed the thing, so an
 * item exists exactly while its recall is open or its freed time can still be offered.
 */
export const recallItemId = (recallId: string) => todayItemId('scheduling', 'recall', recallId);

/** A recall is the front desk's call to make once it is due: the item is due on the recall's date. */
export function raiseRecallItemOp(scope: TenantScope, recall: Recall, now: Date): WriteOp {
  return raiseTodayItemOp(
    scope,
    {
      source: 'scheduling',
      kind: 'recall',
      ref: recall.id,
      title: `Recall ${displayName(recall.patientName)}: ${recall.reason}`,
      detail: 'Call the patient to book; record the outreach on the recall list.',
      link: '/app/schedule/waitlist?tab=recalls',
      assignee: { role: 'staff' },
      dueDate: recall.dueDate,
    },
    now,
  );
}

/** Closes a recall's item when the recall is answered (booked, scheduled or declined). */
export function closeRecallItemOp(scope: TenantScope, recallId: string, by: string, now: Date): WriteOp {
  return closeTodayItemOp(scope, recallItemId(recallId), { name: by }, now);
}

/** A freed time some waitlist patients fit: offer it before it passes (the item expires with it). */
export function raiseWaitlistOfferOp(
  scope: TenantScope,
  freed: Appointment,
  matches: WaitlistEntry[],
  providerName: string,
  now: Date,
): WriteOp {
  const who =
    matches.length === 1 ? displayName(matches[0]!.patientName) : `${matches.length} waitlist patients`;
  return raiseTodayItemOp(
    scope,
    {
      source: 'scheduling',
      kind: 'waitlist_offer',
      ref: freed.id,
      title: `Offer ${staffDateTime(freed.date, freed.time)} with ${providerName} to ${who}`,
      detail: matches.map((m) => displayName(m.patientName)).join(', '),
      link: '/app/schedule/waitlist',
      assignee: { role: 'staff' },
      dueDate: freed.date,
      priority: 'high',
      expiresAt: new Date(freed.start),
    },
    now,
  );
}

/** "Lovelace, Ada" reads as "Ada Lovelace" in a sentence. */
function displayName(lastFirst: string): string {
  const [last, first] = lastFirst.split(', ');
  return first ? `${first} ${last}` : lastFirst;
}
