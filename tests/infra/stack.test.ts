import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { SCHEDULED_JOBS } from '../../functions/jobs/schedules.ts';
import { API_ROUTES, AUTH_ROUTES } from '../../infra/api-routes.ts';
import { TENANT_LEADING_KEYS } from '../../infra/constructs/tenant-access.ts';
import { CONTENT_SECURITY_POLICY } from '../../infra/constructs/web.ts';
import { LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { RoundsStack } from '../../infra/rounds-stack.ts';
import { STAGES } from '../../infra/stage-config.ts';
import { MFA_CHALLENGE_MINUTES } from '../../shared/schemas/auth.ts';
import { PASSWORD_LENGTH } from '../../shared/schemas/common.ts';
import { TABLE } from '../../shared/table.ts';
import { actionsOf, outdir, policyStatements, type Synthesized, synthStage } from './synth.ts';

// Each stage is synthesized once (with cdk-nag) and shared by every test in this file.
let devStage: Synthesized;
let prodStage: Synthesized;
let dev: Template;
let prod: Template;

beforeAll(() => {
  devStage = synthStage('dev');
  prodStage = synthStage('prod');
  dev = devStage.template;
  prod = prodStage.template;
}, 120_000);

type Resource = { Type: string; Properties: Record<string, any>; [key: string]: any };

const functionsBy = (t: Template, service: string): Resource[] =>
  Object.values(
    t.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { SERVICE_NAME: service } } },
    }),
  ) as Resource[];

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

const logicalIdOf = (t: Template, type: string) => only(Object.keys(t.findResources(type)));

/** Statements of the policies attached to the role of the function with this SERVICE_NAME. */
const statementsOf = (t: Template, service: string) => {
  const role = only(functionsBy(t, service)).Properties.Role['Fn::GetAtt'][0] as string;
  return policyStatements(t)
    .filter((s) => s.roles.includes(role))
    .map((s) => s.statement);
};

describe('cdk-nag (AwsSolutions and HIPAA.Security)', () => {
  it.each(['dev', 'prod'] as const)('leaves no unacknowledged finding on %s', (stage) => {
    const { findings } = stage === 'dev' ? devStage : prodStage;
    expect(findings, `unacknowledged findings:\n${findings.join('\n')}`).toEqual([]);
  });
});

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
        AttributeDefinitions: Match.arrayWith([{ AttributeName: TABLE.partitionKey, AttributeType: 'S' }]),
        GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTableKey'), 'Arn'] },
        },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
    const attributes = only(Object.values(dev.findResources('AWS::DynamoDB::Table'))).Properties
      .AttributeDefinitions as { AttributeType: string }[];
    expect(attributes.map((a) => a.AttributeType)).toEqual(Array(attributes.length).fill('S'));
  });

  it('every KMS key rotates and is retained', () => {
    for (const key of Object.values(prod.findResources('AWS::KMS::Key'))) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('AWS Backup runs in prod only, nightly and monthly into an encrypted vault', () => {
    expect(STAGES.prod.backups).toBe(true);
    prod.resourceCountIs('AWS::Backup::BackupPlan', 1);
    prod.resourceCountIs('AWS::Backup::BackupSelection', 1);
    prod.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({ RuleName: 'Nightly', Lifecycle: { DeleteAfterDays: 30 } }),
          Match.objectLike({ RuleName: 'Monthly', Lifecycle: { DeleteAfterDays: 365 } }),
        ],
      },
    });
    prod.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: Match.anyValue() });
    dev.resourceCountIs('AWS::Backup::BackupPlan', 0);
    dev.resourceCountIs('AWS::Backup::BackupVault', 0);
  });
});

