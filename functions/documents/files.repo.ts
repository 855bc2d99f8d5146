import type { FileDto, FileSort } from '../../shared/schemas/files.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

/** A stored file record: the DTO plus its version, the checked object version and, while pending, a TTL. */
export type StoredFile = FileDto & {
  version: number;
  declaredType?: string;
  /** The store's version of the checked bytes (S3): downloads are pinned to it. */
  objectVersion?: string;
  expiresAt?: number;
  /**
   * What the file is for: `logo` (branding) is held to the logo's rules (PNG or JPEG, at most 1 MB)
   * and kept out of the practice's library lists. Absent for library files.
   */
  purpose?: 'logo';
};

export const filesRepo = {
  get: (db: TenantDb, id: string) => db.get<StoredFile>(tenantKeys.file(db, id)),
  /** One page of ready files, by name or by date: one Query on a sparse index. */
  list: (db: TenantDb, sort: FileSort, newestFirst: boolean, page: { limit: number; cursor?: string }) =>
    db.query<StoredFile>({
      partition: sort === 'name' ? tenantKeys.filesByName(db) : tenantKeys.filesByDate(db),
      index: sort === 'name' ? 'GSI1' : 'GSI2',
      newestFirst,
      ...page,
    }),
  createOp: (db: TenantDb, file: StoredFile): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.file(db, file.id), type: 'file', ...file },
  }),
  /**
   * Marks a pending file ready (once: the version condition) and lists it in both indexes; a logo
   * (`purpose`) is not listed: it belongs to the branding, not to the library.
   */
  readyOp: (
    db: TenantDb,
    file: StoredFile,
    set: Pick<StoredFile, 'size' | 'contentType' | 'readyAt' | 'objectVersion'> & { readyAt: string },
  ): WriteOp => ({
    kind: 'update',
    key: tenantKeys.file(db, file.id),
    set: {
      ...set,
      status: 'ready',
      ...(file.purpose
        ? {}
        : {
            GSI1PK: tenantKeys.filesByName(db),
            GSI1SK: tenantKeys.fileNameSort(file.name, file.id),
            GSI2PK: tenantKeys.filesByDate(db),
            GSI2SK: tenantKeys.fileDateSort(set.readyAt, file.id),
          }),
    },
    remove: ['expiresAt'],
    expectedVersion: file.version,
  }),
  deleteOp: (db: TenantDb, id: string): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.file(db, id),
    mustExist: true,
  }),
};
