import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_FILE_BYTES, type UploadInstructions } from '../../../shared/schemas/files.ts';
import type { Clock } from '../clock.ts';
import { objectKeys } from './keys.ts';
import {
  attachmentDisposition,
  DOWNLOAD_URL_SECONDS,
  type FileStore,
  type ObjectHead,
  type ObjectRef,
  UPLOAD_URL_SECONDS,
} from './port.ts';

/** Where the local host serves signed uploads and downloads (not under /api: the API never carries bytes). */
export const LOCAL_FILES_PATH = '/local-files';
/** Room for the multipart envelope around the largest file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** What a signed link allows: one upload (of at most `max` bytes) or one download, until `exp`. */
interface Grant {
  op: 'put' | 'get';
  key: string;
  /** Expiry, ms since the epoch. */
  exp: number;
  max?: number;
  name?: string;
  type?: string;
}

/**
 * The local column of the file store: bytes under `<dataDir>/files/<table>/t/<tenant>/files/<id>`,
 * moved by the browser through links signed with an HMAC key kept in the table (so they survive a
 * restart) and valid for minutes. `localFileRoutes` serves them from the local host.
 */
export class LocalFileStore implements FileStore {
  private key?: Promise<Buffer>;

  constructor(
    private readonly opts: {
      /** Absolute folder the object keys live under. */
      root: string;
      /** The signing secret, loaded on first use. */
      secret: () => Promise<string>;
      clock: Clock;
    },
  ) {}

  async uploadTarget(ref: ObjectRef, { maxBytes }: { maxBytes: number }): Promise<UploadInstructions> {
    const exp = this.opts.clock.now().getTime() + UPLOAD_URL_SECONDS * 1000;
    const token = await this.sign({ op: 'put', key: this.keyOf(ref), exp, max: maxBytes });
    return {
      method: 'POST',
      url: `${LOCAL_FILES_PATH}/upload`,
      fields: { token },
      fileField: 'file',
      maxBytes,
      expiresAt: new Date(exp).toISOString(),
    };
  }

  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    try {
      const s = await stat(this.pathOf(this.keyOf(ref)));
      return { size: s.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async readStart(ref: ObjectRef, length: number): Promise<Uint8Array> {
    const handle = await open(this.pathOf(this.keyOf(ref)), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return new Uint8Array(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }

  async downloadUrl(ref: ObjectRef, opts: { fileName: string; contentType: string }) {
    const exp = this.opts.clock.now().getTime() + DOWNLOAD_URL_SECONDS * 1000;
    const token = await this.sign({
      op: 'get',
      key: this.keyOf(ref),
      exp,
      name: opts.fileName,
      type: opts.contentType,
    });
    return {
      url: `${LOCAL_FILES_PATH}/download?token=${encodeURIComponent(token)}`,
      expiresAt: new Date(exp).toISOString(),
    };
  }

  /** Nothing to clear locally: the data folder keeps what it is given. */
  async keep(): Promise<void> {}

  async delete(ref: ObjectRef): Promise<void> {
    await rm(this.pathOf(this.keyOf(ref)), { force: true });
  }

  /** Checks a link's token: the grant when it is genuine, unexpired and for this operation. */
  async verify(token: string, op: Grant['op']): Promise<Grant | undefined> {
    const [body, mac] = token.split('.');
    if (!body || !mac) return undefined;
    const expected = createHmac('sha256', await this.signingKey())
      .update(body)
      .digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let grant: Grant;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Grant;
    } catch {
      return undefined;
    }
    if (grant.op !== op || typeof grant.exp !== 'number' || grant.exp < this.opts.clock.now().getTime()) {
      return undefined;
    }
    return grant;
  }

  /**
   * Stores an upload under the grant's key: written to a temporary file and linked into place, so a
   * reader never sees half a file and an existing object is never replaced (one upload per file).
   */
  async store(key: string, bytes: Uint8Array): Promise<'stored' | 'exists'> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(temp, bytes);
    try {
      await link(temp, path);
      return 'stored';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw err;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  /** The object's path; refuses anything that would leave the root. */
  pathOf(key: string): string {
    const root = resolve(this.opts.root);
    const path = resolve(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error('Object key outside the file store');
    return path;
  }

  private keyOf(ref: ObjectRef): string {
    return objectKeys.file(ref.scope, ref.fileId);
  }

  private async sign(grant: Grant): Promise<string> {
    const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
    const mac = createHmac('sha256', await this.signingKey())
      .update(body)
      .digest('base64url');
    return `${body}.${mac}`;
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= this.opts.secret().then((s) => Buffer.from(s, 'utf8'));
    return this.key;
  }
}

/**
 * The local host's side of the signed links: `POST /local-files/upload` takes the same
 * multipart form a presigned S3 POST takes (fields, then `file`) and answers 204 like S3;
 * `GET /local-files/download?token=` streams the bytes as an attachment.
 */
export function localFileRoutes(store: LocalFileStore): Hono {
  const app = new Hono();
  const refuse = (status: 400 | 403 | 404 | 409 | 413, message: string) =>
    new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  app.post(
    `${LOCAL_FILES_PATH}/upload`,
    // A declared length over the largest file is refused before any byte is read; a body without
    // one is cut off at the same bound. The connection then closes behind the refusal.
    bodyLimit({
      maxSize: MAX_FILE_BYTES + FORM_OVERHEAD_BYTES,
      onError: () => {
        const res = refuse(413, 'The file is larger than this upload allows');
        res.headers.set('connection', 'close');
        return res;
      },
    }),
    async (c) => {
      const form = await readForm(c.req.raw);
      if (!form) return refuse(400, 'Send the file as multipart/form-data with the fields you were given');
      const token = form.get('token');
      const file = form.get('file');
      const grant = typeof token === 'string' ? await store.verify(token, 'put') : undefined;
      if (!grant) return refuse(403, 'This upload link is invalid or has expired');
      if (!(file instanceof File)) return refuse(400, 'The form has no file field');
      const max = grant.max ?? 0;
      if (file.size > max) return refuse(413, `The file is larger than ${max} bytes`);
      if (file.size < 1) return refuse(400, 'The file is empty');
      const stored = await store.store(grant.key, new Uint8Array(await file.arrayBuffer()));
      if (stored === 'exists') return refuse(409, 'This file was already uploaded');
      return c.body(null, 204);
    },
  );

  app.get(`${LOCAL_FILES_PATH}/download`, async (c) => {
    const grant = await store.verify(c.req.query('token') ?? '', 'get');
    if (!grant) return refuse(403, 'This download link is invalid or has expired');
    const path = store.pathOf(grant.key);
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) return refuse(404, 'The file is gone');
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
      headers: {
        'content-type': grant.type ?? 'application/octet-stream',
        'content-length': String(size),
        'content-disposition': attachmentDisposition(grant.name ?? 'file'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
  return app;
}

/** The multipart form, or undefined when the body is not one. */
async function readForm(req: Request): Promise<FormData | undefined> {
  if (!/^multipart\/form-data\b/i.test(req.headers.get('content-type') ?? '')) return undefined;
  try {
    return await req.formData();
  } catch {
    return undefined;
  }
}
