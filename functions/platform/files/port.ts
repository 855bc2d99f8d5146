import type { UploadInstructions } from '../../../shared/schemas/files.ts';
import type { TenantScope } from '../db/keys.ts';

/** Upload and download links live this long: long enough to start a 10 MB upload on a slow line. */
export const UPLOAD_URL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** One stored object of a tenant, named by the file's id; the adapter builds the key (files/keys.ts). */
export interface ObjectRef {
  scope: TenantScope;
  fileId: string;
}

/** What the store knows of an uploaded object. `version` pins later reads and downloads to it. */
export interface ObjectHead {
  size: number;
  version?: string;
}

/**
 * Where file bytes live: the data folder locally, a private S3 bucket in the cloud. The browser
 * moves the bytes itself through short-lived signed links; the API only hands them out and reads
 * an object's first bytes to check its type. Keys are per tenant (`t/<tenantId>/files/<fileId>`).
 */
export interface FileStore {
  /** A signed form the browser POSTs the bytes to; the store refuses bodies outside 1..maxBytes. */
  uploadTarget(ref: ObjectRef, opts: { maxBytes: number }): Promise<UploadInstructions>;
  /** The object's size and version, or undefined when nothing was uploaded. */
  head(ref: ObjectRef): Promise<ObjectHead | undefined>;
  /** Up to `length` first bytes of the object (of `version` when given). */
  readStart(ref: ObjectRef, length: number, version?: string): Promise<Uint8Array>;
  /** A signed link that downloads the object (that version) as `fileName`, with the checked type. */
  downloadUrl(
    ref: ObjectRef,
    opts: { fileName: string; contentType: string; version?: string },
  ): Promise<{ url: string; expiresAt: string }>;
  /**
   * Keeps a checked upload: uploads arrive marked pending and the store drops pending objects after
   * two days (an upload nobody completed); this clears the mark on that version.
   */
  keep(ref: ObjectRef, version?: string): Promise<void>;
  /** Removes the object: that version for good when given (a refused upload). */
  delete(ref: ObjectRef, version?: string): Promise<void>;
}

/**
 * A store built on first use: the documents Lambda defers loading the S3 SDK (a third of its
 * bundle) until a request needs it, so its cold start stays near the other functions'.
 */
export function lazyFileStore(load: () => Promise<FileStore>): FileStore {
  let store: Promise<FileStore> | undefined;
  const get = () => {
    store ??= load().catch((err) => {
      store = undefined;
      throw err;
    });
    return store;
  };
  return {
    uploadTarget: async (ref, opts) => (await get()).uploadTarget(ref, opts),
    head: async (ref) => (await get()).head(ref),
    readStart: async (ref, length, version) => (await get()).readStart(ref, length, version),
    downloadUrl: async (ref, opts) => (await get()).downloadUrl(ref, opts),
    keep: async (ref, version) => (await get()).keep(ref, version),
    delete: async (ref, version) => (await get()).delete(ref, version),
  };
}

/** The store of a process with no file storage (API Lambdas other than documents): it refuses. */
export const noFileStore: FileStore = {
  uploadTarget: refuse,
  head: refuse,
  readStart: refuse,
  downloadUrl: refuse,
  keep: refuse,
  delete: refuse,
};

async function refuse(): Promise<never> {
  throw new Error('This function has no file storage (FILES_BUCKET is not set)');
}

/** `attachment; filename="..."` with a plain fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
