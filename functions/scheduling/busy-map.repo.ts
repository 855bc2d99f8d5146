import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { ContentionError } from '../platform/errors.ts';

/** Busy maps: what keeps a provider or room from being double-booked, written under a version. */

/** One provider's or room's bookings on one UTC day: [start, end) ISO minutes per appointment. */
export interface BusyDay {
  who: 'P' | 'R';
  id: string;
  day: string;
  intervals: { s: string; e: string; a: string }[];
  version?: number;
}

/** Raised when another booking changed a busy map between our read and write: retry. */
export class BusyRace extends ContentionError {
  constructor() {
    super('The schedule changed while booking; try again');
  }
}

export const busyRepo = {
  getMany: async (db: TenantDb, refs: Pick<BusyDay, 'who' | 'id' | 'day'>[]): Promise<BusyDay[]> => {
    const keys = refs.map((r) => tenantKeys.busyDay(db, r.who, r.id, r.day));
    // BatchGet takes 100 keys: a week of many providers or rooms is several reads.
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
        db.batchGet<BusyDay>(keys.slice(i * 100, i * 100 + 100)),
      ),
    );
    const found = pages.flat();
    const byKey = new Map(found.map((b) => [`${b.who}|${b.id}|${b.day}`, b]));
    return refs.map((r) => byKey.get(`${r.who}|${r.id}|${r.day}`) ?? { ...r, intervals: [] });
  },
  /** Writes a busy map back, only if nobody else did since it was read. */
  writeOp: (db: TenantDb, b: BusyDay): WriteOp =>
    b.version === undefined
      ? {
          kind: 'create',
          item: { ...tenantKeys.busyDay(db, b.who, b.id, b.day), type: 'busy', ...b, version: 1 },
          onFail: () => new BusyRace(),
        }
      : {
          kind: 'update',
          key: tenantKeys.busyDay(db, b.who, b.id, b.day),
          set: { intervals: b.intervals },
          expectedVersion: b.version,
          onFail: () => new BusyRace(),
        },
};
