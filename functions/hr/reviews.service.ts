/**
 * Performance reviews: a 90-day review after hire, then one each hire anniversary
 * (shared/hr/review-cycles.ts). A manager opens a person's next due review; the person (when they
 * have a Rounds login) fills in a self-review, a manager reviews (never their own), and the person
 * signs off, with a comment if they like. The due date is on the due queue with alerts for the
 * managers (30 and 7 days ahead and on the day), re-planned to the next cycle once the manager's
 * review is in; the self-review and the sign-off are Today items for the person.
 * Owners and managers see everyone's reviews; a person sees their own, never the private notes.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today and zone).
 */
import { nextDueReview, reviewDueDate, reviewKindOf } from '../../shared/hr/review-cycles.ts';
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import {
  REVIEW_KIND_LABELS,
  type Review,
  type ReviewAcknowledge,
  type ReviewListQuery,
  type ReviewManager,
  type ReviewSelf,
  type ReviewStart,
} from '../../shared/schemas/hr-reviews.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { dueThingId, loadDueThing, mergeQueueMarkers, planDueDateOps } from '../platform/due/due-dates.ts';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { closeIfOpenOps, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { type ReviewPerson, reviewsRepo, type StoredReview } from './reviews.repo.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';

/** Managers hear of a review this many days ahead, and on the day. */
export const REVIEW_ALERT_DAYS = [30, 7, 0] as const;
const LINK = '/app/hr/reviews';

export interface Caller {
  userId: string;
  role: Role;
}
const isAdmin = (c: Caller) => inRoleGroup(c.role, 'practiceAdmins');
const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const reviewLink = (id: string) => `${LINK}?review=${id}`;
const selfItemId = (id: string) => todayItemId('hr', 'review_self', id);
const ackItemId = (id: string) => todayItemId('hr', 'review_ack', id);

/** The practice's today and time zone. */
export async function practiceDay(db: TenantDb): Promise<{ today: string; timeZone: string }> {
  const tenant = await getTenant(db);
  return { today: localParts(db.now().getTime(), tenant.timeZone).date, timeZone: tenant.timeZone };
}

/** The review as this caller may see it: the private notes never reach the person reviewed. */
function forViewer(r: StoredReview, caller: Caller, ownStaffId: string | undefined): Review {
  if (isAdmin(caller) && ownStaffId !== r.staffId) return r;
  const { privateNotes: _p, ...rest } = r;
  return rest;
}

/** One person's reviews, newest first: a manager's pick, anyone else's own whatever they ask. */
export async function listReviews(
  db: TenantDb,
  caller: Caller,
  q: ReviewListQuery,
  limit: number,
): Promise<Page<Review>> {
  const own = await staffRepo.idByUser(db, caller.userId);
  const staffId = isAdmin(caller) ? (q.staffId ?? own) : own;
  if (!staffId) {
    // No directory entry, so no list: a cursor for it cannot have been issued.
    if (q.cursor) throw badRequest('The page cursor is invalid or belongs to another list');
    return { items: [], nextCursor: null };
  }
  const page = await reviewsRepo.pageOf(db, staffId, limit, q.cursor);
  return { items: page.items.map((r) => forViewer(r, caller, own)), nextCursor: page.nextCursor };
}

/** A review the caller may see (a manager: any; anyone else: their own), else 404. */
async function visibleReview(
  db: TenantDb,
  caller: Caller,
  id: string,
): Promise<{ review: StoredReview; own: string | undefined }> {
  const [review, own] = await Promise.all([reviewsRepo.get(db, id), staffRepo.idByUser(db, caller.userId)]);
  if (!review || (!isAdmin(caller) && review.staffId !== own)) throw notFound('Review');
  return { review, own };
}

export async function getReview(db: TenantDb, caller: Caller, id: string): Promise<Review> {
  const { review, own } = await visibleReview(db, caller, id);
  return forViewer(review, caller, own);
}

/** The managers' due alert for the person's review: planned for `dueDate`, its open alert closed. */
async function alertOps(
  db: TenantDb,
  person: StoredStaff,
  cycle: number,
  timeZone: string,
  closeOpen: boolean,
): Promise<{ ops: WriteOp[]; platformOps: WriteOp[] }> {
  const existing = await loadDueThing(db, 'hr', 'review', person.id);
  const planned = planDueDateOps(
    db,
    existing,
    {
      source: 'hr',
      kind: 'review',
      ref: person.id,
      title: `${fullName(person)}'s ${REVIEW_KIND_LABELS[reviewKindOf(cycle)].toLowerCase()}`,
      verb: 'is due',
      link: LINK,
      owner: { role: 'manager' },
      dueDate: reviewDueDate(person.hireDate, cycle),
      timeZone,
      offsets: REVIEW_ALERT_DAYS,
    },
    db.now(),
  );
  const close =
    closeOpen && existing?.itemRaised
      ? await closeIfOpenOps(db, [dueThingId('hr', 'review', person.id)])
      : [];
  return { ops: [...planned.ops, ...close], platformOps: mergeQueueMarkers(planned.platformOps) };
}

