import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  DocumentCreate,
  DocumentDetail,
  DocumentDto,
  DocumentFolder,
  DocumentVersion,
  DraftSave,
  Publish,
  ReviewDecision,
  Sign,
  Signature,
  SignatureSheet,
  SubmitForApproval,
  VersionSummary,
} from '../../../../shared/schemas/documents.ts';
import {
  type FileDetail,
  type FileDto,
  type FileSort,
  type FileUpload,
  MAX_FILE_BYTES,
} from '../../../../shared/schemas/files.ts';
import { ApiError, api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

export const listFiles = query(
  (sort: FileSort, cursor: string | undefined, limit: number) =>
    api<Page<FileDto>>('/files', { query: { sort, cursor, limit } }),
  'files',
);

/** The file and a download link valid for a few minutes (fetched when the user asks for it). */
export const getFile = (id: string) => api<FileDetail>(`/files/${id}`);

/**
 * Uploads a file the way every store takes it: start (API), post the bytes to the signed form
 * (the local host or S3, never the API), then have the API check the content. The server decides
 * the type from the bytes; this only saves a round trip for what is plainly too big or empty.
 */
export async function uploadFile(file: File): Promise<FileDto> {
  if (file.size > MAX_FILE_BYTES) {
    throw new ApiError(413, 'payload_too_large', `“${file.name}” is larger than 10 MB.`);
  }
  if (file.size === 0) throw new ApiError(400, 'bad_request', `“${file.name}” is empty.`);
  const started = await api<FileUpload>('/files', {
    method: 'POST',
    body: { name: file.name, size: file.size, type: file.type || undefined },
  });
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append(started.upload.fileField, file, file.name);
  let sent: Response;
  try {
    sent = await fetch(started.upload.url, { method: started.upload.method, body: form });
  } catch {
    throw new ApiError(
      0,
      'network',
      'The upload did not reach the file store. Check your connection and try again.',
    );
  }
  if (!sent.ok) {
    throw new ApiError(
      sent.status,
      sent.status === 413 || sent.status === 400 ? 'payload_too_large' : 'upload_failed',
      sent.status === 413 || sent.status === 400
        ? `“${file.name}” is larger than 10 MB.`
        : 'The file store refused the upload. Try again.',
    );
  }
  return api<FileDto>(`/files/${started.id}/complete`, { method: 'POST' });
}

export const listDocuments = query(
  (
    params: { folder?: DocumentFolder; q?: string; order?: 'asc' | 'desc' },
    cursor: string | undefined,
    limit: number,
  ) => api<Page<DocumentDto>>('/documents', { query: { ...params, cursor, limit } }),
  'documents',
);

export const getDocument = query((id: string) => api<DocumentDetail>(`/documents/${id}`), 'document');

export const createDocument = (input: DocumentCreate) =>
  api<DocumentDetail>('/documents', { method: 'POST', body: input });

export const saveDraft = (id: string, input: DraftSave) =>
  api<DocumentDetail>(`/documents/${id}/draft`, { method: 'PUT', body: input });

/** Every query a workflow step can change: the document, its history, its signatures and the library. */
const DOCUMENT_KEYS = ['document', 'documents', 'documentVersions', 'documentVersion', 'signatureSheet'];

/** The draft goes to named approvers (each gets a Today item). */
export const submitForApproval = (id: string, input: SubmitForApproval) =>
  mutate(api<DocumentDetail>(`/documents/${id}/submit`, { method: 'POST', body: input }), DOCUMENT_KEYS);

/** A pending approver approves the version in review or sends it back with a comment. */
export const reviewVersion = (id: string, input: ReviewDecision) =>
  mutate(api<DocumentDetail>(`/documents/${id}/review`, { method: 'POST', body: input }), DOCUMENT_KEYS);

/** The approved version goes in force and asks its audience to sign. */
export const publishVersion = (id: string, input: Publish) =>
  mutate(api<DocumentDetail>(`/documents/${id}/publish`, { method: 'POST', body: input }), DOCUMENT_KEYS);

/** A new draft from the published text (the published version itself never changes). */
export const startNewVersion = (id: string, version: number) =>
  mutate(
    api<DocumentDetail>(`/documents/${id}/versions`, { method: 'POST', body: { version } }),
    DOCUMENT_KEYS,
  );

/** The versions, newest first, without their text. */
export const listVersions = query(
  (id: string, cursor: string | undefined, limit: number) =>
    api<Page<VersionSummary>>(`/documents/${id}/versions`, { query: { cursor, limit } }),
  'documentVersions',
);

/** One version with its text, approvers and history. */
export const getVersion = query(
  (id: string, n: number) => api<DocumentVersion>(`/documents/${id}/versions/${n}`),
  'documentVersion',
);

/** The caller signs the version they are asked to sign. */
export const signVersion = (id: string, n: number, input: Sign) =>
  mutate(
    api<Signature>(`/documents/${id}/versions/${n}/signatures`, { method: 'POST', body: input }),
    DOCUMENT_KEYS,
  );

/** Who signed a published version and who has not. */
export const getSignatureSheet = query(
  (id: string, n: number) => api<SignatureSheet>(`/documents/${id}/versions/${n}/signatures`),
  'signatureSheet',
);

/** Emails everyone who has not signed the version in force. */
export const remindSigners = (id: string) =>
  api<{ reminded: number }>(`/documents/${id}/remind`, { method: 'POST' });
