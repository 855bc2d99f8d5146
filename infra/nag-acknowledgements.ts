import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { RoundsFunction } from './constructs/rounds-function.ts';
import type { RoundsStack } from './rounds-stack.ts';

const AWS = (rule: string) => `AwsSolutions::AwsSolutions-${rule}`;
const HIPAA = (rule: string) => `HIPAA.Security::HIPAA.Security-${rule}`;

/** cdk-nag 3 acknowledges through CDK's own validations (v2's NagSuppressions is gone). */
function ack(scopes: IConstruct | IConstruct[], id: string, reason: string): void {
  for (const scope of [scopes].flat()) Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Every cdk-nag finding Rounds accepts, in one place, each with the reason it is acceptable.
 * Each is acknowledged on the narrowest construct that raises it (never the whole stack), so
 * a new resource with the same weakness is still reported. Anything not acknowledged here
 * fails `npm run synth` and tests/infra.
 */
export function acknowledgeNagFindings(stack: RoundsStack): void {
  const functions: RoundsFunction[] = [
    ...Object.values(stack.api.functions),
    stack.identity.trigger,
    stack.jobs.streamConsumer,
    stack.jobs.scheduler,
  ];
  acknowledgeFunctions(stack, functions);
  acknowledgeData(stack);
  acknowledgeIdentity(stack);
  acknowledgeApi(stack);
  acknowledgeWeb(stack);
  acknowledgeFiles(stack);
  acknowledgeBucketDeployment(stack);
  for (const queue of stack.jobs.deadLetterQueues) {
    ack(queue, AWS('SQS3'), 'This queue is itself a dead-letter queue; its depth is alarmed.');
  }
}

function acknowledgeFunctions(stack: RoundsStack, functions: RoundsFunction[]): void {
  ack(
    functions,
    HIPAA('LambdaInsideVPC'),
    'The functions reach only AWS APIs (DynamoDB, Cognito, SES, SNS, STS) over TLS with IAM auth; a VPC adds NAT cost and cold start without reducing exposure.',
  );
  ack(
    functions,
    HIPAA('LambdaConcurrency'),
    'API Gateway stage and route throttles bound concurrency; reserving it per function would starve new accounts (limit 10).',
  );
  ack(
    functions,
    AWS('L1'),
    'Node.js 22 is the runtime the issue and `npm run bench` pin (LTS until 2027-04); moving to 24 is a tested change, not a synth default.',
  );
  ack(
    functions,
    HIPAA('IAMNoInlinePolicy'),
    'CDK attaches each generated policy to exactly one function role: least privilege per function, asserted in tests/infra.',
  );
  ack(
    functions,
    AWS('IAM5[Resource::*]'),
    'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and, for jobs, SNS Publish to a phone number (text reminders) have no resource-level permissions.',
  );
  const tableUsers = [...functions, stack.tenantAccess];
  ack(
    tableUsers,
    AWS('IAM5[Action::kms:GenerateDataKey*]'),
    'CDK key grant: data keys of our own table or log key only.',
  );
  ack(
    tableUsers,
    AWS('IAM5[Action::kms:ReEncrypt*]'),
    'CDK key grant: re-encryption under our own table key only.',
  );
  ack(
    stack.tenantAccess,
    HIPAA('IAMNoInlinePolicy'),
    'The tenant role’s one policy is generated for it alone; every statement carries the LeadingKeys condition (tests/infra).',
  );
  ack(
    tableUsers,
    AWS(`IAM5[Resource::<${logicalId(stack.data.table)}.Arn>/index/*]`),
    'The table’s own GSIs (GSI1, GSI2): a Query by index names the index ARN.',
  );
  for (const fn of [...Object.values(stack.api.functions), stack.identity.trigger]) {
    ack(
      fn,
      HIPAA('LambdaDLQ'),
      'Invoked synchronously (API Gateway, Cognito): the caller sees the error; there is no event to dead-letter.',
    );
  }
  ack(
    stack.jobs.streamConsumer,
    HIPAA('LambdaDLQ'),
    'Stream records that keep failing go to the on-failure SQS destination of the event source mapping, not a function DLQ.',
  );
}

function acknowledgeData(stack: RoundsStack): void {
  if (stack.stage.backups) {
    ack(
      stack.data,
      AWS(
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      ),
      'AWS Backup’s own service-role policy is the documented way to let it snapshot the table.',
    );
  } else {
    ack(
      stack.data.table,
      HIPAA('DynamoDBInBackupPlan'),
      'Dev holds demo data only; PITR covers 35 days. Prod has an AWS Backup plan (stage flag `backups`).',
    );
  }
}

function acknowledgeIdentity(stack: RoundsStack): void {
  const pool = stack.identity.userPool;
  ack(
    pool,
    AWS('COG1'),
    'NIST 800-63B: at least 12 characters and a common-password blocklist (enforced by the API) instead of composition rules.',
  );
  ack(
    pool,
    AWS('COG2'),
    'TOTP MFA is optional per user; required MFA would block the first sign-in of invited staff, who set it up afterwards.',
  );
  ack(
    pool,
    AWS('COG8'),
    'Plus-plan threat protection costs about $0.02 per MAU on top of Essentials; the API throttles failed sign-ins per email and per address instead (README, Security notes).',
  );
}

function acknowledgeApi(stack: RoundsStack): void {
  ack(
    stack.api.httpApi,
    AWS('APIG4'),
    'Only the manifest’s public routes (sign-up, sign-in, refresh, logout, password-reset links, invitations, health, docs, calendar feeds and reminder links behind unguessable tokens) have no authorizer, by design; every other route needs a Cognito JWT.',
  );
}

function acknowledgeWeb(stack: RoundsStack): void {
  const web = stack.web;
  ack(
    [web.bucket, web.logBucket],
    HIPAA('S3BucketReplicationEnabled'),
    'The site bucket holds the web build, rebuilt from git on every deploy; the log bucket is not a system of record.',
  );
  ack(
    web.logBucket,
    HIPAA('S3DefaultEncryptionKMS'),
    'CloudFront standard logging cannot write to an SSE-KMS bucket (SSE-S3 is used); the logs hold no patient data.',
  );
  ack(web.distribution, AWS('CFR1'), 'Patients and staff travel; no geo restriction.');
  ack(
    web.distribution,
    AWS('CFR2'),
    'WAF is planned for prod with the custom domain ($5 + $0.60/M requests); until then the API is throttled per stage and per route.',
  );
  if (!stack.stage.webDomain) {
    ack(
      web.distribution,
      AWS('CFR4'),
      'Without a custom domain CloudFront’s default certificate fixes the TLS policy; custom domains get TLSv1.2_2021.',
    );
  }
}

function acknowledgeFiles(stack: RoundsStack): void {
  ack(
    stack.api.functions.documents!,
    AWS(`IAM5[Resource::<${logicalId(stack.files.bucket)}.Arn>/t/*]`),
    'Tenant objects are keyed t/<tenantId>/files/<fileId> (functions/platform/files/keys.ts): the documents function serves every tenant and its key builder takes the tenant from the verified token; nothing outside t/ is granted.',
  );
  ack(
    stack.files.bucket,
    HIPAA('S3BucketReplicationEnabled'),
    'Versioned, and superseded versions are kept 30 days; cross-region replication needs a second region and key, planned with the prod backup plan (AWS Backup for S3).',
  );
}

/** CDK's BucketDeployment helper (one singleton Lambda that uploads the build, invalidates index.html). */
function acknowledgeBucketDeployment(stack: RoundsStack): void {
  const helper = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!helper) throw new Error('BucketDeployment helper not found: check the acknowledgements');
  const managed = 'CDK’s BucketDeployment helper, run by CloudFormation at deploy time only';
  ack(helper, AWS('L1'), `${managed}: CDK manages its runtime.`);
  ack(
    helper,
    AWS('IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'),
    `${managed}: its role is generated by CDK.`,
  );
  ack(helper, HIPAA('IAMNoInlinePolicy'), `${managed}: its policy is generated by CDK for its role alone.`);
  ack(
    helper,
    AWS(`IAM5[Resource::<${logicalId(stack.web.bucket)}.Arn>/*]`),
    `${managed}: writes objects of the site bucket only.`,
  );
  ack(
    helper,
    AWS('IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]'),
    `${managed}: reads the staged build from the CDK asset bucket.`,
  );
  ack(
    helper,
    AWS('IAM5[Resource::*]'),
    `${managed}: CloudFront CreateInvalidation/GetInvalidation have no resource-level scoping in CDK’s policy.`,
  );
  for (const action of [
    's3:Abort*',
    's3:DeleteObject*',
    's3:GetBucket*',
    's3:GetObject*',
    's3:List*',
    'kms:GenerateDataKey*',
    'kms:ReEncrypt*',
  ]) {
    ack(
      helper,
      AWS(`IAM5[Action::${action}]`),
      `${managed}: CDK’s grant on the site bucket and its key only.`,
    );
  }
  ack(helper, HIPAA('LambdaDLQ'), `${managed}: invoked by CloudFormation, which reports its failure.`);
  ack(helper, HIPAA('LambdaInsideVPC'), `${managed}: it talks only to S3 and CloudFront APIs.`);
  ack(helper, HIPAA('LambdaConcurrency'), `${managed}: runs once per deploy.`);
}

function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
