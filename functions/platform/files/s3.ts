import {
  DeleteObjectCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadInstructions } from '../../../shared/schemas/files.ts';
import type { Clock } from '../clock.ts';
import { objectKeys, PENDING_TAG } from './keys.ts';
import {
  attachmentDisposition,
  DOWNLOAD_URL_SECONDS,
  type FileStore,
  type ObjectHead,
  type ObjectRef,
  UPLOAD_URL_SECONDS,
} from './port.ts';

const PENDING_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_TAG.key}</Key><Value>${PENDING_TAG.value}</Value></Tag></TagSet></Tagging>`;

/**
 * The cloud column of the file store: a private, KMS-encrypted, versioned bucket. The browser
 * uploads with a presigned POST whose policy pins the key and a `content-length-range` (so S3
 * itself refuses a bigger body) and downloads through a presigned GET of the checked version.
 * Only the documents Lambda bundles this (its handler passes it), keeping the S3 SDK out of the rest.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  async uploadTarget(ref: ObjectRef, { maxBytes }: { maxBytes: number }): Promise<UploadInstructions> {
    const key = objectKeys.file(ref.scope, ref.fileId);
    const post = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ['eq', '$key', key],
      ],
      // A field is also an exact condition of the policy: the upload cannot drop the pending mark.
      Fields: { tagging: PENDING_TAGGING },
      Expires: UPLOAD_URL_SECONDS,
    });
    return {
      method: 'POST',
      url: post.url,
      fields: post.fields,
      fileField: 'file',
      maxBytes,
      expiresAt: new Date(this.clock.now().getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    };
  }

  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    try {
      const out = await this.s3.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: objectKeys.file(ref.scope, ref.fileId) }),
      );
      return { size: out.ContentLength ?? 0, version: out.VersionId };
    } catch (err) {
      // Without s3:ListBucket (not granted: it would list every tenant's keys) S3 answers a missing
      // key with 403 instead of 404. The role may read every t/* key, so either means "not there".
      const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
      if (status === 404 || status === 403) return undefined;
      throw err;
    }
  }

  async readStart(ref: ObjectRef, length: number, version?: string): Promise<Uint8Array> {
    const out = await this.s3.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: objectKeys.file(ref.scope, ref.fileId),
        VersionId: version,
        Range: `bytes=0-${length - 1}`,
      }),
    );
    return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
  }

  async downloadUrl(ref: ObjectRef, opts: { fileName: string; contentType: string; version?: string }) {
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: objectKeys.file(ref.scope, ref.fileId),
        VersionId: opts.version,
        ResponseContentType: opts.contentType,
        ResponseContentDisposition: attachmentDisposition(opts.fileName),
        ResponseCacheControl: 'private, no-store',
      }),
      { expiresIn: DOWNLOAD_URL_SECONDS },
    );
    return {
      url,
      expiresAt: new Date(this.clock.now().getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString(),
    };
  }

  async keep(ref: ObjectRef, version?: string): Promise<void> {
    await this.s3.send(
      new DeleteObjectTaggingCommand({
        Bucket: this.bucket,
        Key: objectKeys.file(ref.scope, ref.fileId),
        VersionId: version,
      }),
    );
  }

  /** Deletes the given version for good, or (without one) hides the object behind a delete marker. */
  async delete(ref: ObjectRef, version?: string): Promise<void> {
    await this.s3.send(
      new DeleteObjectCommand({
        Bucket: this.bucket,
        Key: objectKeys.file(ref.scope, ref.fileId),
        VersionId: version,
      }),
    );
  }
}

/** The documents function's store: the files bucket through the function role's credentials. */
export function s3FileStore(opts: { region: string; bucket: string; clock: Clock }): S3FileStore {
  return new S3FileStore(new S3Client({ region: opts.region }), opts.bucket, opts.clock);
}
