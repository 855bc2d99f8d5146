import type { TodayItem } from '../../shared/schemas/today.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

/** A stored item: the DTO plus the TTL of items that stop mattering. */
export type StoredItem = TodayItem & { expiresAt?: number };

export interface TodayPreferenceItem {
  userId: string;
  digest: boolean;
}

/** More open items than this in one practice means the inbox is not being used; the rest wait. */
export const OPEN_READ_LIMIT = 1000;

export const todayRepo = {
  get: (db: TenantDb, id: string) => db.get<StoredItem>(tenantKeys.todayItem(db, id)),
  /** Every open item of the practice, by due date: one Query, whatever was done before. */
  open: (db: TenantDb) =>
    db.query<StoredItem>({
      partition: tenantKeys.todayOpenPartition(db),
      index: 'GSI1',
      limit: OPEN_READ_LIMIT,
    }),
  /** Done items newest first; `q` (lowercase) filters on the item's words. */
  done: (db: TenantDb, page: { limit: number; cursor?: string }, q?: string) =>
    db.query<StoredItem>({
      partition: tenantKeys.todayDonePartition(db),
      index: 'GSI2',
      newestFirst: true,
      ...page,
      filter: q
        ? { expression: 'contains(#text, :q)', names: { '#text': 'searchText' }, values: { ':q': q } }
        : undefined,
    }),
  createOp: (item: Record<string, unknown> & { PK: string; SK: string }): WriteOp => ({
    kind: 'create',
    item,
  }),
  /** Everyone's preferences in the practice (few: one per person who changed one). */
  preferences: (db: TenantDb) =>
    db.query<TodayPreferenceItem>({
      partition: tenantKeys.todayPreferences(db, '').PK,
      skPrefix: tenantKeys.todayPreferencesPrefix,
      limit: 100,
    }),
  getPreferences: (db: TenantDb, userId: string) =>
    db.get<TodayPreferenceItem>(tenantKeys.todayPreferences(db, userId)),
  putPreferencesOp: (db: TenantDb, userId: string, digest: boolean): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.todayPreferences(db, userId), type: 'today_preferences', userId, digest },
  }),
  /** Whose digest of this local day went out already. */
  digestsSent: (db: TenantDb, date: string) =>
    db.query<{ SK: string }>({ partition: tenantKeys.todayDigestsOfDay(db, date), limit: 100 }),
  updateOp: (
    db: TenantDb,
    id: string,
    set: Record<string, unknown>,
    version: number,
    remove?: string[],
  ): WriteOp => ({
    kind: 'update',
    key: tenantKeys.todayItem(db, id),
    set,
    remove,
    expectedVersion: version,
  }),
};
