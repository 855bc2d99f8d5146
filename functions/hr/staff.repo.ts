import type { Staff } from '../../shared/schemas/hr.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * The staff directory's storage: one partition per practice holding each person's item and, for a
 * person with a Rounds login, a login item pointing at them (one login, one person: both are
 * written in one transaction, the login item conditioned on not existing).
 */

/** A person as stored: the wire shape less what is derived when answering (name, manager's name). */
export type StoredStaff = Omit<Staff, 'name' | 'managerName'> & { updatedAt: string };

/** More people than any practice Rounds serves has: bounds a pathological partition. */
const MAX_STAFF = 2000;

const loginTaken = () => conflict('That login already belongs to another person in the directory');

export const staffRepo = {
  /** Everyone, current and former, in one paged read of the partition. */
  async all(db: TenantDb): Promise<StoredStaff[]> {
    const items: StoredStaff[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.staffPartition(db),
        skPrefix: tenantKeys.staffPrefix,
        limit: 1000,
        cursor,
      });
      items.push(...page.items.map((i) => strip<StoredStaff>(i)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_STAFF);
    return items;
  },

  async get(db: TenantDb, id: string): Promise<StoredStaff | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.staff(db, id));
    return item ? strip<StoredStaff>(item) : undefined;
  },

  /** The person a login belongs to, if the directory has one. */
  async idByUser(db: TenantDb, userId: string): Promise<string | undefined> {
    const item = await db.get<{ staffId: string }>(tenantKeys.staffByUser(db, userId));
    return item?.staffId;
  },

  /** Writes the person whole (version 1: new), moving the login item when the login changed. */
  saveOps(db: TenantDb, next: StoredStaff, previous: StoredStaff | undefined): WriteOp[] {
    const ops: WriteOp[] = [];
    if (previous?.userId && previous.userId !== next.userId) {
      ops.push({ kind: 'delete', key: tenantKeys.staffByUser(db, previous.userId) });
    }
    if (next.userId && next.userId !== previous?.userId) {
      ops.push({
        kind: 'create',
        item: { ...tenantKeys.staffByUser(db, next.userId), type: 'staff_login', staffId: next.id },
        onFail: loginTaken,
      });
    }
    const key = tenantKeys.staff(db, next.id);
    if (!previous) {
      ops.push({ kind: 'create', item: { ...key, type: 'staff', ...next }, onFail: staleVersion });
      return ops;
    }
    const { version: _v, id: _id, ...fields } = next;
    const cleared = OPTIONAL_FIELDS.filter((f) => next[f] === undefined && previous[f] !== undefined);
    ops.push({
      kind: 'update',
      key,
      set: fields,
      remove: [...cleared],
      expectedVersion: previous.version,
      onFail: staleVersion,
    });
    return ops;
  },
};

const OPTIONAL_FIELDS = [
  'userId',
  'email',
  'phone',
  'managerId',
  'endDate',
  'endReason',
  'pay',
  'payrollFileNumber',
  'emergencyContact',
] as const;
