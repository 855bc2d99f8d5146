import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PENDING_TAG } from '../../functions/platform/files/keys.ts';
import type { StageConfig } from '../stage-config.ts';

/** The stage and where the bucket's server access logs go. */
export interface FilesProps {
  stage: StageConfig;
  /** Receives the bucket's server access logs (the stack's log bucket). */
  accessLogs: s3.IBucket;
}

/** The object-key prefix every tenant's bytes live under (functions/platform/files/keys.ts). */
export const FILES_KEY_PATTERN = 't/*';

/**
 * Uploaded files: a private bucket encrypted with its own rotating key, versioned, TLS-only, with
 * public access blocked and server access logs. Browsers upload through presigned POSTs and
 * download through presigned GETs made by the documents function, so the bucket answers CORS for
 * the web origin only. Superseded versions (a refused upload, an overwritten one) expire after 30 days.
 */
export class Files extends Construct {
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;

  /**
   * The bucket's name, from the stage, account and region only: the web CSP names the upload origin
   * while the bucket's CORS names the web origin, and a name that refers to neither breaks the cycle.
   */
  static bucketName(stage: StageConfig): string {
    return `rounds-${stage.name}-files-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
  }

  /** The origin browsers upload to (the bucket's regional endpoint): the web CSP's connect-src. */
  static uploadOrigin(stage: StageConfig): string {
    return `https://${Files.bucketName(stage)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'FilesKey', {
      description: `Rounds ${props.stage.name}: uploaded files`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: Files.bucketName(props.stage),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'files/',
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // Uploads arrive tagged pending (functions/platform/files/s3.ts); the check clears the tag.
        // One nobody completed is dropped after two days (its record expired after one).
        { tagFilters: { [PENDING_TAG.key]: PENDING_TAG.value }, expiration: Duration.days(2) },
      ],
      // Practice records: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Lets the web app's origin POST uploads and GET downloads straight to the bucket. */
  allowOrigin(origin: string): void {
    this.bucket.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.PUT],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    });
  }

  /** What the documents function needs on tenant objects, and nothing on the rest of the bucket. */
  grantDocuments(fn: iam.IGrantable & { addEnvironment(k: string, v: string): unknown }): void {
    const objects = this.bucket.arnForObjects(FILES_KEY_PATTERN);
    const role = fn.grantPrincipal;
    // Reason: presigned POSTs it signs upload new objects (and versions) under t/* only, tagged pending.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'UploadFiles',
        actions: ['s3:PutObject', 's3:PutObjectTagging'],
        resources: [objects],
      }),
    );
    // Reason: a checked upload is kept by clearing its pending tag (that version).
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'KeepCheckedFiles',
        actions: ['s3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging'],
        resources: [objects],
      }),
    );
    // Reason: the content check reads an object's head and first bytes (that version); presigned GETs download it.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadFiles',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [objects],
      }),
    );
    // Reason: a refused upload (wrong type, too large) is deleted, that version for good.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DeleteRefusedFiles',
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [objects],
      }),
    );
    // Reason: S3 encrypts uploads and decrypts reads with the files key on behalf of the signer.
    this.key.grant(role, 'kms:Decrypt', 'kms:GenerateDataKey');
    fn.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
  }
}
