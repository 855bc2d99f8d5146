import { LocalFileStore, localFileRoutes } from '../../functions/platform/files/local.ts';
import type { UploadInstructions } from '../../shared/schemas/files.ts';
import type { TestApp } from './app.ts';

/** The local host's signed-link routes over a test app's file store (as `npm start` mounts them). */
export function localFiles(t: TestApp) {
  if (!(t.platform.files instanceof LocalFileStore)) throw new Error('The test app has no local file store');
  return localFileRoutes(t.platform.files);
}

/** Posts bytes to upload instructions the way the browser does: the fields, then the file. */
export async function uploadBytes(
  t: TestApp,
  upload: UploadInstructions,
  bytes: Uint8Array,
  name = 'file.bin',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append(upload.fileField, new Blob([new Uint8Array(bytes)]), name);
  return localFiles(t).request(`http://localhost${upload.url}`, { method: upload.method, body: form });
}

/** A small valid PDF's first bytes (enough for the type check). */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');

/** Uploads a logo as `session` (POST /api/files/logo, the signed form, complete); returns the answers. */
export async function uploadLogo(
  t: TestApp,
  session: { token: string },
  bytes: Uint8Array,
  name = 'logo.png',
  type = 'image/png',
) {
  const started = await t.call('POST', '/api/files/logo', {
    token: session.token,
    json: { name, size: bytes.length, type },
  });
  if (started.status !== 201) return { id: '', started, put: undefined, done: started };
  const put = await uploadBytes(t, started.body.upload, bytes, name);
  const done = await t.call('POST', `/api/files/logo/${started.body.id}/complete`, { token: session.token });
  return { id: started.body.id as string, started, put, done };
}
