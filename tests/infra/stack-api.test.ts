import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, AUTH_ROUTES } from '../../infra/api-routes.ts';
import { LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { STAGES } from '../../infra/stage-config.ts';
import { MFA_CHALLENGE_MINUTES } from '../../shared/schemas/auth.ts';
import { PASSWORD_LENGTH } from '../../shared/schemas/common.ts';
import { functionsBy, logicalIdOf, only, statementsOf } from './stack-support.ts';
import { actionsOf, outdir, synthStage } from './synth.ts';

// The request path (Cognito, the HTTP API and its domain functions) and what watches it.
// Each stage is synthesized once (with cdk-nag) and shared by every test in this file.
let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
}, 120_000);

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