describe('identity', () => {
  it('a user pool users cannot write claims into: no custom attributes, no self sign-up', () => {
    const pool = only(Object.values(dev.findResources('AWS::Cognito::UserPool')));
    expect(pool.DeletionPolicy).toBe('Retain');
    const props = pool.Properties;
    expect(props.Schema ?? []).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: expect.stringMatching(/^custom:/) })]),
    );
    expect(JSON.stringify(props)).not.toContain('custom:');
    expect(props.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(props.UsernameAttributes).toEqual(['email']);
    expect(props.Policies.PasswordPolicy).toEqual({
      MinimumLength: PASSWORD_LENGTH.min,
      RequireLowercase: false,
      RequireUppercase: false,
      RequireNumbers: false,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 3,
    });
    expect(props.MfaConfiguration).toBe('OPTIONAL');
    expect(props.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(props.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }],
    });
    expect(props.DeletionProtection).toBe('ACTIVE');
    expect(props.UserPoolTier).toBe('ESSENTIALS');
    // Claims are looked up by email: a new address counts only once verified.
    expect(props.UserAttributeUpdateSettings).toEqual({
      AttributesRequireVerificationBeforeUpdate: ['email'],
    });
  });

  it('invitation and verification mails speak as Rounds and carry the code placeholders', () => {
    const props = only(Object.values(dev.findResources('AWS::Cognito::UserPool'))).Properties;
    const invite = props.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invite.EmailSubject).toMatch(/Rounds/);
    expect(invite.EmailMessage).toContain('{username}');
    expect(invite.EmailMessage).toContain('{####}');
    expect(props.VerificationMessageTemplate).toMatchObject({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: expect.stringMatching(/Rounds/),
      EmailMessage: expect.stringContaining('{####}'),
    });
  });

  it('a V2 pre-token-generation trigger that may only GetItem on the base table', () => {
    const pool = only(Object.values(dev.findResources('AWS::Cognito::UserPool'))).Properties;
    const trigger = only(functionsBy(dev, 'pre-token'));
    const triggerId = Object.entries(dev.findResources('AWS::Lambda::Function')).find(
      ([, r]) => r === trigger,
    )![0];
    expect(pool.LambdaConfig.PreTokenGenerationConfig).toEqual({
      LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] },
      LambdaVersion: 'V2_0',
    });
    expect(trigger.Properties.Environment.Variables).toMatchObject({
      RUNTIME: 'cloud',
      TABLE_NAME: { Ref: logicalIdOf(dev, 'AWS::DynamoDB::Table') },
      SERVICE_NAME: 'pre-token',
      LOG_LEVEL: STAGES.dev.logLevel,
    });
    const tableStatements = statementsOf(dev, 'pre-token').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );
    expect(tableStatements).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::GetAtt': [logicalIdOf(dev, 'AWS::DynamoDB::Table'), 'Arn'] },
      }),
    ]);
    const kms = statementsOf(dev, 'pre-token').flatMap((s) =>
      actionsOf(s).filter((a) => a.startsWith('kms:')),
    );
    expect(kms).toEqual(['kms:Decrypt']);
  });

  it('the app client signs in with the password flow, 15-minute tokens, revocable 30-day refresh, a 5-minute code step', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 43200,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      AuthSessionValidity: MFA_CHALLENGE_MINUTES,
    });
  });
});

