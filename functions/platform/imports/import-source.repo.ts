import { IMPORT_SOURCES_MAX, type ImportSource } from '../../../shared/schemas/import-sources.ts';
import type { ImportMapping } from '../../../shared/schemas/imports.ts';
import type { AuditInput } from '../db/audit.ts';
import { tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { conflict, notFound } from '../errors.ts';

/**
 * Saved import sources: one item per source and one per (kind, name), written together, so a name
 * is taken by exactly one source of a kind and a rename can never leave two or none.
 */

export interface SourceItem extends ImportSource {
  createdAt: string;
}

const nameTaken = (name: string) => () =>
  conflict(`A source named “${name}” is already saved for this import. Choose another name.`);

const sourceItem = (db: TenantDb, s: SourceItem) => ({
  ...tenantKeys.importSource(db, s.id),
  type: 'import_source',
  ...s,
});
const nameItem = (db: TenantDb, s: Pick<SourceItem, 'id' | 'kind' | 'name'>) => ({
  ...tenantKeys.importSourceName(db, s.kind, s.name),
  type: 'import_source_name',
  sourceId: s.id,
});
const strip = ({ PK: _pk, SK: _sk, type: _type, ...rest }: SourceItem & Record<string, unknown>) =>
  rest as SourceItem;

export const importSourceRepo = {
  /** Every source of the tenant (of all kinds): at most IMPORT_SOURCES_MAX, so one Query reads them. */
  async list(db: TenantDb): Promise<SourceItem[]> {
    const page = await db.query<SourceItem & Record<string, unknown>>({
      partition: tenantKeys.importSourcePartition(db),
      skPrefix: tenantKeys.importSourcePrefix,
      limit: IMPORT_SOURCES_MAX,
    });
    return page.items.map(strip);
  },

  async get(db: TenantDb, id: string): Promise<SourceItem | undefined> {
    const item = await db.get<SourceItem & Record<string, unknown>>(tenantKeys.importSource(db, id));
    return item && strip(item);
  },

  create(db: TenantDb, s: SourceItem, audit: AuditInput): Promise<void> {
    return db.write(
      [
        { kind: 'create', item: sourceItem(db, s) },
        { kind: 'create', item: nameItem(db, s), onFail: nameTaken(s.name) },
      ],
      audit,
    );
  },

  /** Writes a new name and/or mapping against the version read; a new name moves the name item. */
  update(
    db: TenantDb,
    before: SourceItem,
    change: { name: string; mapping: ImportMapping; updatedAt: string },
    audit: AuditInput,
  ): Promise<void> {
    const ops: WriteOp[] = [
      {
        kind: 'update',
        key: tenantKeys.importSource(db, before.id),
        set: change,
        expectedVersion: before.version,
      },
    ];
    const oldKey = tenantKeys.importSourceName(db, before.kind, before.name);
    const newKey = tenantKeys.importSourceName(db, before.kind, change.name);
    if (oldKey.SK !== newKey.SK) {
      ops.push(
        { kind: 'delete', key: oldKey },
        {
          kind: 'create',
          item: nameItem(db, { ...before, name: change.name }),
          onFail: nameTaken(change.name),
        },
      );
    }
    return db.write(ops, audit);
  },

  remove(db: TenantDb, s: SourceItem, audit: AuditInput): Promise<void> {
    return db.write(
      [
        {
          kind: 'delete',
          key: tenantKeys.importSource(db, s.id),
          mustExist: true,
          onFail: () => notFound('Source'),
        },
        { kind: 'delete', key: tenantKeys.importSourceName(db, s.kind, s.name) },
      ],
      audit,
    );
  },
};
