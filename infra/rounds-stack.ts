import { resolve } from 'node:path';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Data } from './constructs/data.ts';
import { Files } from './constructs/files.ts';
import { Identity } from './constructs/identity.ts';
import { Jobs } from './constructs/jobs.ts';
import { Observability } from './constructs/observability.ts';
import { TenantAccess } from './constructs/tenant-access.ts';
import { Web } from './constructs/web.ts';
import { acknowledgeNagFindings } from './nag-acknowledgements.ts';
import type { StageConfig } from './stage-config.ts';

/** A stage's configuration and where its web build lives. */
export interface RoundsStackProps extends StackProps {
  stage: StageConfig;
  /** The built web app; default `web/dist`. */
  webDist?: string;
}

/** One Rounds deployment. It only composes the constructs; each owns one concern. */
export class RoundsStack extends Stack {
  readonly data: Data;
  readonly identity: Identity;
  readonly api: Api;
  readonly tenantAccess: TenantAccess;
  readonly web: Web;
  readonly files: Files;
  readonly jobs: Jobs;
  readonly observability: Observability;
  readonly stage: StageConfig;

  constructor(scope: Construct, id: string, props: RoundsStackProps) {
    super(scope, id, props);
    const { stage } = props;
    this.stage = stage;
    const opsKey = new kms.Key(this, 'OpsKey', {
      description: `Rounds ${stage.name}: logs, queues, alarm topic and web bucket`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Reason: CloudWatch Logs encrypts every log group of this stack with the ops key.
    opsKey.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`));
    // Reason: EventBridge writes undeliverable schedule events to the encrypted dead-letter queue.
    opsKey.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.data = new Data(this, 'Data', stage);
    const tableProps = { table: this.data.table, tableKey: this.data.key, logKey: opsKey };
    this.identity = new Identity(this, 'Identity', { stage, ...tableProps });
    this.api = new Api(this, 'Api', { stage, identity: this.identity, ...tableProps });
    this.tenantAccess = new TenantAccess(this, 'TenantAccess', {
      ...tableProps,
      assumers: this.api.functionRoles,
    });
    for (const f of Object.values(this.api.functions)) {
      f.fn.addEnvironment('TENANT_ROLE_ARN', this.tenantAccess.role.roleArn);
    }
    this.web = new Web(this, 'Web', {
      stage,
      apiOriginDomain: this.api.originDomain,
      distDir: props.webDist ?? resolve('web/dist'),
      key: opsKey,
      connectSources: [Files.uploadOrigin(stage)],
    });
    this.files = new Files(this, 'Files', { stage, accessLogs: this.web.logBucket });
    this.files.allowOrigin(this.web.url);
    this.files.grantDocuments(this.api.functions.documents!.fn);
    // Set once the distribution exists: links in mails point at the web app (custom domain or CloudFront).
    for (const f of Object.values(this.api.functions)) f.fn.addEnvironment('PUBLIC_URL', this.web.url);
    this.jobs = new Jobs(this, 'Jobs', {
      stage,
      ...tableProps,
      identity: this.identity,
      queueKey: opsKey,
      publicUrl: this.web.url,
    });
    this.observability = new Observability(this, 'Observability', {
      stage,
      key: opsKey,
      httpApi: this.api.httpApi,
      functions: {
        ...this.api.functions,
        'jobs-stream': this.jobs.streamConsumer,
        'jobs-schedule': this.jobs.scheduler,
        'pre-token': this.identity.trigger,
      },
      deadLetterQueues: this.jobs.deadLetterQueues,
    });

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'Open Rounds here' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    acknowledgeNagFindings(this);
  }
}
