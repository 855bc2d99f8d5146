import type { SwapRequest, SwapSettings } from '../../shared/schemas/hr-swaps.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * Swap requests' storage: each request in the practice's swap partition (newest last by ULID), and
 * a marker per shift while its request is pending, created with the request and deleted with the
 * decision, so a shift has one pending request at a time; and the practice's swap settings.
 */

export type StoredSwap = SwapRequest & { shiftVersion: number };

const MAX_REQUESTS = 3000;

export const swapsRepo = {
  async get(db: TenantDb, id: string): Promise<StoredSwap | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.swapRequest(db, id));
    return item ? strip<StoredSwap>(item) : undefined;
  },

  /** Every request, newest first: one Query paged through, bounded (filtered and paged in memory). */
  async all(db: TenantDb): Promise<StoredSwap[]> {
    const items: StoredSwap[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.swapPartition(db),
        skPrefix: tenantKeys.swapRequestPrefix,
        limit: 1000,
        newestFirst: true,
        cursor,
      });
      items.push(...page.items.map((i) => strip<StoredSwap>(i)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_REQUESTS);
    return items;
  },

  createOps(db: TenantDb, r: StoredSwap): WriteOp[] {
    return [
      { kind: 'create', item: { ...tenantKeys.swapRequest(db, r.id), type: 'hr_swap', ...r } },
      {
        kind: 'create',
        item: { ...tenantKeys.swapPendingShift(db, r.shiftId), type: 'hr_swap_pending', requestId: r.id },
        onFail: () => conflict('A swap of this shift is already waiting for a manager'),
      },
    ];
  },

  /** The practice's settings: off (version 0) until saved. */
  async settings(db: TenantDb): Promise<SwapSettings> {
    const item = await db.get<SwapSettings>(tenantKeys.swapSettings(db));
    return { colleagueAccepts: item?.colleagueAccepts ?? false, version: item?.version ?? 0 };
  },

  settingsOp(db: TenantDb, colleagueAccepts: boolean, readVersion: number): WriteOp {
    if (readVersion === 0) {
      return {
        kind: 'create',
        item: { ...tenantKeys.swapSettings(db), type: 'hr_swap_settings', colleagueAccepts, version: 1 },
        onFail: staleVersion,
      };
    }
    return {
      kind: 'update',
      key: tenantKeys.swapSettings(db),
      set: { colleagueAccepts },
      expectedVersion: readVersion,
      onFail: staleVersion,
    };
  },

  /** The colleague's answer moves the request on (it stays waiting: the shift's marker stays). */
  updateOp(db: TenantDb, r: StoredSwap, set: Partial<StoredSwap>): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.swapRequest(db, r.id),
      set,
      expectedVersion: r.version,
      onFail: staleVersion,
    };
  },

  /** The request's outcome at the version read; the shift's pending marker goes with it. */
  settleOps(db: TenantDb, r: StoredSwap, set: Partial<StoredSwap>): WriteOp[] {
    return [
      {
        kind: 'update',
        key: tenantKeys.swapRequest(db, r.id),
        set,
        expectedVersion: r.version,
        onFail: staleVersion,
      },
      { kind: 'delete', key: tenantKeys.swapPendingShift(db, r.shiftId) },
    ];
  },
};
