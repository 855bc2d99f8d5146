import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from '../../infra/constructs/web.ts';
import { LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { RoundsStack } from '../../infra/rounds-stack.ts';
import { STAGES } from '../../infra/stage-config.ts';
import { functionsBy, logicalIdOf, only, statementsOf } from './stack-support.ts';
import { actionsOf, outdir, synthStage, TEMPLATE_ONLY } from './synth.ts';

/** A bucket nobody reaches from the internet: every public-access switch on. */
const NO_PUBLIC_ACCESS = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

// CloudFront and the site bucket, and the files bucket the browser uploads to.
// The dev stage is synthesized once (with cdk-nag) and shared by every test in this file.
let dev: Template;

beforeAll(() => {
  dev = synthStage('dev', {}, undefined, TEMPLATE_ONLY).template;
}, 120_000);

describe('web hosting', () => {
  const distribution = (t: Template) =>
    only(Object.values(t.findResources('AWS::CloudFront::Distribution'))).Properties.DistributionConfig;

  it('a private, encrypted, versioned, TLS-only bucket read by CloudFront through origin access control', () => {
    const site = Object.entries(dev.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('WebSite'),
    )!;
    expect(site[1].Properties).toMatchObject({
      PublicAccessBlockConfiguration: NO_PUBLIC_ACCESS,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^WebAccessLogs/) } },
    });
    dev.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site[0] },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    dev.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(distribution(dev).Origins[0].OriginAccessControlId).toBeDefined();
  });

  it('strict security headers on every response, the API’s included', () => {
    dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      },
    });
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
    // The deployed policy is that one with the files bucket added to connect-src (browser uploads).
    const csp = JSON.stringify(
      only(Object.values(dev.findResources('AWS::CloudFront::ResponseHeadersPolicy'))).Properties
        .ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    );
    expect(csp).toContain("connect-src 'self' https://rounds-dev-files-");
    expect(csp).toContain("frame-ancestors 'none'");
    const config = distribution(dev);
    const policy = config.DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(
      config.CacheBehaviors.every((b: { ResponseHeadersPolicyId: unknown }) => b.ResponseHeadersPolicyId),
    ).toBe(true);
    expect(policy).toEqual({ Ref: logicalIdOf(dev, 'AWS::CloudFront::ResponseHeadersPolicy') });
  });

  it('/api/* goes uncached, with every method and the viewer’s headers and cookies, to the HTTP API on the same origin', () => {
    const config = distribution(dev);
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      // Forwards every viewer header but Host, and every cookie: the refresh cookie reaches the API.
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
    });
    // And its Set-Cookie comes back: the response headers policy removes no header.
    const headerPolicies = Object.values(dev.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(headerPolicies).toHaveLength(1);
    expect(headerPolicies[0]!.Properties.ResponseHeadersPolicyConfig.RemoveHeadersConfig).toBeUndefined();
    expect(JSON.stringify(headerPolicies)).not.toMatch(/set-cookie/i);
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin.DomainName).toEqual({
      'Fn::Join': [
        '',
        [
          { Ref: logicalIdOf(dev, 'AWS::ApiGatewayV2::Api') },
          '.execute-api.',
          { Ref: 'AWS::Region' },
          '.',
          { Ref: 'AWS::URLSuffix' },
        ],
      ],
    });
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(config.Logging.Bucket).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^WebAccessLogs/), 'RegionalDomainName'],
    });
  });

  it('app routes fall back to index.html by a viewer-request function, not error pages (API 404s stay JSON)', () => {
    const config = distribution(dev);
    expect(config.CustomErrorResponses).toBeUndefined();
    const [association] = config.DefaultCacheBehavior.FunctionAssociations;
    expect(association.EventType).toBe('viewer-request');
    const fn = only(Object.values(dev.findResources('AWS::CloudFront::Function'))).Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const handler = new Function(`${fn.FunctionCode}; return handler;`)() as (e: unknown) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/schedule')).toBe('/index.html');
    expect(rewrite('/r/abc-123')).toBe('/index.html');
    expect(rewrite('/assets/index-1a2b.js')).toBe('/assets/index-1a2b.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
    expect(rewrite('/api/nothing-here')).toBe('/api/nothing-here');
  });

  it('synth stops with a clear message when the web build is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rounds-no-web-'));
    try {
      const app = new App({ outdir, context: cdkJson.context });
      expect(() => new RoundsStack(app, 'Rounds-noweb', { stage: STAGES.dev, webDist: empty })).toThrow(
        `No web build in ${empty}: run "npm run build:web" before synth or deploy`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('the web build is uploaded with every deploy and index.html invalidated', () => {
    dev.resourceCountIs('Custom::CDKBucketDeployment', 1);
    dev.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('^WebSite') },
      DistributionPaths: ['/index.html'],
    });
  });
});

describe('files', () => {
  const bucketOf = (t: Template) =>
    only(Object.entries(t.findResources('AWS::S3::Bucket')).filter(([id]) => id.startsWith('FilesBucket')));

  it('a private bucket with its own rotating key, versioned, TLS-only, logged, CORS for the web origin only', () => {
    const [id, bucket] = bucketOf(dev);
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: NO_PUBLIC_ACCESS,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^FilesFilesKey/), 'Arn'] },
            },
          },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: expect.stringMatching(/^WebAccessLogs/) },
        LogFilePrefix: 'files/',
      },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
    // Uploads nobody completed (still tagged pending) go after two days; superseded versions after 30.
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ExpirationInDays: 2,
          TagFilters: [{ Key: 'rounds-upload', Value: 'pending' }],
          Status: 'Enabled',
        }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
      ]),
    );
    const cors = bucket.Properties.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods.sort()).toEqual(['GET', 'POST', 'PUT']);
    expect(JSON.stringify(cors[0].AllowedOrigins)).toContain('DomainName');
    dev.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('only the documents function touches it: objects under t/* and the files key, named by FILES_BUCKET', () => {
    const [id] = bucketOf(dev);
    const documents = only(functionsBy(dev, 'documents'));
    expect(documents.Properties.Environment.Variables.FILES_BUCKET).toEqual({ Ref: id });
    const onBucket = (service: string) =>
      statementsOf(dev, service).filter((s) => JSON.stringify(s.Resource).includes(id));
    const granted = onBucket('documents');
    expect(granted.flatMap(actionsOf).sort()).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectTagging',
      's3:DeleteObjectVersion',
      's3:DeleteObjectVersionTagging',
      's3:GetObject',
      's3:GetObjectVersion',
      's3:PutObject',
      's3:PutObjectTagging',
    ]);
    for (const s of granted) {
      expect(s.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/t/*']] });
    }
    for (const other of LAMBDA_DOMAINS.filter((d) => d !== 'documents')) expect(onBucket(other)).toEqual([]);
  });
});
