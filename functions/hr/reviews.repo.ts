import type { Review } from '../../shared/schemas/hr-reviews.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * Reviews' storage: each review by id (GSI1: one person's by due date) and one summary item per
 * person (the cycles reviewed and the open review), written in the same transaction as the review,
 * at its version: two managers opening the same person's review at once cannot both succeed.
 */

export type StoredReview = Review;

export interface ReviewPerson {
  staffId: string;
  cycles: number[];
  open?: { reviewId: string; status: Review['status']; cycle: number; dueDate: string };
  version: number;
}

const MAX_PEOPLE = 2000;

export const reviewsRepo = {
  async get(db: TenantDb, id: string): Promise<StoredReview | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.review(db, id));
    return item ? strip<StoredReview>(item) : undefined;
  },

  async person(db: TenantDb, staffId: string): Promise<ReviewPerson | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.reviewPerson(db, staffId));
    return item ? strip<ReviewPerson>(item) : undefined;
  },

  /** Every person's summary: one Query, bounded by the directory's size. */
  async people(db: TenantDb): Promise<ReviewPerson[]> {
    const items: ReviewPerson[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.reviewPartition(db),
        skPrefix: tenantKeys.reviewPersonPrefix,
        limit: 1000,
        cursor,
      });
      items.push(...page.items.map((i) => strip<ReviewPerson>(i)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_PEOPLE);
    return items;
  },

  /** A page of one person's reviews, newest due date first. */
  async pageOf(db: TenantDb, staffId: string, limit: number, cursor?: string) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.reviewsOfStaff(db, staffId),
      index: 'GSI1',
      limit,
      cursor,
      newestFirst: true,
    });
    return { items: page.items.map((i) => strip<StoredReview>(i)), nextCursor: page.nextCursor };
  },

  createOp(db: TenantDb, r: StoredReview): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.review(db, r.id),
        ...tenantKeys.reviewIndexes(db, r.staffId, r.dueDate, r.id),
        type: 'hr_review',
        ...r,
      },
    };
  },

  updateOp(db: TenantDb, r: StoredReview, set: Partial<StoredReview>): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.review(db, r.id),
      set,
      expectedVersion: r.version,
      onFail: staleVersion,
    };
  },

  /** Writes the person's summary at the version read (absent: created). */
  personOp(db: TenantDb, next: Omit<ReviewPerson, 'version'>, previous: ReviewPerson | undefined): WriteOp {
    const key = tenantKeys.reviewPerson(db, next.staffId);
    const taken = () => conflict('Someone else changed this person’s reviews just now: load the page again');
    if (!previous) {
      return {
        kind: 'create',
        item: { ...key, type: 'hr_review_person', ...next, version: 1 },
        onFail: taken,
      };
    }
    return {
      kind: 'update',
      key,
      set: { cycles: next.cycles, ...(next.open ? { open: next.open } : {}) },
      remove: next.open ? [] : ['open'],
      expectedVersion: previous.version,
      onFail: taken,
    };
  },
};
