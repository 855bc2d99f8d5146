import type { TimeOffKind, TimeOffPolicy, TimeOffRequest } from '../../shared/schemas/hr-time-off.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';

/**
 * Time off's storage, one partition per practice: the two policies, each request by id (GSI1 by
 * first day across the practice, GSI2 by person and first day) and each person's opening balances.
 */

/** A policy as stored (its sentence is derived when answering). */
export type StoredPolicy = Omit<TimeOffPolicy, 'text'>;

/** A balance carried in from before Rounds: the hours on a date. */
export interface OpeningBalance {
  date: string;
  hours: number;
}
export type Openings = Partial<Record<TimeOffKind, OpeningBalance>>;

/** A person's requests in a year are tens at most; this bounds a pathological read. */
const MAX_READ = 5000;

async function readAll(db: TenantDb, opts: Parameters<TenantDb['query']>[0]): Promise<TimeOffRequest[]> {
  const items: TimeOffRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ ...opts, cursor });
    items.push(...page.items.map((i) => strip<TimeOffRequest>(i)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_READ);
  return items;
}

/** Only requests in one status (the store reads on to fill the page). */
const statusFilter = (status: string | undefined) =>
  status
    ? {
        filter: {
          expression: '#status = :status',
          names: { '#status': 'status' },
          values: { ':status': status },
        },
      }
    : {};

export const timeOffRepo = {
  async policies(db: TenantDb): Promise<StoredPolicy[]> {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.timeOffPartition(db),
      skPrefix: tenantKeys.timeOffPolicyPrefix,
      limit: 10,
    });
    return page.items.map((i) => strip<StoredPolicy>(i));
  },

  policyOp(db: TenantDb, policy: StoredPolicy, readVersion: number): WriteOp {
    const key = tenantKeys.timeOffPolicy(db, policy.kind);
    if (readVersion === 0) {
      return {
        kind: 'create',
        item: { ...key, type: 'time_off_policy', ...policy, version: 1 },
        onFail: staleVersion,
      };
    }
    const { version: _v, ...fields } = policy;
    const cleared = POLICY_OPTIONAL.filter((f) => policy[f] === undefined);
    return {
      kind: 'update',
      key,
      set: fields,
      remove: [...cleared],
      expectedVersion: readVersion,
      onFail: staleVersion,
    };
  },

  async get(db: TenantDb, id: string): Promise<TimeOffRequest | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.timeOffRequest(db, id));
    return item ? strip<TimeOffRequest>(item) : undefined;
  },

  /** A page of the practice's requests by first day (from `from` on). */
  async page(db: TenantDb, range: [string, string], limit: number, cursor?: string, status?: string) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.timeOffByDay(db),
      index: 'GSI1',
      skBetween: range,
      limit,
      cursor,
      ...statusFilter(status),
    });
    return { items: page.items.map((i) => strip<TimeOffRequest>(i)), nextCursor: page.nextCursor };
  },

  /** A page of one person's requests by first day. */
  async pageOf(
    db: TenantDb,
    staffId: string,
    range: [string, string],
    limit: number,
    cursor?: string,
    status?: string,
  ) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.timeOffByStaff(db, staffId),
      index: 'GSI2',
      skBetween: range,
      limit,
      cursor,
      ...statusFilter(status),
    });
    return { items: page.items.map((i) => strip<TimeOffRequest>(i)), nextCursor: page.nextCursor };
  },

  /** Every request of one person (their balance walks them all). */
  ofStaff(db: TenantDb, staffId: string): Promise<TimeOffRequest[]> {
    return readAll(db, {
      partition: tenantKeys.timeOffByStaff(db, staffId),
      index: 'GSI2',
      limit: 1000,
    });
  },

  /** Every request whose first day is in [from, to] across the practice (who else is off). */
  startingBetween(db: TenantDb, from: string, to: string): Promise<TimeOffRequest[]> {
    return readAll(db, {
      partition: tenantKeys.timeOffByDay(db),
      index: 'GSI1',
      skBetween: tenantKeys.timeOffRange(from, to),
      limit: 1000,
    });
  },

  createOp(db: TenantDb, r: TimeOffRequest): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.timeOffRequest(db, r.id),
        ...tenantKeys.timeOffRequestIndexes(db, r.staffId, r.startDate, r.id),
        type: 'time_off_request',
        ...r,
      },
    };
  },

  updateOp(db: TenantDb, r: TimeOffRequest, set: Partial<TimeOffRequest>): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.timeOffRequest(db, r.id),
      set,
      expectedVersion: r.version,
      onFail: staleVersion,
    };
  },

  async openings(db: TenantDb, staffId: string): Promise<Openings> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.timeOffOpening(db, staffId));
    if (!item) return {};
    const { pto, sick } = item as Openings;
    return { ...(pto ? { pto } : {}), ...(sick ? { sick } : {}) };
  },

  openingsOp(db: TenantDb, staffId: string, openings: Openings): WriteOp {
    return {
      kind: 'put',
      item: { ...tenantKeys.timeOffOpening(db, staffId), type: 'time_off_opening', staffId, ...openings },
    };
  },
};

const POLICY_OPTIONAL = [
  'hoursWorkedPerHour',
  'hoursPerPeriod',
  'payPeriod',
  'payPeriodAnchor',
  'yearlyCapHours',
  'balanceCapHours',
  'carryoverCapHours',
] as const;
