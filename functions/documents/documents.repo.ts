import { blocksPlainText } from '../../shared/documents/content-hash.ts';
import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import type {
  DocumentDto,
  DocumentVersion,
  SignAudience,
  Signature,
  VersionStatus,
} from '../../shared/schemas/documents.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { Condition, WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict } from '../platform/errors.ts';

export type StoredDocument = Omit<DocumentDto, 'latestStatus' | 'awaitingMySignature'> & {
  latestStatus?: VersionStatus;
  /** Who the version in force asks to sign (copied at publish, so a list knows without reading it). */
  audience?: SignAudience;
};
export type StoredVersion = DocumentVersion & { documentId: string };
export type StoredSignature = Signature;

/** Most distinct words one document is found by (a long handbook has about 3,000). */
const MAX_SEARCH_WORDS = 5000;

/** Words as search keys: lower-case letters and digits without accents, at least two long. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
}

/**
 * What a document is found by, as " word word … ": its title, tags and the text in force. The
 * leading space of each word lets `contains(findText, " pol")` match word starts only.
 */
export function findText(title: string, tags: readonly string[], blocks: readonly DocBlock[]): string {
  const words = new Set([
    ...searchWords(title),
    ...searchWords(tags.join(' ')),
    ...searchWords(blocksPlainText(blocks)),
  ]);
  return ` ${[...words].slice(0, MAX_SEARCH_WORDS).join(' ')} `;
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

/** Non-admins list only documents with a version in force. */
const PUBLISHED_ONLY = 'attribute_exists(#publishedVersion)';

function listFilter(folder: string | undefined, publishedOnly: boolean) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (folder) {
    parts.push('#folder = :folder');
    names['#folder'] = 'folder';
    values[':folder'] = folder;
  }
  if (publishedOnly) {
    parts.push(PUBLISHED_ONLY);
    names['#publishedVersion'] = 'publishedVersion';
  }
  return parts.length ? { filter: { expression: parts.join(' AND '), names, values } } : {};
}

/** The version's stored fields may change only while it has the status the change expects. */
const statusIs = (status: VersionStatus): Condition => ({
  expression: '#status = :expectedStatus',
  names: { '#status': 'status' },
  values: { ':expectedStatus': status },
});

type Paging = { limit: number; cursor?: string };

