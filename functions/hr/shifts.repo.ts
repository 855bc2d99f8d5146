import type { Shift, StaffingRuleInput } from '../../shared/schemas/hr-shifts.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';

/**
 * The shift schedule's storage: each shift by id with two index copies (a location's days, a
 * person's days), each location-week's publication and each location's staffing rules.
 */

export interface StoredRules {
  locationId: string;
  rules: StaffingRuleInput[];
  version: number;
}

export interface PublishedWeek {
  locationId: string;
  weekStart: string;
  publishedAt: string;
  publishedBy: string;
}

/** A week of a location holds a few hundred shifts at most; this bounds a pathological read. */
const MAX_READ = 5000;

async function readAll(db: TenantDb, opts: Parameters<TenantDb['query']>[0]): Promise<Shift[]> {
  const items: Shift[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ ...opts, cursor });
    items.push(...page.items.map((i) => strip<Shift>(i)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_READ);
  return items;
}

export const shiftRepo = {
  async get(db: TenantDb, id: string): Promise<Shift | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.shift(db, id));
    return item ? strip<Shift>(item) : undefined;
  },

  /** A location's shifts on days from `from` to `to`, by day and start. */
  ofLocation(db: TenantDb, locationId: string, from: string, to: string): Promise<Shift[]> {
    return readAll(db, {
      partition: tenantKeys.shiftsOfLocation(db, locationId),
      index: 'GSI1',
      skBetween: tenantKeys.shiftRange(from, to),
      limit: 1000,
    });
  },

  /** A person's shifts on days from `from` to `to`, every location. */
  ofStaff(db: TenantDb, staffId: string, from: string, to: string): Promise<Shift[]> {
    return readAll(db, {
      partition: tenantKeys.shiftsOfStaff(db, staffId),
      index: 'GSI2',
      skBetween: tenantKeys.shiftRange(from, to),
      limit: 1000,
    });
  },

  createOp(db: TenantDb, s: Shift): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.shift(db, s.id),
        ...tenantKeys.shiftIndexes(db, s.locationId, s.staffId, s.date, s.start, s.id),
        type: 'shift',
        ...s,
      },
    };
  },

  /** Replaces the shift whole at the version read (its index keys follow its day and person). */
  updateOp(db: TenantDb, previous: Shift, next: Shift): WriteOp {
    const { id: _id, version: _v, ...fields } = next;
    return {
      kind: 'update',
      key: tenantKeys.shift(db, next.id),
      set: {
        ...fields,
        ...tenantKeys.shiftIndexes(db, next.locationId, next.staffId, next.date, next.start, next.id),
      },
      remove: next.note === undefined && previous.note !== undefined ? ['note'] : [],
      expectedVersion: previous.version,
      onFail: staleVersion,
    };
  },

  /** Removes the shift (the service compared the version read); its index copies go with it. */
  deleteOp(db: TenantDb, s: Shift): WriteOp {
    return { kind: 'delete', key: tenantKeys.shift(db, s.id), mustExist: true, onFail: staleVersion };
  },

  async week(db: TenantDb, locationId: string, weekStart: string): Promise<PublishedWeek | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.shiftWeek(db, locationId, weekStart));
    return item ? strip<PublishedWeek>(item) : undefined;
  },

  publishOp(db: TenantDb, week: PublishedWeek): WriteOp {
    return {
      kind: 'put',
      item: { ...tenantKeys.shiftWeek(db, week.locationId, week.weekStart), type: 'shift_week', ...week },
    };
  },

  async rules(db: TenantDb, locationId: string): Promise<StoredRules> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.staffingRules(db, locationId));
    return item ? strip<StoredRules>(item) : { locationId, rules: [], version: 0 };
  },

  rulesOp(db: TenantDb, locationId: string, rules: StaffingRuleInput[], readVersion: number): WriteOp {
    const key = tenantKeys.staffingRules(db, locationId);
    if (readVersion === 0) {
      return {
        kind: 'create',
        item: { ...key, type: 'staffing_rules', locationId, rules, version: 1 },
        onFail: staleVersion,
      };
    }
    return { kind: 'update', key, set: { rules }, expectedVersion: readVersion, onFail: staleVersion };
  },
};
