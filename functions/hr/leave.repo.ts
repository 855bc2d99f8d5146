import type { LeaveCaseOpen, LeaveKeyDate, LeaveNote } from '../../shared/schemas/hr-leave.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';

/**
 * Leave cases' storage: each case one item (its leave entries inside it, bounded), all of a
 * practice's cases in one partition and one person's on GSI1; the owner's notes apart, per case.
 */

export interface StoredLeaveEntry {
  id: string;
  start: string;
  end: string;
  hoursPerDay: number;
  addedAt: string;
  addedBy: string;
}

/** What the case keeps: the eligibility inputs and outcome as they were on the day it opened. */
export interface StoredLeaveCase {
  id: string;
  staffId: string;
  staffName: string;
  kind: LeaveCaseOpen['kind'];
  reason: LeaveCaseOpen['reason'];
  schedule: LeaveCaseOpen['schedule'];
  requestedOn: string;
  startDate: string;
  expectedReturnDate?: string;
  status: 'open' | 'closed';
  returnDate?: string;
  eligibility: {
    fmla: {
      eligible: boolean;
      reasons: { rule: string; met: boolean; detail: string }[];
      employeesWithin75Miles: number;
      hoursWorkedLast12Months: number;
      hoursEstimated: boolean;
    };
    ada: { covered: boolean; detail: string; employeeCount: number };
  };
  entries: StoredLeaveEntry[];
  keyDates: Omit<LeaveKeyDate, 'overdue'>[];
  openedAt: string;
  openedBy: string;
  closedAt?: string;
  closedBy?: string;
  version: number;
}

/** A case holds at most this many entries (a year of intermittent days fits twice over). */
export const MAX_LEAVE_ENTRIES = 500;
const MAX_CASES = 2000;

const queryAll = async (
  db: TenantDb,
  opts: { partition: string; skPrefix?: string; index?: 'GSI1' },
): Promise<StoredLeaveCase[]> => {
  const items: StoredLeaveCase[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ ...opts, limit: 500, cursor });
    items.push(...page.items.map((i) => strip<StoredLeaveCase>(i)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_CASES);
  return items;
};

export const leaveRepo = {
  async get(db: TenantDb, id: string): Promise<StoredLeaveCase | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.leaveCase(db, id));
    return item ? strip<StoredLeaveCase>(item) : undefined;
  },

  /** Every case of the practice: one Query (paged through), bounded. */
  all(db: TenantDb): Promise<StoredLeaveCase[]> {
    return queryAll(db, { partition: tenantKeys.leavePartition(db), skPrefix: tenantKeys.leaveCasePrefix });
  },

  /** One person's cases, by first day. */
  ofStaff(db: TenantDb, staffId: string): Promise<StoredLeaveCase[]> {
    return queryAll(db, { partition: tenantKeys.leaveCasesOfStaff(db, staffId), index: 'GSI1' });
  },

  createOp(db: TenantDb, c: StoredLeaveCase): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.leaveCase(db, c.id),
        ...tenantKeys.leaveCaseIndexes(db, c.staffId, c.startDate, c.id),
        type: 'hr_leave_case',
        ...c,
      },
    };
  },

  updateOp(
    db: TenantDb,
    c: StoredLeaveCase,
    set: Partial<StoredLeaveCase>,
    expectedVersion: number,
  ): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.leaveCase(db, c.id),
      set,
      expectedVersion,
      onFail: staleVersion,
    };
  },

  noteOp(db: TenantDb, caseId: string, note: LeaveNote): WriteOp {
    return {
      kind: 'create',
      item: { ...tenantKeys.leaveNote(db, caseId, note.at, note.id), type: 'hr_leave_note', ...note },
    };
  },

  /** A page of the case's notes, newest first. */
  async notes(db: TenantDb, caseId: string, limit: number, cursor?: string) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.leaveNotePartition(db, caseId),
      limit,
      cursor,
      newestFirst: true,
    });
    return { items: page.items.map((i) => strip<LeaveNote>(i)), nextCursor: page.nextCursor };
  },
};
