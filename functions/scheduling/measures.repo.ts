import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

/** New-patient markers per month: the new-patients metric counts them. */

export const measureRepo = {
  newPatientOp: (db: TenantDb, month: string, patientId: string): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.newPatient(db, month, patientId), type: 'new_patient' },
  }),
  /** How many patients were created in a month (markers are tiny; a few pages at most). */
  countNewPatients: async (db: TenantDb, month: string): Promise<number> => {
    let count = 0;
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const found = await db.query({
        partition: tenantKeys.newPatientsOfMonth(db, month),
        limit: 1000,
        cursor,
      });
      count += found.items.length;
      cursor = found.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return count;
  },
};
