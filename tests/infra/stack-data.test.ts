import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATE_LEADING_KEYS, TENANT_LEADING_KEYS } from '../../infra/constructs/tenant-access.ts';
import { LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { STAGES } from '../../infra/stage-config.ts';
import { TABLE } from '../../shared/table.ts';
import { functionsBy, logicalIdOf, only, statementsOf } from './stack-support.ts';
import { actionsOf, policyStatements, type Synthesized, synthStage, TEMPLATE_ONLY } from './synth.ts';

// The table and its keys and backups, the tenant-scoped IAM wall, and cdk-nag over both stages.
// Each stage is synthesized once (with cdk-nag) and shared by every test in this file.
let devStage: Synthesized;
let prodStage: Synthesized;
let dev: Template;
let prod: Template;

beforeAll(() => {
  devStage = synthStage('dev', {}, undefined, TEMPLATE_ONLY);
  prodStage = synthStage('prod', {}, undefined, TEMPLATE_ONLY);
  dev = devStage.template;
  prod = prodStage.template;
}, 120_000);

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

describe('tenant-scoped credentials (the IAM wall)', () => {
  const tenantRole = (t: Template) =>
    only(Object.entries(t.findResources('AWS::IAM::Role')).filter(([id]) => id.includes('TenantDataRole')));

  it('every statement of the tenant role carries the LeadingKeys condition; no Scan', () => {
    const [roleId, role] = tenantRole(dev);
    const statements = policyStatements(dev).filter((s) => s.roles.includes(roleId));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    const leadingKeys = (s: { statement: any }) =>
      s.statement.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'];
    for (const s of statements) {
      expect(
        leadingKeys(s).every((k: string) => k === TENANT_LEADING_KEYS || k === AGGREGATE_LEADING_KEYS),
      ).toBe(true);
    }
    // The association's own aggregates: read-only, so only the rollup job can have written them.
    const aggregates = statements.filter((s) => leadingKeys(s).includes(AGGREGATE_LEADING_KEYS));
    const aggregateActions = aggregates.flatMap((s) => actionsOf(s.statement));
    expect(aggregateActions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'].sort(),
    );
    const dynamo = statements.flatMap((s) => actionsOf(s.statement)).filter((a) => a.startsWith('dynamodb:'));
    expect([...new Set(dynamo)].sort()).toEqual(
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