describe('API', () => {
  it('one Node.js 22 arm64 Lambda per domain, with the cloud environment', () => {
    for (const domain of LAMBDA_DOMAINS) {
      const fn = only(functionsBy(dev, domain));
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: {
          LogFormat: 'JSON',
          ApplicationLogLevel: 'INFO',
          LogGroup: { Ref: expect.any(String) },
        },
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            RUNTIME: 'cloud',
            TABLE_NAME: { Ref: logicalIdOf(dev, 'AWS::DynamoDB::Table') },
            USER_POOL_ID: { Ref: logicalIdOf(dev, 'AWS::Cognito::UserPool') },
            USER_POOL_CLIENT_ID: { Ref: logicalIdOf(dev, 'AWS::Cognito::UserPoolClient') },
            TENANT_ROLE_ARN: { 'Fn::GetAtt': [expect.stringMatching(/TenantDataRole/), 'Arn'] },
            PUBLIC_URL: expect.anything(),
            LOG_LEVEL: 'info',
            SERVICE_NAME: domain,
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
      expect(fn.Properties.Environment.Variables.MAIL_FROM).toBeUndefined();
    }
  });

  it('bundles are minified ESM with a require shim and a source map (local esbuild, no Docker)', () => {
    for (const domain of LAMBDA_DOMAINS) {
      const key = only(functionsBy(dev, domain)).Properties.Code.S3Key as string;
      const asset = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const code = readFileSync(join(asset, 'index.mjs'), 'utf8');
      expect(code.startsWith('import { createRequire as __cr }'), domain).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*as handler/);
      // Minified: long lines (template literals keep a few line breaks of their own).
      expect(code.length / code.split('\n').length).toBeGreaterThan(300);
      expect(existsSync(join(asset, 'index.mjs.map')), domain).toBe(true);
    }
  });

  it('public routes have no authorizer; every other route needs the Cognito JWT', () => {
    const routes = Object.values(dev.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const publicKeys = Object.values(API_ROUTES).flatMap((d) => d.public);
    for (const route of routes) {
      const open = publicKeys.includes(route.RouteKey);
      expect(route.AuthorizationType, route.RouteKey).toBe(open ? 'NONE' : 'JWT');
      expect(route.AuthorizerId === undefined, route.RouteKey).toBe(open);
    }
    const privateKeys = Object.values(API_ROUTES).flatMap((d) =>
      d.prefixes.flatMap((p) => [`ANY /api/${p}`, `ANY /api/${p}/{proxy+}`]),
    );
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([...publicKeys, ...privateKeys].sort());
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf(dev, 'AWS::Cognito::UserPoolClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.',
              { Ref: 'AWS::Region' },
              '.amazonaws.com/',
              { Ref: logicalIdOf(dev, 'AWS::Cognito::UserPool') },
            ],
          ],
        },
      },
    });
  });

  it('each route reaches its own domain’s Lambda', () => {
    const integrations = dev.findResources('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(dev.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    for (const domain of LAMBDA_DOMAINS) {
      const fnId = Object.entries(dev.findResources('AWS::Lambda::Function')).find(
        ([, r]) => r.Properties.Environment?.Variables?.SERVICE_NAME === domain,
      )![0];
      const integrationId = Object.entries(integrations).find(
        ([, r]) => r.Properties.IntegrationUri['Fn::GetAtt'][0] === fnId,
      )![0];
      const target = { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] };
      const keys = routes
        .filter((r) => JSON.stringify(r.Target) === JSON.stringify(target))
        .map((r) => r.RouteKey);
      expect(keys.length, domain).toBe(
        API_ROUTES[domain].public.length + API_ROUTES[domain].prefixes.length * 2,
      );
      for (const key of API_ROUTES[domain].public) expect(keys, domain).toContain(key);
    }
  });

  it('throttles the stage, and sign-in and sign-up harder; access logs go to an encrypted, retained group', () => {
    const stage = only(Object.values(dev.findResources('AWS::ApiGatewayV2::Stage'))).Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: STAGES.dev.throttle.rate,
      ThrottlingBurstLimit: STAGES.dev.throttle.burst,
    });
    expect(AUTH_ROUTES).toEqual(expect.arrayContaining(['POST /api/auth/login', 'POST /api/signup']));
    expect(Object.keys(stage.RouteSettings).sort()).toEqual([...AUTH_ROUTES].sort());
    for (const route of AUTH_ROUTES) {
      expect(stage.RouteSettings[route]).toEqual({
        ThrottlingRateLimit: STAGES.dev.authThrottle.rate,
        ThrottlingBurstLimit: STAGES.dev.authThrottle.burst,
      });
    }
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    });
    const destination = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    const group = dev.findResources('AWS::Logs::LogGroup')[destination]!;
    expect(group.Properties).toMatchObject({
      KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^OpsKey/), 'Arn'] },
      RetentionInDays: STAGES.dev.logRetentionDays,
    });
  });

  it('every log group is KMS-encrypted, kept, and expires with the stage’s retention', () => {
    for (const [t, days] of [
      [dev, STAGES.dev.logRetentionDays],
      [prod, STAGES.prod.logRetentionDays],
    ] as const) {
      for (const group of Object.values(t.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.KmsKeyId).toBeDefined();
        expect(group.Properties.RetentionInDays).toBe(days);
        expect(group.DeletionPolicy).toBe('Retain');
      }
    }
  });

  it('no CORS without a custom domain: web and API share the CloudFront origin', () => {
    const api = only(Object.values(dev.findResources('AWS::ApiGatewayV2::Api'))).Properties;
    expect(api.CorsConfiguration).toBeUndefined();
  });

  it('only the tenants domain manages Cognito logins, on this pool only', () => {
    const pool = { 'Fn::GetAtt': [logicalIdOf(dev, 'AWS::Cognito::UserPool'), 'Arn'] };
    expect(statementsOf(dev, 'tenants')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: [
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminDeleteUser',
            'cognito-idp:AdminSetUserPassword',
            'cognito-idp:AdminUserGlobalSignOut',
          ],
          Resource: pool,
        }),
      ]),
    );
    for (const service of ['scheduling', 'pre-token', 'jobs-stream', 'jobs-schedule']) {
      const actions = statementsOf(dev, service).flatMap(actionsOf);
      expect(
        actions.filter((a) => a.startsWith('cognito-idp:')),
        service,
      ).toEqual([]);
    }
  });
});

