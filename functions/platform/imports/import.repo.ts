import { tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/**
 * Import markers: a row imported once is known by its kind and identity, so a re-import changes
 * nothing. The marker joins the kind's own write, so a row is marked exactly when it was applied.
 */

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
