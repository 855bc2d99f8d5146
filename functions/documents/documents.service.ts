import { createHash } from 'node:crypto';
import type { Page } from '../../shared/schemas/common.ts';
import type {
  DocumentCreate,
  DocumentDetail,
  DocumentDto,
  DocumentListQuery,
  DocumentUpdate,
  DraftSave,
  VersionFile,
} from '../../shared/schemas/documents.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, notFound, validationFailed } from '../platform/errors.ts';
import type { FileStore } from '../platform/files/port.ts';
import { newId } from '../platform/ids.ts';
import { askedByNameAmong, isAskedByName } from '../platform/sign-offs/sign-off-asks.ts';
import {
  asks,
  latestOf,
  requireDocument,
  reviewsIt,
  seesDrafts,
  toDto,
  versionDto,
} from './document-views.ts';
import { documentsRepo, type StoredDocument, type StoredVersion, searchWords } from './documents.repo.ts';
import { pdfFile } from './files.service.ts';
import { documentSubjectOp } from './publish.ts';

/**
 * Most text one version holds, as JSON: a version is one DynamoDB item (at most 400 KB with its
 * other fields). A 40,000-word handbook fits; past it the author is told to split the document.
 */
const MAX_TEXT_BYTES = 350 * 1024;

function assertStorable(blocks: readonly unknown[]): void {
  const bytes = new TextEncoder().encode(JSON.stringify(blocks)).length;
  if (bytes > MAX_TEXT_BYTES) {
    throw validationFailed([
      {
        path: 'blocks',
        message: `The text is too long for one version (${Math.ceil(bytes / 1024)} KB; at most 350 KB). Split it into several documents.`,
      },
    ]);
  }
}

