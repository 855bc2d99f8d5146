/**
 * The tenant's logo as a file: uploaded through the same signed links as the library's files but
 * held to the logo's rules (PNG or JPEG, at most 1 MB, checked from the content) and kept out of the
 * library. `requireLogoFile` is what the tenants module's branding save reads
 * (functions/tenants/settings.service.ts names it); the public answer is in logo.routes.ts.
 */
import {
  FILE_TYPE_LABELS,
  type FileCreate,
  type FileDto,
  type FileType,
  type FileUpload,
} from '../../shared/schemas/files.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../shared/schemas/tenants.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound, validationFailed } from '../platform/errors.ts';
import type { FileStore } from '../platform/files/port.ts';
import { filesRepo, type StoredFile } from './files.repo.ts';
import { completeUpload, createUpload } from './files.service.ts';

/** Starts a logo upload: the signed form refuses more than 1 MB. */
export function startLogoUpload(db: TenantDb, files: FileStore, input: FileCreate): Promise<FileUpload> {
  return createUpload(db, files, input, 'logo');
}

/** Checks an uploaded logo from its content: a PNG or JPEG of at most 1 MB becomes ready; anything else is refused (415 / 413). */
export async function completeLogoUpload(db: TenantDb, files: FileStore, id: string): Promise<FileDto> {
  const file = await filesRepo.get(db, id);
  if (file?.purpose !== 'logo') throw notFound('Logo upload');
  return completeUpload(db, files, id);
}

/**
 * The file a branding save names as the logo: one of this tenant's (another tenant's id is a 404
 * like any unknown one), uploaded and checked, a PNG or JPEG of at most 1 MB (else a 400 on
 * `logoFileId` that says why).
 */
export async function requireLogoFile(db: TenantDb, id: string): Promise<StoredFile> {
  const file = await filesRepo.get(db, id);
  if (!file) throw notFound('Logo file');
  const refuse = (message: string) => validationFailed([{ path: 'logoFileId', message }], message);
  if (file.status !== 'ready') throw refuse('The logo upload has not finished: upload the image again');
  if (!(LOGO_TYPES as readonly string[]).includes(file.contentType)) {
    const label = FILE_TYPE_LABELS[file.contentType as FileType] ?? 'not an image';
    throw refuse(
      `The logo must be a PNG or JPEG image; this file is ${label.startsWith('not') ? label : `a ${label}`}`,
    );
  }
  if (file.size > LOGO_MAX_BYTES) {
    throw refuse(
      `The logo can be at most ${LOGO_MAX_BYTES / 1024 / 1024} MB; this image is ${(file.size / 1024 / 1024).toFixed(1)} MB`,
    );
  }
  return file;
}

/** The logo's bytes, read whole (at most 1 MB: checked on upload), with its checked type; undefined if it is not a logo. */
export async function readLogo(
  db: TenantDb,
  files: FileStore,
  id: string,
): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  const file = await filesRepo.get(db, id);
  if (file?.status !== 'ready' || !isLogo(file)) return undefined;
  const ref = { scope: db, fileId: id };
  try {
    return {
      bytes: await files.readStart(ref, file.size, file.objectVersion),
      contentType: file.contentType,
    };
  } catch (err) {
    // Bytes gone from the store (a data folder copied without its files) read as no logo; any
    // other failure of the store is the store's.
    if (!(await files.head(ref))) return undefined;
    throw err;
  }
}

const isLogo = (f: StoredFile) =>
  (LOGO_TYPES as readonly string[]).includes(f.contentType) && f.size <= LOGO_MAX_BYTES;
