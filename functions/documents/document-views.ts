import { inRoleGroup } from '../../shared/roles.ts';
import type {
  DocumentDto,
  DocumentVersion,
  SignAudience,
  VersionSummary,
} from '../../shared/schemas/documents.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { documentsRepo, type StoredDocument, type StoredVersion } from './documents.repo.ts';

/** The document as the API answers it (the stored item also holds its keys). */
export const toDto = (d: StoredDocument): DocumentDto => ({
  id: d.id,
  title: d.title,
  folder: d.folder,
  tags: d.tags,
  latestVersion: d.latestVersion,
  latestStatus: d.latestStatus ?? 'draft',
  ...(d.publishedVersion !== undefined ? { publishedVersion: d.publishedVersion } : {}),
  ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
  updatedAt: d.updatedAt,
  updatedByName: d.updatedByName,
  version: d.version,
});

/** The version as the API answers it. */
export const versionDto = (v: StoredVersion): DocumentVersion => ({
  number: v.number,
  status: v.status,
  blocks: v.blocks,
  ...(v.file ? { file: { id: v.file.id, name: v.file.name, size: v.file.size, sha256: v.file.sha256 } } : {}),
  ...(v.changeNote ? { changeNote: v.changeNote } : {}),
  createdAt: v.createdAt,
  createdByName: v.createdByName,
  updatedAt: v.updatedAt,
  approvers: v.approvers ?? [],
  events: v.events ?? [],
  ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
  ...(v.publishedByName ? { publishedByName: v.publishedByName } : {}),
  ...(v.contentHash ? { contentHash: v.contentHash } : {}),
  ...(v.audience ? { audience: v.audience } : {}),
  ...(v.signBy ? { signBy: v.signBy } : {}),
});

export const summaryDto = (v: StoredVersion): VersionSummary => ({
  number: v.number,
  status: v.status,
  ...(v.changeNote ? { changeNote: v.changeNote } : {}),
  createdAt: v.createdAt,
  createdByName: v.createdByName,
  ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
  ...(v.publishedByName ? { publishedByName: v.publishedByName } : {}),
  ...(v.contentHash ? { contentHash: v.contentHash } : {}),
});

/** Owners and managers write documents and see every version; everyone else sees what is in force. */
export const seesDrafts = (db: TenantDb) => inRoleGroup(db.actor.role, 'practiceAdmins');

/**
 * Whether the caller is among the version's approvers, who then may read it (also once they sent
 * it back, to see what becomes of their comments).
 */
export const reviewsIt = (db: TenantDb, v: StoredVersion) =>
  (v.approvers ?? []).some((a) => a.userId === db.actor.userId);

/** Whether the caller may read this version of the document. */
export const mayRead = (db: TenantDb, v: StoredVersion) =>
  seesDrafts(db) || v.status === 'published' || reviewsIt(db, v);

/** Whether the audience asks this person (by role or by name) to sign. */
export const asks = (audience: SignAudience | undefined, person: { userId: string; role: string }) =>
  Boolean(
    audience &&
      ((audience.roles as string[]).includes(person.role) || audience.userIds.includes(person.userId)),
  );

/** The document, or a 404 (another practice's id included). */
export async function requireDocument(db: TenantDb, id: string): Promise<StoredDocument> {
  const doc = await documentsRepo.get(db, id);
  if (!doc) throw notFound('Document');
  return doc;
}

/** A version the caller may read, or a 404 (a draft is not found by those who may not see drafts). */
export async function requireVersion(db: TenantDb, id: string, n: number): Promise<StoredVersion> {
  const v = await documentsRepo.getVersion(db, id, n);
  if (!v || !mayRead(db, v)) throw notFound('Version');
  return v;
}

/** The newest version, which every workflow step acts on. */
export async function latestOf(db: TenantDb, doc: StoredDocument): Promise<StoredVersion> {
  const v = await documentsRepo.getVersion(db, doc.id, doc.latestVersion);
  if (!v) throw notFound('Document');
  return v;
}

/** The link a Today item or an email points to. */
export const documentLink = (id: string) => `/app/documents/${id}`;
