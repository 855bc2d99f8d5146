import { NotFound, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { DOWNLOAD_URL_SECONDS, UPLOAD_URL_SECONDS } from '../../functions/platform/files/port.ts';
import { S3FileStore } from '../../functions/platform/files/s3.ts';
import { MAX_FILE_BYTES } from '../../shared/schemas/files.ts';

/** Presigning is local computation: static credentials, no network. */
const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});
const clock = { now: () => new Date() };
const store = new S3FileStore(s3, 'rounds-files-test', clock);
const ref = { scope: { tenantId: '01TENANTA0000000000000000' }, fileId: '01FILE00000000000000000000' };
const KEY = 't/01TENANTA0000000000000000/files/01FILE00000000000000000000';

describe('S3 file store (presigned, no network)', () => {
  it('the upload form is a presigned POST whose policy pins the key and 1..10 MB', async () => {
    const up = await store.uploadTarget(ref, { maxBytes: MAX_FILE_BYTES });
    expect(up.method).toBe('POST');
    expect(up.url).toBe('https://rounds-files-test.s3.us-east-1.amazonaws.com/');
    expect(up.fields.key).toBe(KEY);
    expect(up.fileField).toBe('file');
    const policy = JSON.parse(Buffer.from(up.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', 1, MAX_FILE_BYTES]);
    expect(policy.conditions).toContainEqual(['eq', '$key', KEY]);
    expect(policy.conditions).toContainEqual({ bucket: 'rounds-files-test' });
    // Uploads arrive tagged pending; the policy holds the form to it.
    const tagging =
      '<Tagging><TagSet><Tag><Key>rounds-upload</Key><Value>pending</Value></Tag></TagSet></Tagging>';
    expect(up.fields.tagging).toBe(tagging);
    expect(policy.conditions).toContainEqual({ tagging });
    const expires = Date.parse(policy.expiration) - Date.now();
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(UPLOAD_URL_SECONDS * 1000 + 1000);
    expect(up.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('another tenant gets a key under its own prefix', async () => {
    const up = await store.uploadTarget({ ...ref, scope: { tenantId: 'OTHER' } }, { maxBytes: 100 });
    expect(up.fields.key).toBe('t/OTHER/files/01FILE00000000000000000000');
  });

  it('a key cannot leave the tenant prefix', async () => {
    await expect(store.uploadTarget({ ...ref, fileId: '../../x' }, { maxBytes: 1 })).rejects.toThrow(
      /Invalid tenant or file id/,
    );
  });

  it('the download link is a presigned GET of that version, expiring within minutes, as an attachment', async () => {
    const { url, expiresAt } = await store.downloadUrl(ref, {
      fileName: 'Handbook "v2".pdf',
      contentType: 'application/pdf',
      version: 'v123',
    });
    const u = new URL(url);
    expect(u.hostname).toBe('rounds-files-test.s3.us-east-1.amazonaws.com');
    expect(decodeURIComponent(u.pathname)).toBe(`/${KEY}`);
    expect(Number(u.searchParams.get('X-Amz-Expires'))).toBe(DOWNLOAD_URL_SECONDS);
    expect(DOWNLOAD_URL_SECONDS).toBeLessThanOrEqual(15 * 60);
    expect(u.searchParams.get('versionId')).toBe('v123');
    expect(u.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(u.searchParams.get('response-content-disposition')).toMatch(
      /^attachment; filename="Handbook _v2_.pdf"/,
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(DOWNLOAD_URL_SECONDS * 1000 + 1000);
  });
});

describe('S3 file store calls (answered in-process, no network)', () => {
  /** A client whose every command is answered by `answer` before it is serialized or sent. */
  function fakeS3(answer: (name: string, input: Record<string, unknown>) => unknown) {
    const client = new S3Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const calls: { name: string; input: Record<string, unknown> }[] = [];
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        calls.push({ name: context.commandName ?? '?', input });
        return { output: answer(context.commandName ?? '?', input) as never, response: {} };
      },
      { step: 'initialize', name: 'fakeS3', priority: 'high' },
    );
    return { store: new S3FileStore(client, 'rounds-files-test', clock), calls };
  }

  it('head reads size and version; a missing object (404 or 403 without ListBucket) is undefined', async () => {
    const { store, calls } = fakeS3(() => ({ ContentLength: 1234, VersionId: 'v1', $metadata: {} }));
    expect(await store.head(ref)).toEqual({ size: 1234, version: 'v1' });
    expect(calls[0]).toEqual({ name: 'HeadObjectCommand', input: { Bucket: 'rounds-files-test', Key: KEY } });
    for (const status of [404, 403]) {
      const missing = fakeS3(() => {
        throw new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: status } });
      });
      expect(await missing.store.head(ref)).toBeUndefined();
    }
    const broken = fakeS3(() => {
      throw new NotFound({ message: 'busy', $metadata: { httpStatusCode: 503 } });
    });
    await expect(broken.store.head(ref)).rejects.toThrow('busy');
  });

  it('reads only the first bytes of the checked version, keeps and deletes that version', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const { store, calls } = fakeS3((name) =>
      name === 'GetObjectCommand'
        ? { Body: { transformToByteArray: async () => bytes }, $metadata: {} }
        : { $metadata: {} },
    );
    expect(await store.readStart(ref, 8192, 'v1')).toEqual(bytes);
    await store.keep(ref, 'v1');
    await store.delete(ref, 'v1');
    expect(calls.map((c) => [c.name, c.input])).toEqual([
      ['GetObjectCommand', { Bucket: 'rounds-files-test', Key: KEY, VersionId: 'v1', Range: 'bytes=0-8191' }],
      ['DeleteObjectTaggingCommand', { Bucket: 'rounds-files-test', Key: KEY, VersionId: 'v1' }],
      ['DeleteObjectCommand', { Bucket: 'rounds-files-test', Key: KEY, VersionId: 'v1' }],
    ]);
  });
});