/** A new document in a folder, with its first draft (empty unless text is given). */
export async function createDocument(db: TenantDb, input: DocumentCreate): Promise<DocumentDetail> {
  assertStorable(input.blocks ?? []);
  const now = db.now().toISOString();
  const id = newId(db.now().getTime());
  const doc: StoredDocument = {
    id,
    title: input.title,
    folder: input.folder,
    tags: [...new Set(input.tags ?? [])],
    latestVersion: 1,
    latestStatus: 'draft',
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
    approvers: [],
    events: [],
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

/**
 * A document as the caller may see it: owners and managers get the newest version (and the one in
 * force beside it); an approver gets the version they are asked to review; everyone else gets the
 * version in force, and a document with none is not found.
 */
export async function getDocument(db: TenantDb, id: string): Promise<DocumentDetail> {
  return detailOf(db, await requireDocument(db, id));
}

/** The detail view of a loaded document for the caller (see getDocument). */
export async function detailOf(db: TenantDb, doc: StoredDocument): Promise<DocumentDetail> {
  const newest = await latestOf(db, doc);
  const inForce =
    doc.publishedVersion === undefined
      ? undefined
      : doc.publishedVersion === newest.number
        ? newest
        : await documentsRepo.getVersion(db, doc.id, doc.publishedVersion);
  const shown = seesDrafts(db) || reviewsIt(db, newest) ? newest : inForce;
  if (!shown) throw notFound('Document');
  const signOff = inForce ? await mySignOff(db, doc.id, inForce) : undefined;
  return {
    ...toDto(doc),
    latest: versionDto(shown),
    ...(inForce && inForce !== shown ? { published: versionDto(inForce) } : {}),
    ...(signOff ? { mySignOff: signOff } : {}),
  };
}

/** Whether the version in force asks the caller to sign, and when they did (if they did). */
async function mySignOff(db: TenantDb, id: string, v: StoredVersion) {
  const person = { userId: db.actor.userId, role: db.actor.role };
  const signature = await documentsRepo.getSignature(db, id, v.number, db.actor.userId);
  const asked = asks(v.audience, person) || (await isAskedByName(db, 'documents', id, db.actor.userId));
  if (!asked && !signature) return undefined;
  return { version: v.number, asked, ...(signature ? { signedAt: signature.signedAt } : {}) };
}

/** Renames, moves to another folder or retags a document (version-checked: a stale form is a 409). */
export async function updateDocument(db: TenantDb, id: string, input: DocumentUpdate): Promise<DocumentDto> {
  const before = await requireDocument(db, id);
  const after: StoredDocument = {
    ...before,
    title: input.title,
    folder: input.folder,
    tags: [...new Set(input.tags)],
    updatedAt: db.now().toISOString(),
    updatedByName: db.actor.name,
  };
  const textVersion = await documentsRepo.getVersion(db, id, before.publishedVersion ?? before.latestVersion);
  await db.write(
    [
      documentsRepo.updateOp(db, input.version, after),
      documentsRepo.findTextOp(db, after, textVersion?.blocks ?? []),
      // A new title or folder reaches the sign-off subject other modules list (the handbook picker).
      ...(after.publishedVersion !== undefined ? [documentSubjectOp(db, after, after.publishedVersion)] : []),
    ],
    {
      action: 'document.updated',
      entityType: 'document',
      entityId: id,
      entityName: after.title,
      summary: 'Changed a document’s title, folder or tags',
    },
  );
  return toDto({ ...after, version: input.version + 1 });
}

/**
 * Saves the draft's text and change note. Only a draft changes: a version in review, approved or
 * published is a 409 (a change to published text is a new version).
 */
export async function saveDraft(
  db: TenantDb,
  files: FileStore,
  id: string,
  input: DraftSave,
): Promise<DocumentDetail> {
  const doc = await requireDocument(db, id);
  const draft = await latestOf(db, doc);
  if (draft.status !== 'draft') throw notADraft(draft);
  assertStorable(input.blocks);
  const file = input.fileId ? await attachPdf(db, files, input.fileId, draft.file) : undefined;
  const now = db.now().toISOString();
  const saved: StoredVersion = {
    ...draft,
    blocks: input.blocks,
    file,
    changeNote: input.changeNote || undefined,
    updatedAt: now,
  };
  const touched: StoredDocument = { ...doc, updatedAt: now, updatedByName: db.actor.name };
  await db.write(
    [
      documentsRepo.updateOp(db, input.version, touched),
      documentsRepo.replaceVersionOp(db, saved, 'draft'),
      // Until something is published, the draft's words are what the library finds it by.
      ...(doc.publishedVersion === undefined ? [documentsRepo.findTextOp(db, doc, saved.blocks)] : []),
    ],
    {
      action: 'document.draft_saved',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      summary: `Saved the draft of version ${saved.number}`,
    },
  );
  return detailOf(db, { ...touched, version: input.version + 1 });
}

/**
 * The uploaded PDF a version is made of, with the SHA-256 of its bytes (read once when attached;
 * a file id never gets other bytes). It must be a ready PDF in this practice's Files.
 */
async function attachPdf(db: TenantDb, files: FileStore, fileId: string, current: VersionFile | undefined) {
  if (current?.id === fileId) return current;
  const file = await pdfFile(db, fileId);
  const bytes = await files.readStart({ scope: db, fileId }, file.size, file.objectVersion);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: file.id, name: file.name, size: file.size, sha256 };
}

/** The 409 for changing a version that is no longer a draft, saying what to do instead. */
export function notADraft(v: StoredVersion) {
  if (v.status === 'published') {
    return conflict(`Version ${v.number} is published and never changes. Start a new version to edit it.`);
  }
  if (v.status === 'in_review') {
    return conflict(`Version ${v.number} is waiting for approval. It can change once it is sent back.`);
  }
  return conflict(`Version ${v.number} is approved. Publish it, or start a new version after that.`);
}

/**
 * The library: one folder by title (A to Z by default), or every document by when it changed
 * (newest first by default). `q` finds documents by the words of their title, tags and the text
 * in force (each word a prefix). Only owners and managers see documents nothing is published of.
 */
export async function listDocuments(
  db: TenantDb,
  query: DocumentListQuery,
  page: { limit: number; cursor?: string },
): Promise<Page<DocumentDto>> {
  const publishedOnly = !seesDrafts(db);
  if (query.q) return search(db, query, publishedOnly, page);
  if (query.sort === 'title' && !query.folder) {
    throw validationFailed([
      { path: 'sort', message: 'Choose a folder to list by title, or sort by updated' },
    ]);
  }
  const sort = query.sort ?? (query.folder ? 'title' : 'updated');
  const order = query.order ?? (sort === 'updated' ? 'desc' : 'asc');
  const result =
    sort === 'title' && query.folder
      ? await documentsRepo.inFolder(db, query.folder, order === 'desc', publishedOnly, page)
      : await documentsRepo.byUpdate(db, query.folder, order === 'desc', publishedOnly, page);
  return { items: await withMySignOffs(db, result.items), nextCursor: result.nextCursor };
}

/**
 * The page's documents, each marked when its version in force asks the caller to sign and they
 * have not: one BatchGet of the caller's signatures of the versions that ask them.
 */
async function withMySignOffs(db: TenantDb, docs: StoredDocument[]): Promise<DocumentDto[]> {
  const me = { userId: db.actor.userId, role: db.actor.role };
  const published = docs.filter((d) => d.publishedVersion !== undefined);
  // Documents another module asked the caller to sign by name (a new hire's handbook) ask them too.
  const byName = await askedByNameAmong(
    db,
    'documents',
    published.filter((d) => !asks(d.audience, me)).map((d) => d.id),
    me.userId,
  );
  const asking = published.filter((d) => asks(d.audience, me) || byName.has(d.id));
  const signed = asking.length
    ? await documentsRepo.signaturesOf(
        db,
        me.userId,
        asking.map((d) => ({ id: d.id, n: d.publishedVersion as number })),
      )
    : [];
  const done = new Set(signed.map((s) => `${s.documentId}:${s.versionNumber}`));
  const waiting = new Set(asking.filter((d) => !done.has(`${d.id}:${d.publishedVersion}`)).map((d) => d.id));
  return docs.map((d) => ({ ...toDto(d), ...(waiting.has(d.id) ? { awaitingMySignature: true } : {}) }));
}

/** Documents with a word starting with each searched word, title matches first, then A to Z. */
async function search(
  db: TenantDb,
  query: DocumentListQuery,
  publishedOnly: boolean,
  page: { limit: number; cursor?: string },
): Promise<Page<DocumentDto>> {
  const words = [...new Set(searchWords(query.q ?? ''))].slice(0, 8);
  if (!words.length) return { items: [], nextCursor: null };
  const hits = await documentsRepo.withWords(db, words, page);
  const docs = await documentsRepo.many(db, [...new Set(hits.items.map((h) => h.documentId))]);
  const matches = docs.filter(
    (d) =>
      (!query.folder || d.folder === query.folder) && (!publishedOnly || d.publishedVersion !== undefined),
  );
  const inTitle = (d: StoredDocument) => {
    const title = searchWords(d.title);
    return words.every((w) => title.some((t) => t.startsWith(w)));
  };
  matches.sort((a, b) => Number(inTitle(b)) - Number(inTitle(a)) || a.title.localeCompare(b.title));
  return { items: await withMySignOffs(db, matches), nextCursor: hits.nextCursor };
}
