import { completeUpload, createUpload } from '../documents/files.service.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { objectKeys } from '../platform/files/keys.ts';
import { LocalFileStore } from '../platform/files/local.ts';
import type { FileStore } from '../platform/files/port.ts';

/** An X12 file as the billing system sent it: its name and its text. */
export interface SeedX12File {
  fileName: string;
  text: string;
}

/**
 * Keeps X12 files the demo already imported in its Documents files, so a manager can import one
 * again from the billing import page and see that nothing changes. Each goes through the same
 * upload record and content check as a file uploaded in the browser; the bytes are written straight
 * into the local store, as the browser's signed upload would. Returns the ready files' ids.
 */
export async function seedBillingFiles(
  files: FileStore,
  db: TenantDb,
  list: SeedX12File[],
): Promise<string[]> {
  // Only the local store can be written from here (the cloud never runs the demo seed).
  if (!(files instanceof LocalFileStore)) return [];
  const ids: string[] = [];
  for (const file of list) {
    const bytes = new TextEncoder().encode(file.text);
    const started = await createUpload(db, files, {
      name: file.fileName,
      size: bytes.length,
      type: 'text/plain',
    });
    await files.store(objectKeys.file(db, started.id), bytes);
    const ready = await completeUpload(db, files, started.id);
    ids.push(ready.id);
  }
  return ids;
}