describe('tenant-scoped credentials (the IAM wall)', () => {
  const tenantRole = (t: Template) =>
    only(Object.entries(t.findResources('AWS::IAM::Role')).filter(([id]) => id.includes('TenantDataRole')));

  it('every statement of the tenant role carries the LeadingKeys condition; no Scan', () => {
    const [roleId, role] = tenantRole(dev);
    const statements = policyStatements(dev).filter((s) => s.roles.includes(roleId));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const { statement } of statements) {
      expect(statement.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual([
        TENANT_LEADING_KEYS,
      ]);
    }
    const dynamo = statements.flatMap((s) => actionsOf(s.statement)).filter((a) => a.startsWith('dynamodb:'));
    expect(dynamo.sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ].sort(),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    expect(TENANT_LEADING_KEYS).toBe('T#${aws:PrincipalTag/TenantId}#*');
    expect(role.Properties.MaxSessionDuration).toBe(3600);
  });

  it('only the API functions may assume it, and only with a TenantId session tag', () => {
    const [, role] = tenantRole(dev);
    const apiRoles = LAMBDA_DOMAINS.map((d) => only(functionsBy(dev, d)).Properties.Role['Fn::GetAtt'][0]);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringLike: { 'aws:RequestTag/TenantId': '?*' } },
        Principal: {
          AWS: expect.arrayContaining(apiRoles.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }))),
        },
      },
    ]);
    for (const domain of LAMBDA_DOMAINS) {
      expect(statementsOf(dev, domain)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Resource: { 'Fn::GetAtt': [tenantRole(dev)[0], 'Arn'] },
          }),
        ]),
      );
    }
    for (const service of ['pre-token', 'jobs-stream', 'jobs-schedule']) {
      expect(statementsOf(dev, service).flatMap(actionsOf), service).not.toContain('sts:AssumeRole');
    }
  });

  it('no role in the stack may Scan the table (nor use a DynamoDB wildcard)', () => {
    for (const t of [dev, prod]) {
      for (const { owner, statement } of policyStatements(t)) {
        expect(statement.NotAction, owner).toBeUndefined();
        for (const action of actionsOf(statement)) {
          expect(action, owner).not.toBe('*');
          expect(action, owner).not.toMatch(/^dynamodb:(Scan|.*\*)$/);
        }
      }
    }
  });

  it('domain and job functions read and write items without Scan, with the table key', () => {
    const table = logicalIdOf(dev, 'AWS::DynamoDB::Table');
    for (const service of [...LAMBDA_DOMAINS, 'jobs-stream', 'jobs-schedule']) {
      const statements = statementsOf(dev, service);
      expect(statements, service).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: expect.arrayContaining([
              'dynamodb:Query',
              'dynamodb:PutItem',
              'dynamodb:ConditionCheckItem',
            ]),
            Resource: [
              { 'Fn::GetAtt': [table, 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [table, 'Arn'] }, '/index/*']] },
            ],
          }),
        ]),
      );
      const kms = statements.flatMap(actionsOf).filter((a) => a.startsWith('kms:'));
      expect(kms, service).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt']));
    }
  });
});

