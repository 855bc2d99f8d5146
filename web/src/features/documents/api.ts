import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  DocumentCreate,
  DocumentDetail,
  DocumentDto,
  DocumentFolder,
  DraftSave,
} from '../../../../shared/schemas/documents.ts';
import {
  type FileDetail,
  type FileDto,
  type FileSort,
  type FileUpload,
  MAX_FILE_BYTES,
} from '../../../../shared/schemas/files.ts';
import { ApiError, api } from '../../lib/api.ts';

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
