/**
 * Files: a practice's uploaded PDFs, images and text files. The browser moves the bytes through
 * the platform's file store (signed links); this service keeps the records, checks the content of
 * each upload from its first bytes, and hands out short-lived download links.
 */
import type { Page } from '../../shared/schemas/common.ts';
import {
  FILE_TYPE_LABELS,
  type FileCreate,
  type FileDetail,
  type FileDto,
  type FileListQuery,
  type FileUpload,
  MAX_FILE_BYTES,
} from '../../shared/schemas/files.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../shared/schemas/tenants.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, conflict, notFound, validationFailed } from '../platform/errors.ts';
import type { FileStore, ObjectRef } from '../platform/files/port.ts';
import { SNIFF_BYTES, sniffFile } from '../platform/files/sniff.ts';
import { newId } from '../platform/ids.ts';
import { filesRepo, type StoredFile } from './files.repo.ts';

/** A pending record (upload never completed) disappears after a day. */
const PENDING_TTL_SECONDS = 24 * 3600;

const refOf = (db: TenantDb, id: string): ObjectRef => ({ scope: db, fileId: id });

export function toFileDto(f: StoredFile): FileDto {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    contentType: f.contentType,
    status: f.status,
    createdAt: f.createdAt,
    createdByUserId: f.createdByUserId,
    createdByName: f.createdByName,
    ...(f.readyAt ? { readyAt: f.readyAt } : {}),
  };
}

/**
 * What a file is held to: any kept type up to 10 MB for the library; a logo (`purpose: 'logo'`) is a
 * PNG or JPEG of at most 1 MB, so the store itself refuses a bigger upload.
 */
const rulesFor = (purpose: StoredFile['purpose']) =>
  purpose === 'logo'
    ? {
        maxBytes: LOGO_MAX_BYTES,
        tooLarge: `A logo can be at most ${LOGO_MAX_BYTES / 1024 / 1024} MB`,
        types: LOGO_TYPES as readonly string[],
      }
    : { maxBytes: MAX_FILE_BYTES, tooLarge: `Files can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB` };

/** Starts an upload: a pending record and the signed form the browser posts the bytes to. */
export async function createUpload(
  db: TenantDb,
  files: FileStore,
  input: FileCreate,
  purpose?: StoredFile['purpose'],
): Promise<FileUpload> {
  const now = db.now();
  const id = newId(now.getTime());
  const rules = rulesFor(purpose);
  if (input.size > rules.maxBytes) throw new AppError('payload_too_large', rules.tooLarge);
  // The link is made first: if it fails, nothing was written.
  const upload = await files.uploadTarget(refOf(db, id), { maxBytes: rules.maxBytes });
  const declared = input.type?.trim() || undefined;
  const file: StoredFile = {
    id,
    name: input.name,
    size: input.size,
    contentType: declared ?? 'application/octet-stream',
    status: 'pending',
    createdAt: now.toISOString(),
    createdByUserId: db.actor.userId,
    createdByName: db.actor.name,
    version: 1,
    ...(declared ? { declaredType: declared } : {}),
    ...(purpose ? { purpose } : {}),
    expiresAt: Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS,
  };
  await db.write([filesRepo.createOp(db, file)], {
    action: 'file.upload_started',
    entityType: 'file',
    entityId: id,
    entityName: file.name,
    summary: 'Started a file upload',
  });
  return { id, file: toFileDto(file), upload };
}

/**
 * Checks an upload: the stored object's size and first bytes decide its type. A file Rounds does
 * not keep is deleted with its record (and the refusal audited) and answered 415; a good one becomes
 * ready. Completing a ready file again answers it as it is.
 */
export async function completeUpload(db: TenantDb, files: FileStore, id: string): Promise<FileDto> {
  const file = await filesRepo.get(db, id);
  if (!file) throw notFound('File');
  if (file.status === 'ready') return toFileDto(file);
  const ref = refOf(db, id);
  const head = await files.head(ref);
  if (!head) throw conflict('The file has not been uploaded yet: send it to the upload link first');
  const refuse = async (code: 'payload_too_large' | 'unsupported_media_type', message: string) => {
    await files.delete(ref, head.version);
    await db.write([filesRepo.deleteOp(db, id)], {
      action: 'file.refused',
      entityType: 'file',
      entityId: id,
      entityName: file.name,
      summary: 'Refused an upload',
      detail: message,
    });
    return new AppError(code, message);
  };
  const rules = rulesFor(file.purpose);
  if (head.size > rules.maxBytes) throw await refuse('payload_too_large', rules.tooLarge);
  const start = await files.readStart(ref, Math.min(SNIFF_BYTES, head.size), head.version);
  const sniffed = sniffFile(start, { whole: head.size <= SNIFF_BYTES, declaredType: file.declaredType });
  if (rules.types && !(sniffed.ok && rules.types.includes(sniffed.type))) {
    const found = sniffed.ok ? `this file is a ${FILE_TYPE_LABELS[sniffed.type]}` : 'this file is not one';
    throw await refuse('unsupported_media_type', `A logo must be a PNG or JPEG image: ${found}`);
  }
  if (!sniffed.ok) throw await refuse('unsupported_media_type', sniffed.message);
  // Kept before the record says ready: a failure here leaves a pending record to complete again,
  // never a ready file whose bytes the store would drop as an abandoned upload.
  await files.keep(ref, head.version);
  const readyAt = db.now().toISOString();
  const ready = {
    size: head.size,
    contentType: sniffed.type,
    readyAt,
    ...(head.version ? { objectVersion: head.version } : {}),
  };
  await db.write([filesRepo.readyOp(db, file, ready)], {
    action: 'file.uploaded',
    entityType: 'file',
    entityId: id,
    entityName: file.name,
    summary: 'Uploaded a file',
    detail: sniffed.variant === 'x12' ? 'X12 text' : sniffed.type,
  });
  return toFileDto({ ...file, ...ready, status: 'ready' });
}

/** A page of ready files, newest first by default (or by name, A to Z). */
export async function listFiles(
  db: TenantDb,
  query: FileListQuery,
  page: { limit: number; cursor?: string },
): Promise<Page<FileDto>> {
  const sort = query.sort ?? 'date';
  const order = query.order ?? (sort === 'date' ? 'desc' : 'asc');
  const result = await filesRepo.list(db, sort, order === 'desc', page);
  return { items: result.items.map(toFileDto), nextCursor: result.nextCursor };
}

/** A ready file with a short-lived download link; a pending or unknown one (or another practice's) is a 404. */
export async function getFile(db: TenantDb, files: FileStore, id: string): Promise<FileDetail> {
  const file = await filesRepo.get(db, id);
  if (file?.status !== 'ready') throw notFound('File');
  const download = await files.downloadUrl(refOf(db, id), {
    fileName: file.name,
    contentType: file.contentType,
    version: file.objectVersion,
  });
  // A file may hold patient data (an X12 claim file, a scanned form): who took a link is on record.
  await db.appendAudit({
    action: 'file.download_link',
    entityType: 'file',
    entityId: id,
    entityName: file.name,
    summary: 'Opened a file',
  });
  return { file: toFileDto(file), download };
}

/** A ready PDF of the library (a document version's content); anything else is a 400 on `fileId`. */
export async function pdfFile(db: TenantDb, id: string): Promise<StoredFile> {
  const file = await filesRepo.get(db, id);
  if (file?.status !== 'ready' || file.purpose === 'logo' || file.contentType !== 'application/pdf') {
    throw validationFailed([{ path: 'fileId', message: 'Choose a PDF from Files' }]);
  }
  return file;
}