describe('web hosting', () => {
  const distribution = (t: Template) =>
    only(Object.values(t.findResources('AWS::CloudFront::Distribution'))).Properties.DistributionConfig;

  it('a private, encrypted, versioned, TLS-only bucket read by CloudFront through origin access control', () => {
    const site = Object.entries(dev.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('WebSite'),
    )!;
    expect(site[1].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
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
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
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

describe('jobs', () => {
  it('the Streams consumer reports partial batch failures, sees only new outbox items and dead-letters', () => {
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(dev, 'AWS::DynamoDB::Table'), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsStreamDlq'), 'Arn'] } },
      },
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
    const scheduler = Object.entries(dev.findResources('AWS::Lambda::Function')).find(
      ([, r]) => r.Properties.Environment?.Variables?.SERVICE_NAME === 'jobs-schedule',
    )![0];
    for (const job of SCHEDULED_JOBS) {
      const rule = only(
        rules.filter((r) => r.Properties.Targets[0].Input === JSON.stringify({ job: job.name })),
      );
      // CDK writes whole hours as hours ("rate(1 hour)").
      const hours = job.everyMinutes % 60 === 0 ? job.everyMinutes / 60 : 0;
      const rate = hours ? `${hours} hour${hours === 1 ? '' : 's'}` : `${job.everyMinutes} minutes`;
      expect(rule.Properties.ScheduleExpression).toBe(`rate(${rate})`);
      expect(rule.Properties.State).toBe('ENABLED');
      expect(rule.Properties.Targets[0]).toMatchObject({
        Arn: { 'Fn::GetAtt': [scheduler, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^JobsScheduleDlq/), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2 },
      });
    }
  });

  it('job functions get the stage’s sender, the pool ids and the web URL', () => {
    for (const service of ['jobs-stream', 'jobs-schedule']) {
      const fn = only(functionsBy(dev, service));
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        RUNTIME: 'cloud',
        MAIL_FROM: STAGES.dev.mailFrom,
        TABLE_NAME: expect.anything(),
        USER_POOL_ID: expect.anything(),
        USER_POOL_CLIENT_ID: expect.anything(),
        PUBLIC_URL: expect.anything(),
        LOG_LEVEL: 'info',
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(fn.Properties.Environment.Variables.TENANT_ROLE_ARN).toBeUndefined();
    }
  });

  it('job functions may send email from the stage sender only, and text reminders', () => {
    for (const service of ['jobs-stream', 'jobs-schedule']) {
      const statements = statementsOf(dev, service);
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Sid: 'SendOutboxMail',
            Action: 'ses:SendEmail',
            Condition: { StringEquals: { 'ses:FromAddress': STAGES.dev.mailFrom } },
          }),
          expect.objectContaining({ Sid: 'SendTextReminders', Action: 'sns:Publish' }),
        ]),
      );
      const mail = statements.find((s) => s.Sid === 'SendOutboxMail')!;
      expect(JSON.stringify(mail.Resource)).toContain(`:identity/${STAGES.dev.mailFrom.split('@')[1]}`);
    }
  });

  it('dead-letter queues are encrypted, TLS-only and keep messages 14 days', () => {
    const queues = Object.values(dev.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const queue of queues) {
      expect(queue.Properties.KmsMasterKeyId).toBeDefined();
      expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
    const policies = Object.values(dev.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expect(p.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });
});

describe('observability', () => {
  const alarmsOf = (t: Template) =>
    Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const functionCount = LAMBDA_DOMAINS.length + 3; // + pre-token, jobs-stream, jobs-schedule

  it('alarms on API 5xx rate, Lambda errors and throttles per function, and dead-letter depth', () => {
    const alarms = alarmsOf(dev);
    const rate = alarms.filter((a) => JSON.stringify(a.Metrics ?? '').includes('100 * errors / requests'));
    expect(rate).toHaveLength(1);
    expect(JSON.stringify(rate[0]!.Metrics)).toContain('"MetricName":"5xx"');
    for (const metric of ['Errors', 'Throttles']) {
      const perFunction = alarms.filter((a) => a.MetricName === metric && a.Namespace === 'AWS/Lambda');
      expect(perFunction).toHaveLength(functionCount);
    }
    const depth = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(depth).toHaveLength(2);
    for (const a of depth) expect(a.Threshold).toBe(1);
  });

  it('every alarm reaches the encrypted topic, mailed to on-call in prod', () => {
    const topic = logicalIdOf(dev, 'AWS::SNS::Topic');
    for (const a of alarmsOf(dev)) expect(a.AlarmActions).toEqual([{ Ref: topic }]);
    dev.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    prod.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: STAGES.prod.alarmEmail,
    });
    dev.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('every function logs JSON into its own encrypted group; a dashboard shows the figures', () => {
    const groups = dev.findResources('AWS::Logs::LogGroup');
    const functions = Object.values(dev.findResources('AWS::Lambda::Function'));
    const own = functions.filter((f) => f.Properties.Environment?.Variables?.SERVICE_NAME);
    expect(own).toHaveLength(functionCount);
    for (const fn of functions) {
      const group = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(groups[group]?.Properties.KmsKeyId).toBeDefined();
    }
    dev.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
