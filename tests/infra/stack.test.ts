import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS } from '../../functions/jobs/schedules.ts';
import { API_ROUTES, AUTH_ROUTES } from '../../infra/api-routes.ts';
import { TENANT_LEADING_KEYS } from '../../infra/constructs/tenant-access.ts';
import { CONTENT_SECURITY_POLICY } from '../../infra/constructs/web.ts';
import { PASSWORD_LENGTH } from '../../shared/schemas/common.ts';
import { TABLE } from '../../shared/table.ts';
import { actionsOf, policyStatements, synthStage } from './synth.ts';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
}, 120_000);

const functionsBy = (t: Template, service: string) =>
  Object.values(
    t.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { SERVICE_NAME: service } } },
    }),
  );

describe('data', () => {
  it('one on-demand table with the local key and index definition, CMK, PITR, streams, TTL, retained', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
  });

  it('every KMS key rotates and is retained', () => {
    for (const key of Object.values(prod.findResources('AWS::KMS::Key'))) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('AWS Backup runs in prod only', () => {
    prod.resourceCountIs('AWS::Backup::BackupPlan', 1);
    prod.resourceCountIs('AWS::Backup::BackupSelection', 1);
    dev.resourceCountIs('AWS::Backup::BackupPlan', 0);
  });
});

describe('identity', () => {
  it('a user pool users cannot write claims into: no custom attributes, no self sign-up', () => {
    const pool = Object.values(dev.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    expect(pool.Schema ?? []).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: expect.stringMatching(/^custom:/) })]),
    );
    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: PASSWORD_LENGTH.min,
      RequireUppercase: false,
    });
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.DeletionProtection).toBe('ACTIVE');
    expect(pool.UserPoolTier ?? pool.UserPoolAddOns).toBeDefined();
    expect(pool.LambdaConfig.PreTokenGenerationConfig).toMatchObject({ LambdaVersion: 'V2_0' });
    // Claims are looked up by email: a new address counts only once verified.
    expect(pool.UserAttributeUpdateSettings).toEqual({
      AttributesRequireVerificationBeforeUpdate: ['email'],
    });
  });

  it('the app client signs in with the password flow, 15-minute tokens, revocable 30-day refresh', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 43200,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('API', () => {
  it('one Node.js 22 arm64 ESM Lambda per domain, with the cloud environment', () => {
    for (const domain of Object.keys(API_ROUTES)) {
      const [fn] = functionsBy(dev, domain);
      expect(fn?.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON' },
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            RUNTIME: 'cloud',
            TABLE_NAME: expect.anything(),
            USER_POOL_ID: expect.anything(),
            USER_POOL_CLIENT_ID: expect.anything(),
            TENANT_ROLE_ARN: expect.anything(),
            PUBLIC_URL: expect.anything(),
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
    }
  });

  it('public routes have no authorizer; every other route needs the Cognito JWT', () => {
    const routes = Object.values(dev.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const publicKeys = Object.values(API_ROUTES).flatMap((d) => d.public);
    for (const route of routes) {
      const open = publicKeys.includes(route.RouteKey);
      expect(route.AuthorizationType, route.RouteKey).toBe(open ? 'NONE' : 'JWT');
    }
    expect(routes.map((r) => r.RouteKey)).toEqual(
      expect.arrayContaining([...publicKeys, 'ANY /api/team/{proxy+}']),
    );
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('throttles the stage, and sign-in and sign-up harder; access logs go to an encrypted, retained group', () => {
    const stage = Object.values(dev.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    for (const route of AUTH_ROUTES) {
      expect(stage.RouteSettings[route]).toMatchObject({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    }
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
    for (const group of Object.values(dev.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.KmsKeyId).toBeDefined();
      expect(group.Properties.RetentionInDays).toBe(30);
    }
  });

  it('no CORS without a custom domain: web and API share the CloudFront origin', () => {
    const api = Object.values(dev.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties;
    expect(api.CorsConfiguration).toBeUndefined();
  });
});

describe('tenant-scoped credentials (the IAM wall)', () => {
  const tenantRole = (t: Template) =>
    Object.entries(t.findResources('AWS::IAM::Role')).find(([id]) => id.includes('TenantDataRole'))!;

  it('every statement of the tenant role carries the LeadingKeys condition', () => {
    const [roleId, role] = tenantRole(dev);
    const statements = policyStatements(dev).filter((s) => s.roles.includes(roleId));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const { statement } of statements) {
      expect(statement.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual([
        TENANT_LEADING_KEYS,
      ]);
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    expect(TENANT_LEADING_KEYS).toBe('T#${aws:PrincipalTag/TenantId}#*');
    expect(role.Properties.MaxSessionDuration).toBe(3600);
  });

  it('only the API functions may assume it, and only with a TenantId session tag', () => {
    const [, role] = tenantRole(dev);
    const trust = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(trust).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: expect.arrayContaining(['sts:AssumeRole', 'sts:TagSession']),
          Condition: { StringLike: { 'aws:RequestTag/TenantId': '?*' } },
        }),
      ]),
    );
    for (const s of trust) expect(JSON.stringify(s.Principal)).not.toMatch(/:root/);
  });

  it('no role in the stack may Scan the table', () => {
    for (const { owner, statement } of policyStatements(prod)) {
      const actions = actionsOf(statement);
      expect(actions, owner).not.toContain('dynamodb:Scan');
      expect(actions, owner).not.toContain('dynamodb:*');
    }
  });
});

describe('web hosting', () => {
  it('a private, encrypted bucket read by CloudFront through origin access control', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
      },
    });
    dev.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('strict security headers on every response', () => {
    dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Preload: true,
          },
          FrameOptions: { FrameOption: 'DENY' },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
        },
      },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('/api/* goes uncached to the HTTP API; app routes fall back to index.html by function, not error pages', () => {
    const config = Object.values(dev.findResources('AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      ViewerProtocolPolicy: 'https-only',
    });
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    expect(config.Logging).toBeDefined();
    dev.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});

describe('jobs', () => {
  it('the Streams consumer reports partial batch failures, sees only new outbox items and dead-letters', () => {
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { type: { S: ['outbox'] } } },
            }),
          },
        ],
      },
    });
  });

  it('one schedule per job, each with a dead-letter queue and retries', () => {
    const rules = Object.values(dev.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(SCHEDULED_JOBS.length);
    for (const job of SCHEDULED_JOBS) {
      const rule = rules.find((r) => r.Properties.Targets[0].Input === JSON.stringify({ job: job.name }))!;
      expect(rule.Properties.ScheduleExpression).toBe(`rate(${job.everyMinutes} minutes)`);
      expect(rule.Properties.Targets[0]).toMatchObject({
        Input: JSON.stringify({ job: job.name }),
        DeadLetterConfig: { Arn: expect.anything() },
        RetryPolicy: { MaximumRetryAttempts: 2 },
      });
    }
  });

  it('job functions may send email from the stage sender and text reminders, nothing else outbound', () => {
    const statements = policyStatements(dev).map((s) => s.statement);
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Sid: 'SendOutboxMail', Action: 'ses:SendEmail' }),
        expect.objectContaining({ Sid: 'SendTextReminders', Action: 'sns:Publish' }),
      ]),
    );
  });

  it('dead-letter queues are encrypted and TLS-only', () => {
    for (const queue of Object.values(dev.findResources('AWS::SQS::Queue'))) {
      expect(queue.Properties.KmsMasterKeyId).toBeDefined();
    }
    dev.resourceCountIs('AWS::SQS::QueuePolicy', 2);
  });
});

describe('observability', () => {
  it('alarms on API 5xx rate, Lambda errors and throttles per function, and dead-letter depth', () => {
    const alarms = Object.values(dev.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.some((a) => JSON.stringify(a.Metrics ?? '').includes('100 * errors / requests'))).toBe(
      true,
    );
    for (const metric of ['Errors', 'Throttles']) {
      expect(alarms.filter((a) => a.MetricName === metric)).toHaveLength(Object.keys(API_ROUTES).length + 3);
    }
    expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    for (const a of alarms) expect(a.AlarmActions).toHaveLength(1);
  });

  it('alarms reach an encrypted topic, mailed to on-call in prod', () => {
    dev.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email' });
    dev.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
