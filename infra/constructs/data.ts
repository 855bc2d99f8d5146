import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/table.ts';
import type { StageConfig } from '../stage-config.ts';

/**
 * The single table of every tenant's data: the same keys and indexes the local host creates,
 * encrypted with our own rotating key, recoverable to any second of the last 35 days, and
 * never deleted with the stack.
 */
export class Data extends Construct {
  readonly table: dynamodb.Table;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, stage: StageConfig) {
    super(scope, id);
    this.key = new kms.Key(this, 'TableKey', {
      description: `Rounds ${stage.name}: DynamoDB table encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const attr = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attr(TABLE.partitionKey),
      sortKey: attr(TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE.ttlAttribute,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });
    for (const i of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: i.name,
        partitionKey: attr(i.partitionKey),
        sortKey: attr(i.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    if (stage.backups) this.addBackupPlan(stage);
  }

  /** Prod: AWS Backup copies beyond PITR's 35 days (HIPAA asks for retained backups). */
  private addBackupPlan(stage: StageConfig): void {
    const vaultKey = new kms.Key(this, 'BackupKey', {
      description: `Rounds ${stage.name}: backup vault encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: vaultKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new backup.BackupPlan(this, 'BackupPlan', { backupVault: vault });
    plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Nightly',
        scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
        deleteAfter: Duration.days(30),
      }),
    );
    plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: events.Schedule.cron({ day: '1', hour: '6', minute: '0' }),
        deleteAfter: Duration.days(365),
      }),
    );
    // Reason (implicit role): AWS Backup assumes a service role with its managed backup policy.
    plan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(this.table)] });
  }
}