/** Opens the person's next due review: a self-review for them (with a login), else the manager's. */
export async function startReview(db: TenantDb, caller: Caller, input: ReviewStart): Promise<Review> {
  const person = await staffRepo.get(db, input.staffId);
  if (!person) throw notFound('Person');
  if (person.status !== 'active') throw badRequest(`${fullName(person)} no longer works here`);
  const [summary, { today, timeZone }] = await Promise.all([
    reviewsRepo.person(db, person.id),
    practiceDay(db),
  ]);
  if (summary?.open)
    throw conflict(`${fullName(person)} already has a review under way: finish that one first`);
  const next = nextDueReview(person.hireDate, summary?.cycles ?? [], today);
  const now = db.now().toISOString();
  const review: StoredReview = {
    id: newId(),
    staffId: person.id,
    staffName: fullName(person),
    cycle: next.cycle,
    kind: next.kind,
    dueDate: next.dueDate,
    status: person.userId ? 'self_review' : 'manager_review',
    hasLogin: Boolean(person.userId),
    startedAt: now,
    startedBy: db.actor.name,
    version: 1,
  };
  const label = REVIEW_KIND_LABELS[review.kind];
  const selfItem = person.userId
    ? [
        raiseTodayItemOp(
          db,
          {
            source: 'hr',
            kind: 'review_self',
            ref: review.id,
            title: `Fill in your self-review (${label.toLowerCase()})`,
            detail: 'Rate yourself in each area and note your goals; your manager reviews next.',
            link: reviewLink(review.id),
            assignee: { userId: person.userId, name: fullName(person) },
            dueDate: [review.dueDate, today].sort()[1] ?? today,
            remindFrom: today,
          },
          db.now(),
        ),
      ]
    : [];
  const alerts = await alertOps(db, person, next.cycle, timeZone, false);
  await db.writeWithPlatformItems(
    [
      reviewsRepo.createOp(db, review),
      reviewsRepo.personOp(
        db,
        {
          staffId: person.id,
          cycles: [...new Set([...(summary?.cycles ?? []), next.cycle])].sort((a, b) => a - b),
          open: { reviewId: review.id, status: review.status, cycle: review.cycle, dueDate: review.dueDate },
        },
        summary,
      ),
      ...selfItem,
      ...alerts.ops,
    ],
    alerts.platformOps,
    {
      action: 'hr.review_started',
      entityType: 'hr_review',
      entityId: review.id,
      entityName: review.staffName,
      summary: `Opened ${review.staffName}'s ${label.toLowerCase()} (due ${review.dueDate})`,
    },
  );
  return forViewer(review, caller, undefined);
}

/** The summary op after a review moves on: its open status, or none once done. */
async function summaryOp(db: TenantDb, next: StoredReview): Promise<WriteOp> {
  const summary = await reviewsRepo.person(db, next.staffId);
  if (summary?.open?.reviewId !== next.id) throw conflict('This review is no longer the open one');
  const rest: Omit<ReviewPerson, 'version'> = { staffId: next.staffId, cycles: summary.cycles };
  return reviewsRepo.personOp(
    db,
    next.status === 'done'
      ? rest
      : {
          ...rest,
          open: { reviewId: next.id, status: next.status, cycle: next.cycle, dueDate: next.dueDate },
        },
    summary,
  );
}

/** The person's self-review: theirs alone to write, while it waits for them. */
export async function submitSelf(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: ReviewSelf,
): Promise<Review> {
  const { review, own } = await visibleReview(db, caller, id);
  if (review.staffId !== own) throw forbidden('Only the person reviewed writes their self-review');
  if (review.version !== input.version) throw staleVersion();
  if (review.status !== 'self_review')
    throw badRequest('The self-review is closed: the manager has taken over');
  const set = {
    status: 'manager_review' as const,
    selfReview: { form: input.form, submittedAt: db.now().toISOString(), submittedBy: db.actor.name },
  };
  const next = { ...review, ...set, version: review.version + 1 };
  const close = await closeIfOpenOps(db, [selfItemId(review.id)]);
  await db.write([reviewsRepo.updateOp(db, review, set), await summaryOp(db, next), ...close], {
    action: 'hr.review_self_submitted',
    entityType: 'hr_review',
    entityId: review.id,
    entityName: review.staffName,
    summary: `${review.staffName} sent their self-review`,
  });
  return forViewer(next, caller, own);
}

