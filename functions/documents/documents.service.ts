import type { Page } from '../../shared/schemas/common.ts';
import type {
  DocumentCreate,
  DocumentDetail,
  DocumentDto,
  DocumentListQuery,
  DocumentUpdate,
  DocumentVersion,
  DraftSave,
} from '../../shared/schemas/documents.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { documentsRepo, type StoredDocument, type StoredVersion, titleWords } from './documents.repo.ts';

const toDto = ({
  id,
  title,
  folder,
  tags,
  latestVersion,
  updatedAt,
  updatedByName,
  version,
}: StoredDocument): DocumentDto => ({
  id,
  title,
  folder,
  tags,
  latestVersion,
  updatedAt,
  updatedByName,
  version,
});

/** The version as the API answers it (the stored item also holds its keys). */
const versionDto = (v: StoredVersion): DocumentVersion => ({
  number: v.number,
  status: v.status,
  blocks: v.blocks,
  ...(v.changeNote ? { changeNote: v.changeNote } : {}),
  createdAt: v.createdAt,
  createdByName: v.createdByName,
  updatedAt: v.updatedAt,
});

/** A new document in a folder, with its first draft (empty unless text is given). */
export async function createDocument(db: TenantDb, input: DocumentCreate): Promise<DocumentDetail> {
  const now = db.now().toISOString();
  const id = newId(db.now().getTime());
  const doc: StoredDocument = {
    id,
    title: input.title,
    folder: input.folder,
    tags: [...new Set(input.tags ?? [])],
    latestVersion: 1,
    updatedAt: now,
    updatedByName: db.actor.name,
    version: 1,
  };
  const first: StoredVersion = {
    documentId: id,
    number: 1,
    status: 'draft',
    blocks: input.blocks ?? [],
    createdAt: now,
    createdByName: db.actor.name,
    updatedAt: now,
  };
  await db.write(documentsRepo.createOps(db, doc, first), {
    action: 'document.created',
    entityType: 'document',
    entityId: id,
    entityName: doc.title,
    summary: 'Created a document',
  });
  return { ...toDto(doc), latest: versionDto(first) };
}

/** A document with its newest version's text; another practice's is a 404. */
export async function getDocument(db: TenantDb, id: string): Promise<DocumentDetail> {
  const doc = await documentsRepo.get(db, id);
  if (!doc) throw notFound('Document');
  const latest = await documentsRepo.getVersion(db, id, doc.latestVersion);
  if (!latest) throw notFound('Document');
  return { ...toDto(doc), latest: versionDto(latest) };
}

/** Renames, moves to another folder or retags a document (version-checked: a stale form is a 409). */
export async function updateDocument(db: TenantDb, id: string, input: DocumentUpdate): Promise<DocumentDto> {
  const before = await documentsRepo.get(db, id);
  if (!before) throw notFound('Document');
  const after: StoredDocument = {
    ...before,
    title: input.title,
    folder: input.folder,
    tags: [...new Set(input.tags)],
    updatedAt: db.now().toISOString(),
    updatedByName: db.actor.name,
    version: input.version,
  };
  await db.write(documentsRepo.updateOps(db, { ...before, version: input.version }, after), {
    action: 'document.updated',
    entityType: 'document',
    entityId: id,
    entityName: after.title,
    summary: 'Changed a document’s title, folder or tags',
  });
  return toDto({ ...after, version: input.version + 1 });
}

/** Saves the draft's text and change note; the document's `version` guards against a stale editor. */
export async function saveDraft(db: TenantDb, id: string, input: DraftSave): Promise<DocumentDetail> {
  const doc = await documentsRepo.get(db, id);
  if (!doc) throw notFound('Document');
  const draft = await documentsRepo.getVersion(db, id, doc.latestVersion);
  if (!draft) throw notFound('Document');
  const now = db.now().toISOString();
  const saved: StoredVersion = {
    ...draft,
    blocks: input.blocks,
    ...(input.changeNote ? { changeNote: input.changeNote } : {}),
    updatedAt: now,
  };
  if (!input.changeNote) delete saved.changeNote;
  const touched: StoredDocument = {
    ...doc,
    updatedAt: now,
    updatedByName: db.actor.name,
    version: input.version,
  };
  await db.write(
    [
      ...documentsRepo.updateOps(db, { ...doc, version: input.version }, touched),
      documentsRepo.putVersionOp(db, saved),
    ],
    {
      action: 'document.draft_saved',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      summary: `Saved the draft of version ${saved.number}`,
    },
  );
  return { ...toDto({ ...touched, version: input.version + 1 }), latest: versionDto(saved) };
}

/**
 * The library: one folder by title (A to Z by default), or every document by when it changed
 * (newest first by default). `q` finds documents by the words of their title (each word a prefix).
 */
export async function listDocuments(
  db: TenantDb,
  query: DocumentListQuery,
  page: { limit: number; cursor?: string },
): Promise<Page<DocumentDto>> {
  if (query.q) return searchTitles(db, query, page);
  if (query.sort === 'title' && !query.folder) {
    throw validationFailed([
      { path: 'sort', message: 'Choose a folder to list by title, or sort by updated' },
    ]);
  }
  const sort = query.sort ?? (query.folder ? 'title' : 'updated');
  const order = query.order ?? (sort === 'updated' ? 'desc' : 'asc');
  const result =
    sort === 'title' && query.folder
      ? await documentsRepo.inFolder(db, query.folder, order === 'desc', page)
      : await documentsRepo.byUpdate(db, query.folder, order === 'desc', page);
  return { items: result.items.map(toDto), nextCursor: result.nextCursor };
}

/** Documents whose title has a word starting with each searched word: one Query on the first word. */
async function searchTitles(
  db: TenantDb,
  query: DocumentListQuery,
  page: { limit: number; cursor?: string },
): Promise<Page<DocumentDto>> {
  const [first, ...rest] = titleWords(query.q ?? '');
  if (!first) return { items: [], nextCursor: null };
  const hits = await documentsRepo.withTitleWord(db, first, page);
  const docs = await documentsRepo.many(db, [...new Set(hits.items.map((h) => h.documentId))]);
  const matches = docs.filter((d) => {
    const words = titleWords(d.title);
    return (
      rest.every((w) => words.some((t) => t.startsWith(w))) && (!query.folder || d.folder === query.folder)
    );
  });
  matches.sort((a, b) => a.title.localeCompare(b.title));
  return { items: matches.map(toDto), nextCursor: hits.nextCursor };
}
