import type { Attendance } from '../../shared/schemas/hr-attendance.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';

/**
 * Attendance's storage: one entry per shift, with index copies by day across the practice (a pay
 * period) and by person and day (the late-arrival pattern, a person's own entries).
 */

/** A pay period of a large practice holds a few thousand entries at most; bounds a pathological read. */
const MAX_READ = 10_000;

async function readAll(db: TenantDb, opts: Parameters<TenantDb['query']>[0]): Promise<Attendance[]> {
  const items: Attendance[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ ...opts, cursor });
    items.push(...page.items.map((i) => strip<Attendance>(i)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_READ);
  return items;
}

export const attendanceRepo = {
  async get(db: TenantDb, shiftId: string): Promise<Attendance | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.attendance(db, shiftId));
    return item ? strip<Attendance>(item) : undefined;
  },

  /** Everyone's entries on days from `from` to `to`. */
  between(db: TenantDb, from: string, to: string): Promise<Attendance[]> {
    return readAll(db, {
      partition: tenantKeys.attendanceByDay(db),
      index: 'GSI1',
      skBetween: tenantKeys.attendanceRange(from, to),
      limit: 1000,
    });
  },

  /** One person's entries on days from `from` to `to`. */
  ofStaff(db: TenantDb, staffId: string, from: string, to: string): Promise<Attendance[]> {
    return readAll(db, {
      partition: tenantKeys.attendanceOfStaff(db, staffId),
      index: 'GSI2',
      skBetween: tenantKeys.attendanceRange(from, to),
      limit: 1000,
    });
  },

  /** Writes the entry whole: new (conditioned on none existing) or at the version read. */
  saveOp(db: TenantDb, a: Attendance, readVersion: number): WriteOp {
    const item = {
      ...tenantKeys.attendance(db, a.shiftId),
      ...tenantKeys.attendanceIndexes(db, a.staffId, a.date, a.shiftId),
      type: 'attendance',
      ...a,
    };
    if (readVersion === 0) return { kind: 'create', item, onFail: staleVersion };
    const { PK: _pk, SK: _sk, version: _v, ...set } = item;
    const remove = (['lateMinutes', 'earlyMinutes', 'noShow', 'note'] as const).filter(
      (f) => a[f] === undefined,
    );
    return {
      kind: 'update',
      key: tenantKeys.attendance(db, a.shiftId),
      set,
      remove: [...remove],
      expectedVersion: readVersion,
      onFail: staleVersion,
    };
  },

  /** Removes the entry (the service compared the version read); its index copies go with it. */
  deleteOp(db: TenantDb, a: Attendance): WriteOp {
    return {
      kind: 'delete',
      key: tenantKeys.attendance(db, a.shiftId),
      mustExist: true,
      onFail: staleVersion,
    };
  },
};
