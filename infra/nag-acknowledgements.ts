import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { RoundsStack } from './rounds-stack.ts';

const AWS = (rule: string) => `AwsSolutions::AwsSolutions-${rule}`;
const HIPAA = (rule: string) => `HIPAA.Security::HIPAA.Security-${rule}`;

function ack(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Every cdk-nag finding Rounds accepts, in one place, each with the reason it is acceptable.
 * Anything not acknowledged here fails `npm run synth` and tests/infra/nag.test.ts.
 */
export function acknowledgeNagFindings(stack: RoundsStack): void {
  acknowledgeFunctions(stack);
  acknowledgeIdentity(stack);
  acknowledgeApi(stack);
  acknowledgeWeb(stack);
  for (const queue of stack.jobs.deadLetterQueues) {
    ack(queue, AWS('SQS3'), 'This queue is itself a dead-letter queue; its depth is alarmed.');
  }
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
      'Dev holds demo data only; PITR covers 35 days. Prod has an AWS Backup plan.',
    );
  }
}

function acknowledgeFunctions(stack: RoundsStack): void {
  ack(
    stack,
    HIPAA('LambdaInsideVPC'),
    'Functions reach only AWS APIs (DynamoDB, Cognito, SES, STS) over TLS with IAM auth; a VPC adds NAT cost and cold start without reducing exposure.',
  );
  ack(
    stack,
    HIPAA('LambdaConcurrency'),
    'API Gateway stage and route throttles bound concurrency; reserving it per function would starve new accounts (limit 10).',
  );
  ack(
    stack,
    HIPAA('IAMNoInlinePolicy'),
    'CDK attaches each generated policy to exactly one role: least privilege per function, reviewed in tests/infra.',
  );
  ack(
    stack,
    AWS('L1'),
    'Node.js 22 is the runtime the issue and bench pin (LTS until 2027-04); the bucket-deployment helper runtime is managed by CDK.',
  );
  ack(
    stack,
    AWS('IAM5[Resource::*]'),
    'X-Ray PutTraceSegments/PutTelemetryRecords and SNS Publish to a phone number (text reminders) have no resource-level permissions.',
  );
  ack(stack, AWS('IAM5[Action::kms:GenerateDataKey*]'), 'CDK key grants: data keys for our own CMKs only.');
  ack(stack, AWS('IAM5[Action::kms:ReEncrypt*]'), 'CDK key grants: re-encryption under our own CMKs only.');
  const indexes = `IAM5[Resource::<${logicalId(stack.data.table)}.Arn>/index/*]`;
  ack(stack, AWS(indexes), 'The table’s own GSIs (GSI1, GSI2): queries by index need the index ARN.');
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
    'Stream events go to the on-failure SQS destination of the event source mapping, not a function DLQ.',
  );
}

function acknowledgeIdentity(stack: RoundsStack): void {
  const pool = stack.identity.userPool;
  ack(
    pool,
    AWS('COG1'),
    'NIST 800-63B: 12+ characters and a common-password blocklist (API) instead of composition rules.',
  );
  ack(
    pool,
    AWS('COG2'),
    'TOTP MFA is optional per user; practices may require it by policy. Required MFA blocks first sign-in of invited staff.',
  );
  ack(
    pool,
    AWS('COG8'),
    'Plus-tier threat protection costs about $0.02 per MAU; the API throttles sign-in per email and per address instead.',
  );
}

function acknowledgeApi(stack: RoundsStack): void {
  ack(
    stack.api,
    AWS('APIG4'),
    'Only the public routes (sign-up, sign-in, refresh, invite acceptance, health, docs) have no authorizer, by design; every other route needs a Cognito JWT.',
  );
}

function acknowledgeWeb(stack: RoundsStack): void {
  const web = stack.web;
  ack(
    web,
    HIPAA('S3BucketReplicationEnabled'),
    'The site bucket holds the web build, rebuilt from git; the log bucket is not a system of record.',
  );
  ack(
    web,
    HIPAA('S3DefaultEncryptionKMS'),
    'CloudFront standard logging cannot write to an SSE-KMS bucket; logs hold no patient data.',
  );
  ack(web.distribution, AWS('CFR1'), 'Patients and staff travel; no geo restriction.');
  ack(
    web.distribution,
    AWS('CFR2'),
    'WAF is planned for prod with the custom domain; until then the API is throttled per stage and per route.',
  );
  if (!stack.stage.webDomain) {
    ack(
      web.distribution,
      AWS('CFR4'),
      'The default CloudFront certificate fixes the TLS policy; custom domains get TLSv1.2_2021.',
    );
  }
  const deploy = 'CDK BucketDeployment (uploads the build, invalidates index.html)';
  ack(
    stack,
    AWS('IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'),
    `${deploy}: CDK-managed role.`,
  );
  ack(
    stack,
    AWS(`IAM5[Resource::<${logicalId(web.bucket)}.Arn>/*]`),
    `${deploy}: writes objects of the site bucket only.`,
  );
  ack(
    stack,
    AWS('IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]'),
    `${deploy}: reads the staged build from the CDK asset bucket.`,
  );
  const deployFunction = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployFunction) {
    ack(
      deployFunction,
      HIPAA('LambdaDLQ'),
      `${deploy}: invoked by CloudFormation, which reports its failure.`,
    );
  }
  for (const policy of ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*']) {
    ack(stack, AWS(`IAM5[Action::${policy}]`), 'CDK BucketDeployment grants on the site bucket only.');
  }
}

function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
