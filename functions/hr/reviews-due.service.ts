/**
 * The reviews due list: each current person's open review, or their next one not started (90 days
 * after hire, then each anniversary), filtered, sorted and paged in memory from two Queries.
 */

import { nextDueReview, reviewKindOf } from '../../shared/hr/review-cycles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { ReviewDueQuery, ReviewDueRow } from '../../shared/schemas/hr-reviews.ts';
import { addDays } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import { reviewsRepo } from './reviews.repo.ts';
import { practiceDay } from './reviews.service.ts';
import { staffRepo } from './staff.repo.ts';

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

const STATUS_ORDER = ['not_started', 'self_review', 'manager_review', 'acknowledgment', 'done'];
const SORTERS: Record<NonNullable<ReviewDueQuery['sort']>, (a: ReviewDueRow, b: ReviewDueRow) => number> = {
  dueDate: (a, b) => a.dueDate.localeCompare(b.dueDate),
  name: (a, b) => a.staffName.localeCompare(b.staffName),
  status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
};

/**
 * Each current person's open review, or their next one not started, filtered, sorted and paged:
 * the directory and the review summaries, two Queries (the page is cut from them).
 */
export async function listDue(db: TenantDb, q: ReviewDueQuery, limit: number): Promise<Page<ReviewDueRow>> {
  const [staff, people, { today }] = await Promise.all([
    staffRepo.all(db),
    reviewsRepo.people(db),
    practiceDay(db),
  ]);
  const byStaff = new Map(people.map((p) => [p.staffId, p]));
  const rows: ReviewDueRow[] = staff
    .filter((s) => s.status === 'active')
    .map((s) => {
      const p = byStaff.get(s.id);
      const base = {
        staffId: s.id,
        staffName: fullName(s),
        jobTitle: s.jobTitle,
        staffRole: s.staffRole,
        hireDate: s.hireDate,
      };
      if (p?.open) {
        const { reviewId, status, cycle, dueDate } = p.open;
        return {
          ...base,
          cycle,
          kind: reviewKindOf(cycle),
          dueDate,
          overdue: dueDate < today,
          status,
          reviewId,
        };
      }
      const next = nextDueReview(s.hireDate, p?.cycles ?? [], today);
      return { ...base, ...next, status: 'not_started' as const };
    })
    .filter((r) => {
      if (q.show === 'overdue') return r.overdue;
      if (q.show === 'next_30_days') return r.overdue || r.dueDate <= addDays(today, 30);
      return true;
    });
  const sorter = SORTERS[q.sort ?? 'dueDate'];
  const dir = q.dir === 'desc' ? -1 : 1;
  rows.sort((a, b) => dir * sorter(a, b) || a.dueDate.localeCompare(b.dueDate) || SORTERS.name(a, b));
  const signature = JSON.stringify(['reviews-due', q.sort, q.dir, q.show]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  return {
    items: rows.slice(start, end),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}
