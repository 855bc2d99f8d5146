import type { UploadInstructions } from '../../../shared/schemas/files.ts';
import { ApiError } from './api.ts';

/**
 * Sends a file's bytes to the upload form the API handed out (POST /api/files, /api/files/logo):
 * the signed fields first, then the file, straight to the file store (S3 or the local host), never
 * through the API. `onProgress` hears the share sent so far (0 to 1).
 */
export function sendToFileStore(
  upload: UploadInstructions,
  file: File,
  opts: { tooLarge: string; onProgress?: (fraction: number) => void },
): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append(upload.fileField, file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.onProgress?.(1);
        resolve();
      } else if (xhr.status === 413 || xhr.status === 400) {
        // S3 answers a body outside the signed size range with 400 (EntityTooLarge).
        reject(new ApiError(xhr.status, 'payload_too_large', opts.tooLarge));
      } else {
        reject(new ApiError(xhr.status, 'upload_failed', 'The file store refused the upload. Try again.'));
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network',
          'The upload did not reach the file store. Check your connection and try again.',
        ),
      );
    xhr.send(form);
  });
}