export const documentsRepo = {
  get: (db: TenantDb, id: string) => db.get<StoredDocument>(tenantKeys.document(db, id)),
  getVersion: (db: TenantDb, id: string, n: number) =>
    db.get<StoredVersion>(tenantKeys.documentVersion(db, id, n)),
  many: (db: TenantDb, ids: string[]) =>
    db.batchGet<StoredDocument>(ids.map((id) => tenantKeys.document(db, id))),
  /** One folder's documents by title: one Query. */
  inFolder: (db: TenantDb, folder: string, newestFirst: boolean, publishedOnly: boolean, page: Paging) =>
    db.query<StoredDocument>({
      partition: tenantKeys.documentsInFolder(db, folder),
      index: 'GSI1',
      newestFirst,
      ...listFilter(undefined, publishedOnly),
      ...page,
    }),
  /** Every document by when it changed (optionally one folder's): one Query. */
  byUpdate: (
    db: TenantDb,
    folder: string | undefined,
    newestFirst: boolean,
    publishedOnly: boolean,
    page: Paging,
  ) =>
    db.query<StoredDocument>({
      partition: tenantKeys.documentsByUpdate(db),
      index: 'GSI2',
      newestFirst,
      ...listFilter(folder, publishedOnly),
      ...page,
    }),
  /** Ids of documents with a word starting with each of `words` (title, tags or text in force). */
  withWords: (db: TenantDb, words: string[], page: Paging) =>
    db.query<{ documentId: string }>({
      partition: tenantKeys.documentTextPartition(db),
      filter: {
        expression: words.map((_, i) => `contains(#findText, :w${i})`).join(' AND '),
        names: { '#findText': 'findText' },
        values: Object.fromEntries(words.map((w, i) => [`:w${i}`, ` ${w}`])),
      },
      ...page,
    }),
  /** A document's versions, newest first. */
  versions: (db: TenantDb, id: string, page: Paging) =>
    db.query<StoredVersion>({
      partition: tenantKeys.documentPartition(db, id),
      skPrefix: tenantKeys.documentVersionsPrefix,
      newestFirst: true,
      ...page,
    }),
  getSignature: (db: TenantDb, id: string, n: number, userId: string) =>
    db.get<StoredSignature>(tenantKeys.documentSignature(db, id, n, userId)),
  /** One person's signatures of the given (document, version) pairs: one BatchGet (at most 100). */
  signaturesOf: (db: TenantDb, userId: string, pairs: { id: string; n: number }[]) =>
    db.batchGet<StoredSignature>(pairs.map((p) => tenantKeys.documentSignature(db, p.id, p.n, userId))),
  /** Every signature of one version (a practice's team: one page). */
  signatures: async (db: TenantDb, id: string, n: number): Promise<StoredSignature[]> => {
    const all: StoredSignature[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<StoredSignature>({
        partition: tenantKeys.documentPartition(db, id),
        skPrefix: tenantKeys.documentSignaturesPrefix(n),
        limit: 500,
        cursor,
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  createOps: (db: TenantDb, d: StoredDocument, first: StoredVersion): WriteOp[] => [
    {
      kind: 'create',
      item: { ...tenantKeys.document(db, d.id), type: 'document', ...d, ...listingKeys(db, d) },
    },
    {
      kind: 'create',
      item: { ...tenantKeys.documentVersion(db, d.id, first.number), type: 'document_version', ...first },
    },
    documentsRepo.findTextOp(db, d, first.blocks),
  ],
  /** The document's new fields, version-checked (every change to any of its versions passes here). */
  updateOp: (db: TenantDb, expectedVersion: number, after: StoredDocument): WriteOp => {
    const { id, title, folder, tags, latestVersion, latestStatus, updatedAt, updatedByName } = after;
    const published =
      after.publishedVersion !== undefined
        ? {
            publishedVersion: after.publishedVersion,
            publishedAt: after.publishedAt,
            audience: after.audience,
          }
        : {};
    return {
      kind: 'update',
      key: tenantKeys.document(db, id),
      set: {
        title,
        folder,
        tags,
        latestVersion,
        latestStatus,
        updatedAt,
        updatedByName,
        ...published,
        ...listingKeys(db, after),
      },
      expectedVersion,
    };
  },
  /** The words the document is found by (replaced whenever its title, tags or text in force change). */
  findTextOp: (db: TenantDb, d: StoredDocument, blocks: readonly DocBlock[]): WriteOp => ({
    kind: 'put',
    item: {
      ...tenantKeys.documentText(db, d.id),
      type: 'document_text',
      documentId: d.id,
      findText: findText(d.title, d.tags, blocks),
    },
  }),
  createVersionOp: (db: TenantDb, v: StoredVersion): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.documentVersion(db, v.documentId, v.number), type: 'document_version', ...v },
    onFail: () => conflict('Someone started this version at the same time. Reload to see it.'),
  }),
  /**
   * Rewrites a version that still has status `from`. Published versions never match, so no route
   * can change their text: the condition is checked by DynamoDB in the same transaction.
   */
  replaceVersionOp: (db: TenantDb, v: StoredVersion, from: VersionStatus): WriteOp => {
    const optional = [
      'file',
      'changeNote',
      'publishedAt',
      'publishedByName',
      'contentHash',
      'audience',
      'signBy',
    ] as const;
    return {
      kind: 'update',
      key: tenantKeys.documentVersion(db, v.documentId, v.number),
      set: {
        status: v.status,
        blocks: v.blocks,
        updatedAt: v.updatedAt,
        approvers: v.approvers,
        events: v.events,
        ...Object.fromEntries(optional.map((f) => [f, v[f]])),
      },
      remove: optional.filter((f) => v[f] === undefined),
      condition: statusIs(from),
      onFail: () => conflict('This version changed meanwhile. Reload to see where it stands.'),
    };
  },
  /** Records today's reminder of a version's unsigned; a second one the same day fails the write. */
  remindedOp: (db: TenantDb, id: string, n: number, day: string): WriteOp => ({
    kind: 'create',
    item: {
      ...tenantKeys.documentReminder(db, id, n, day),
      type: 'document_reminder',
      // Kept a few days for the record, then dropped by TTL.
      expiresAt: Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 7 * 86_400,
    },
    onFail: () =>
      conflict(
        `The people who have not signed version ${n} were already reminded today. Try again tomorrow.`,
      ),
  }),
  signOp: (db: TenantDb, s: StoredSignature): WriteOp => ({
    kind: 'create',
    item: {
      ...tenantKeys.documentSignature(db, s.documentId, s.versionNumber, s.userId),
      type: 'document_signature',
      ...s,
    },
    onFail: () => conflict(`You have already signed version ${s.versionNumber}.`),
  }),
};