/**
 * The manager's review (never of themselves); a self-review still waiting is closed unwritten. The
 * person is asked to sign off (with a login), and the managers' alert moves to the next cycle.
 */
export async function submitManager(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: ReviewManager,
): Promise<Review> {
  const { review, own } = await visibleReview(db, caller, id);
  if (review.staffId === own) throw forbidden('Your own review is written by the owner or another manager');
  if (review.version !== input.version) throw staleVersion();
  if (review.status !== 'self_review' && review.status !== 'manager_review') {
    throw badRequest('The manager review is already in');
  }
  const person = await staffRepo.get(db, review.staffId);
  if (!person) throw notFound('Person');
  const { today, timeZone } = await practiceDay(db);
  const status = review.hasLogin && person.userId ? ('acknowledgment' as const) : ('done' as const);
  const set = {
    status,
    managerReview: { form: input.form, submittedAt: db.now().toISOString(), submittedBy: db.actor.name },
    ...(input.privateNotes ? { privateNotes: input.privateNotes } : {}),
  };
  const next = { ...review, ...set, version: review.version + 1 };
  const ask =
    status === 'acknowledgment' && person.userId
      ? [
          raiseTodayItemOp(
            db,
            {
              source: 'hr',
              kind: 'review_ack',
              ref: review.id,
              title: `Read and sign off your ${REVIEW_KIND_LABELS[review.kind].toLowerCase()}`,
              detail: `${db.actor.name} has written your review; add a comment if you like.`,
              link: reviewLink(review.id),
              assignee: { userId: person.userId, name: fullName(person) },
              dueDate: addDays(today, 7),
              remindFrom: today,
            },
            db.now(),
          ),
        ]
      : [];
  const summary = await reviewsRepo.person(db, review.staffId);
  const upcoming = nextDueReview(person.hireDate, summary?.cycles ?? [review.cycle], today);
  const [close, alerts] = await Promise.all([
    closeIfOpenOps(db, [selfItemId(review.id)]),
    alertOps(db, person, upcoming.cycle, timeZone, true),
  ]);
  await db.writeWithPlatformItems(
    [reviewsRepo.updateOp(db, review, set), await summaryOp(db, next), ...close, ...ask, ...alerts.ops],
    alerts.platformOps,
    {
      action: 'hr.review_manager_submitted',
      entityType: 'hr_review',
      entityId: review.id,
      entityName: review.staffName,
      summary: `Wrote ${review.staffName}'s ${REVIEW_KIND_LABELS[review.kind].toLowerCase()}`,
    },
  );
  return forViewer(next, caller, own);
}

/** The person signs off their review (read, with a comment if they like): it is done. */
export async function acknowledgeReview(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: ReviewAcknowledge,
): Promise<Review> {
  const { review, own } = await visibleReview(db, caller, id);
  if (review.staffId !== own) throw forbidden('Only the person reviewed signs off their review');
  if (review.version !== input.version) throw staleVersion();
  if (review.status !== 'acknowledgment') throw badRequest('This review is not waiting for your sign-off');
  const set = {
    status: 'done' as const,
    acknowledgment: {
      at: db.now().toISOString(),
      by: db.actor.name,
      ...(input.comment ? { comment: input.comment } : {}),
    },
  };
  const next = { ...review, ...set, version: review.version + 1 };
  const close = await closeIfOpenOps(db, [ackItemId(review.id)]);
  await db.write([reviewsRepo.updateOp(db, review, set), await summaryOp(db, next), ...close], {
    action: 'hr.review_acknowledged',
    entityType: 'hr_review',
    entityId: review.id,
    entityName: review.staffName,
    summary: `${review.staffName} signed off their ${REVIEW_KIND_LABELS[review.kind].toLowerCase()}`,
  });
  return forViewer(next, caller, own);
}

/**
 * Reviews done before the practice used Rounds: cycles 0 to `lastCycle` count as reviewed, so the
 * due list starts from the next one. Only for a person with no review in Rounds yet (the demo seed).
 */
export async function carryInReviews(db: TenantDb, staffId: string, lastCycle: number): Promise<void> {
  const person = await staffRepo.get(db, staffId);
  if (!person) throw notFound('Person');
  const summary = await reviewsRepo.person(db, staffId);
  if (summary || lastCycle < 0) return;
  const cycles = Array.from({ length: lastCycle + 1 }, (_, i) => i);
  await db.write([reviewsRepo.personOp(db, { staffId, cycles }, undefined)], {
    action: 'hr.reviews_carried_in',
    entityType: 'staff',
    entityId: staffId,
    entityName: fullName(person),
    summary: `Reviews before Rounds recorded for ${fullName(person)} through ${reviewDueDate(person.hireDate, lastCycle)}`,
  });
}
