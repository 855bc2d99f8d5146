import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

/** Import markers: a row imported once is known by its identity, so a re-import changes nothing. */

export const importRepo = {
  /** Which of these rows were imported before (the markers' sort keys). */
  markers: (db: TenantDb, kind: string, rowKeys: string[]) =>
    db.batchGet<{ SK: string }>(rowKeys.map((k) => tenantKeys.importMarker(db, kind, k))),
  markerOp: (db: TenantDb, kind: string, rowKey: string): WriteOp => ({
    kind: 'create',
    item: {
      ...tenantKeys.importMarker(db, kind, rowKey),
      type: 'import_marker',
      importedAt: db.now().toISOString(),
    },
  }),
};
