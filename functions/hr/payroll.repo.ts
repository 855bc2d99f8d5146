import type { PayFrequency, PayrollLine } from '../../shared/hr/payroll.ts';
import type { AdpSettings, PayrollAdjustment } from '../../shared/schemas/hr-payroll.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * Payroll prep's storage, one partition per practice: the payroll settings (the pay schedule and
 * the practice's ADP account) and each pay period stored once it has an adjustment or is locked (a
 * locked period keeps the snapshot of its lines).
 */

export interface StoredSchedule {
  frequency: PayFrequency;
  anchorDate?: string;
  adp?: AdpSettings;
  version: number;
}

export interface StoredPeriod {
  start: string;
  end: string;
  frequency: PayFrequency;
  status: 'open' | 'locked';
  adjustments: PayrollAdjustment[];
  /** The lines frozen when the period was locked. */
  lines?: PayrollLine[];
  lockedAt?: string;
  lockedBy?: string;
  version: number;
}

export const payrollRepo = {
  async schedule(db: TenantDb): Promise<StoredSchedule | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.paySchedule(db));
    return item ? strip<StoredSchedule>(item) : undefined;
  },

  scheduleOp(db: TenantDb, s: StoredSchedule, readVersion: number): WriteOp {
    const key = tenantKeys.paySchedule(db);
    const { version: _v, ...fields } = s;
    if (readVersion === 0) {
      return {
        kind: 'create',
        item: { ...key, type: 'pay_schedule', ...fields, version: 1 },
        onFail: staleVersion,
      };
    }
    return {
      kind: 'update',
      key,
      set: fields,
      remove: (['anchorDate', 'adp'] as const).filter((f) => s[f] === undefined),
      expectedVersion: readVersion,
      onFail: staleVersion,
    };
  },

  async period(db: TenantDb, start: string): Promise<StoredPeriod | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.payPeriod(db, start));
    return item ? strip<StoredPeriod>(item) : undefined;
  },

  /** Opened periods starting from `from` to `to`. */
  async periodsBetween(db: TenantDb, from: string, to: string): Promise<StoredPeriod[]> {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.payrollPartition(db),
      skBetween: tenantKeys.payPeriodRange(from, to),
      limit: 200,
    });
    return page.items.map((i) => strip<StoredPeriod>(i));
  },

  /** A page of opened periods, newest first. */
  async page(db: TenantDb, limit: number, cursor?: string) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.payrollPartition(db),
      skPrefix: tenantKeys.payPeriodPrefix,
      newestFirst: true,
      limit,
      cursor,
    });
    return { items: page.items.map((i) => strip<StoredPeriod>(i)), nextCursor: page.nextCursor };
  },

  /** Locked periods that end on or after `from` and start on or before `to` (a change inside one is refused). */
  async lockedOverlapping(db: TenantDb, from: string, to: string): Promise<StoredPeriod[]> {
    // A period is at most 16 days long: one starting 16 days before `from` may still hold it.
    const earliest = new Date(Date.parse(`${from}T00:00:00Z`) - 16 * 86_400_000).toISOString().slice(0, 10);
    const stored = await payrollRepo.periodsBetween(db, earliest, to);
    return stored.filter((p) => p.status === 'locked' && p.end >= from && p.start <= to);
  },

  /** Opens a period (once: a second opening of the same days is refused). */
  openOp(db: TenantDb, p: StoredPeriod): WriteOp {
    return {
      kind: 'create',
      item: { ...tenantKeys.payPeriod(db, p.start), type: 'pay_period', ...p },
      onFail: () => conflict(`The pay period ${p.start} to ${p.end} is already open`),
    };
  },

  /** Writes the period whole at the version read, only while it is open. */
  saveOp(db: TenantDb, p: StoredPeriod, readVersion: number): WriteOp {
    const key = tenantKeys.payPeriod(db, p.start);
    const { version: _v, ...fields } = p;
    return {
      kind: 'update',
      key,
      set: fields,
      expectedVersion: readVersion,
      condition: { expression: '#st = :open', names: { '#st': 'status' }, values: { ':open': 'open' } },
      onFail: staleVersion,
    };
  },
};
