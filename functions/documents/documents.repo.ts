import type { DocumentDto, DocumentVersion } from '../../shared/schemas/documents.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

export type StoredDocument = DocumentDto;
export type StoredVersion = DocumentVersion & { documentId: string };

/** A title's words as search keys: lower-case, letters and digits, each once, at most 20. */
export function titleWords(title: string): string[] {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 20);
}

/** The index keys that list a document in its folder by title and among all by when it changed. */
function listingKeys(db: TenantDb, d: Pick<StoredDocument, 'id' | 'title' | 'folder' | 'updatedAt'>) {
  return {
    GSI1PK: tenantKeys.documentsInFolder(db, d.folder),
    GSI1SK: tenantKeys.documentTitleSort(d.title, d.id),
    GSI2PK: tenantKeys.documentsByUpdate(db),
    GSI2SK: tenantKeys.documentUpdateSort(d.updatedAt, d.id),
  };
}

export const documentsRepo = {
  get: (db: TenantDb, id: string) => db.get<StoredDocument>(tenantKeys.document(db, id)),
  getVersion: (db: TenantDb, id: string, n: number) =>
    db.get<StoredVersion>(tenantKeys.documentVersion(db, id, n)),
  many: (db: TenantDb, ids: string[]) =>
    db.batchGet<StoredDocument>(ids.map((id) => tenantKeys.document(db, id))),
  /** One folder's documents by title: one Query. */
  inFolder: (db: TenantDb, folder: string, newestFirst: boolean, page: { limit: number; cursor?: string }) =>
    db.query<StoredDocument>({
      partition: tenantKeys.documentsInFolder(db, folder),
      index: 'GSI1',
      newestFirst,
      ...page,
    }),
  /** Every document by when it changed (optionally one folder's): one Query. */
  byUpdate: (
    db: TenantDb,
    folder: string | undefined,
    newestFirst: boolean,
    page: { limit: number; cursor?: string },
  ) =>
    db.query<StoredDocument>({
      partition: tenantKeys.documentsByUpdate(db),
      index: 'GSI2',
      newestFirst,
      ...(folder
        ? {
            filter: {
              expression: '#folder = :folder',
              names: { '#folder': 'folder' },
              values: { ':folder': folder },
            },
          }
        : {}),
      ...page,
    }),
  /** Ids of documents with a title word starting with `word`. */
  withTitleWord: async (db: TenantDb, word: string, page: { limit: number; cursor?: string }) =>
    db.query<{ documentId: string }>({
      partition: tenantKeys.documentWordPartition(db),
      skPrefix: tenantKeys.documentWordPrefix(word),
      ...page,
    }),
  createOps: (db: TenantDb, d: StoredDocument, first: StoredVersion): WriteOp[] => [
    {
      kind: 'create',
      item: { ...tenantKeys.document(db, d.id), type: 'document', ...d, ...listingKeys(db, d) },
    },
    {
      kind: 'create',
      item: { ...tenantKeys.documentVersion(db, d.id, first.number), type: 'document_version', ...first },
    },
    ...titleWords(d.title).map(
      (w): WriteOp => ({
        kind: 'put',
        item: { ...tenantKeys.documentWord(db, w, d.id), type: 'document_word', documentId: d.id },
      }),
    ),
  ],
  /** The document's new fields (version-checked), and its title words moved when the title changed. */
  updateOps: (db: TenantDb, before: StoredDocument, after: StoredDocument): WriteOp[] => {
    const { id, title, folder, tags, latestVersion, updatedAt, updatedByName } = after;
    const fields = { title, folder, tags, latestVersion, updatedAt, updatedByName };
    const old = new Set(titleWords(before.title));
    const next = new Set(titleWords(after.title));
    return [
      {
        kind: 'update',
        key: tenantKeys.document(db, id),
        set: { ...fields, ...listingKeys(db, after) },
        expectedVersion: before.version,
      },
      ...[...old]
        .filter((w) => !next.has(w))
        .map((w): WriteOp => ({ kind: 'delete', key: tenantKeys.documentWord(db, w, id) })),
      ...[...next]
        .filter((w) => !old.has(w))
        .map(
          (w): WriteOp => ({
            kind: 'put',
            item: { ...tenantKeys.documentWord(db, w, id), type: 'document_word', documentId: id },
          }),
        ),
    ];
  },
  putVersionOp: (db: TenantDb, v: StoredVersion): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.documentVersion(db, v.documentId, v.number), type: 'document_version', ...v },
  }),
};
