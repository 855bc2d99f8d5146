import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';

/** The stage, the API origin, the web build and the key of the site bucket. */
export interface WebProps {
  stage: StageConfig;
  /** The HTTP API's host name; `/api/*` is forwarded there on the same origin. */
  apiOriginDomain: string;
  /** The built Solid app (`npm run build:web`). */
  distDir: string;
  /** Encrypts the site bucket (CloudFront decrypts through origin access control). */
  key: kms.IKey;
  /** Origins the page may also send requests to: the files bucket the browser uploads to. */
  connectSources?: string[];
}

/** The same policy the local host sends (functions/local/server.ts), plus HSTS. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** The policy with more origins the page may send requests to (the files bucket's uploads). */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  if (!connectSources.length) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(
    "connect-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
  );
}

/** SPA fallback for page paths only: an API 404 must stay JSON, so no distribution-wide error pages. */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (!request.uri.startsWith('/api/') && request.uri.indexOf('.', request.uri.lastIndexOf('/')) === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The web app: a private bucket read only by CloudFront (origin access control), strict
 * security headers on every response, `/api/*` routed to the HTTP API on the same origin,
 * and the build uploaded with every deploy.
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  /** Server access logs of the site bucket and CloudFront standard logs. */
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WebProps,
  ) {
    super(scope, id);
    if (!existsSync(join(props.distDir, 'index.html'))) {
      throw new Error(`No web build in ${props.distDir}: run "npm run build:web" before synth or deploy`);
    }
    const cert = props.stage.webDomain?.certificateArn;
    if (cert && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//.test(cert)) {
      throw new Error(`CloudFront needs an ACM certificate in us-east-1; got ${cert}`);
    }
    const logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.stage.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logBucket = logBucket;
    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'site/',
      // Only the build lives here, but a non-empty bucket would block tear-down; it is kept.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Rounds: strict CSP, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.connectSources),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });
    const spa = new cloudfront.Function(this, 'SpaRewrite', {
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for app routes; files and /api pass through',
    });
    const domain = props.stage.webDomain;
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Rounds ${props.stage.name}`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cdn/',
      ...(domain
        ? {
            domainNames: [domain.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: acm.Certificate.fromCertificateArn(this, 'Cert', domain.certificateArn),
          }
        : {}),
      defaultBehavior: {
        // Reason (implicit grants): this distribution alone may GetObject (bucket policy) and
        // decrypt with the key (key policy), through origin access control.
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spa, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiOriginDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    // The key policy names this account's distributions by wildcard (an exact id would be a
    // dependency cycle); the statement still requires CloudFront as caller and our account.
    // CDK attaches the warning to the stack (the key lives there), so it is acknowledged there.
    Validations.of(Stack.of(this)).acknowledge({
      id: 'Annotation::@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac',
      reason: 'Scoped to this account’s CloudFront distributions; an exact id would create a cycle',
    });
    // Reason (implicit grants): CDK's upload helper writes and prunes the site bucket (and uses
    // its key) and invalidates the distribution; it runs only during deploys.
    new s3deploy.BucketDeployment(this, 'Upload', {
      sources: [s3deploy.Source.asset(props.distDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html'],
      memoryLimit: 512,
      // The upload helper logs like our functions do: encrypted, with the stage's retention.
      logGroup: new logs.LogGroup(this, 'UploadLogs', {
        retention: props.stage.logRetentionDays as logs.RetentionDays,
        encryptionKey: props.key,
        removalPolicy: RemovalPolicy.RETAIN,
      }),
    });
  }

  /** The web app's URL (custom domain when configured). */
  get url(): string {
    return `https://${this.domainName}`;
  }

  private get domainName(): string {
    return this.props.stage.webDomain?.domainName ?? this.distribution.domainName;
  }
}
