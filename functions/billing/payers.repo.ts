import type { Page } from '../../shared/schemas/common.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';
import { type FeeEntry, type FeeLookup, feeLookup } from './contract-pricing.ts';

/** The rules and contract kept per payer. */
export interface StoredPayerSettings {
  payerId: string;
  /** Days after a denial to file an appeal. */
  appealDays: number;
  /** Days after the date of service to file a claim. */
  timelyFilingDays: number;
  contract?: {
    effectiveFrom: string;
    effectiveTo?: string;
    renewalDate?: string;
    noticeDays?: number;
    note?: string;
  };
  version: number;
  updatedAt: string;
}

/** Most fee schedule entries one payer's schedule holds (a primary-care schedule has a few hundred). */
const MAX_FEES = 5000;

const strip = <T>(item: T): T => {
  const { PK: _p, SK: _s, ...rest } = item as Record<string, unknown>;
  return rest as T;
};

export const payerRepo = {
  async settings(db: TenantDb, payerId: string): Promise<StoredPayerSettings | undefined> {
    const item = await db.get<StoredPayerSettings>(tenantKeys.payerSettings(db, payerId));
    return item ? strip(item) : undefined;
  },

  /** Creates (version 0 → 1) or replaces the settings at the version read. */
  settingsOp(db: TenantDb, s: StoredPayerSettings): WriteOp {
    const key = tenantKeys.payerSettings(db, s.payerId);
    if (s.version === 0) return { kind: 'create', item: { ...key, ...s, version: 1 }, onFail: staleVersion };
    const { version, ...rest } = s;
    return {
      kind: 'update',
      key,
      set: rest,
      remove: s.contract ? [] : ['contract'],
      expectedVersion: version,
      onFail: staleVersion,
    };
  },

  /** One page of a payer's fee schedule, by code. */
  async fees(db: TenantDb, payerId: string, limit: number, cursor?: string): Promise<Page<FeeEntry>> {
    const page = await db.query<FeeEntry>({
      partition: tenantKeys.feeSchedulePartition(db, payerId),
      limit,
      cursor,
    });
    return {
      items: page.items.map((i) => ({ code: i.code, modifier: i.modifier, allowedCents: i.allowedCents })),
      nextCursor: page.nextCursor,
    };
  },

  /** The payer's whole fee schedule as a lookup (one Query of a few pages), or undefined without one. */
  async lookup(db: TenantDb, payerId: string): Promise<FeeLookup | undefined> {
    const entries: FeeEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.fees(db, payerId, 100, cursor);
      entries.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && entries.length < MAX_FEES);
    return entries.length ? feeLookup(entries) : undefined;
  },

  /** Sets one fee (a re-imported code replaces its amount). */
  feeOp(db: TenantDb, payerId: string, e: FeeEntry): WriteOp {
    return {
      kind: 'put',
      item: { ...tenantKeys.feeScheduleEntry(db, payerId, e.code, e.modifier), payerId, ...e },
    };
  },
};
