import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCHEDULED_JOBS } from '../../functions/jobs/schedules.ts';
import type { StageConfig } from '../stage-config.ts';
import type { Identity } from './identity.ts';
import { RoundsFunction } from './rounds-function.ts';
import { grantItemAccess } from './table-grants.ts';

/** The table, keys and settings the stream consumer and scheduled jobs run with. */
export interface JobsProps {
  stage: StageConfig;
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  logKey: kms.IKey;
  /** Jobs share the API's configuration (the pool ids name the token issuer and audience). */
  identity: Identity;
  /** Encrypts the dead-letter queues. */
  queueKey: kms.IKey;
  /** The web app's URL: links in mails and reminders point there. */
  publicUrl: string;
}

/**
 * Background work, running the same job functions as the local host: a DynamoDB Streams
 * consumer (outbox delivery) with partial batch failures, and one EventBridge rule per
 * scheduled job. Whatever keeps failing lands in a dead-letter queue that has an alarm.
 */
export class Jobs extends Construct {
  readonly streamConsumer: RoundsFunction;
  readonly scheduler: RoundsFunction;
  /** Every dead-letter queue, for the depth alarms. */
  readonly deadLetterQueues: sqs.Queue[] = [];

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      USER_POOL_ID: props.identity.userPool.userPoolId,
      USER_POOL_CLIENT_ID: props.identity.client.userPoolClientId,
      MAIL_FROM: props.stage.mailFrom,
      PUBLIC_URL: props.publicUrl,
    };
    const streamDlq = this.deadLetterQueue('StreamDlq', props.queueKey);
    const scheduleDlq = this.deadLetterQueue('ScheduleDlq', props.queueKey);
    this.streamConsumer = this.jobFunction(
      'Stream',
      'functions/jobs/stream.handler.ts',
      'jobs-stream',
      props,
      environment,
    );
    this.scheduler = this.jobFunction(
      'Schedule',
      'functions/jobs/schedule.handler.ts',
      'jobs-schedule',
      props,
      environment,
      // EventBridge invokes asynchronously: a job still failing after Lambda's retries is dead-lettered.
      scheduleDlq,
    );

    // Reason (implicit grant): the consumer reads the table's stream (DescribeStream, GetRecords,
    // GetShardIterator, ListStreams) and sends failed batches' metadata to its dead-letter queue.
    this.streamConsumer.fn.addEventSource(
      new sources.DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new sources.SqsDlq(streamDlq),
        // Only new outbox items wake the consumer: every other write costs nothing here.
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('outbox') } } },
          }),
        ],
      }),
    );

    for (const job of SCHEDULED_JOBS) {
      // Reason (implicit grants): EventBridge may invoke the scheduler and write undeliverable
      // events to the schedule dead-letter queue (queue policy scoped to this rule).
      new events.Rule(this, `Every-${job.name}`, {
        description: job.description,
        schedule: events.Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [
          new targets.LambdaFunction(this.scheduler.fn, {
            event: events.RuleTargetInput.fromObject({ job: job.name }),
            deadLetterQueue: scheduleDlq,
            retryAttempts: 2,
            maxEventAge: Duration.minutes(job.everyMinutes),
          }),
        ],
      });
    }
  }

  private jobFunction(
    id: string,
    entry: string,
    service: string,
    props: JobsProps,
    environment: Record<string, string>,
    deadLetterQueue?: sqs.IQueue,
  ): RoundsFunction {
    const fn = new RoundsFunction(this, id, {
      stage: props.stage,
      entry,
      service,
      logKey: props.logKey,
      environment,
      timeout: Duration.seconds(60),
      deadLetterQueue,
    });
    // Reason: jobs span tenants (outbox items, SYS# retry pointers) with platform credentials, without Scan.
    grantItemAccess(fn.fn, props.table, props.tableKey, 'readwrite', `${service} outbox and retry items`);
    // Reason: outbox mail is sent through SES from the configured sender only.
    fn.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendOutboxMail',
        actions: ['ses:SendEmail'],
        resources: sesIdentities(this, props.stage.mailFrom),
        conditions: { StringEquals: { 'ses:FromAddress': props.stage.mailFrom } },
      }),
    );
    // Reason: text-message reminders are SNS publishes to phone numbers, which have no resource ARN.
    fn.fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'SendTextReminders', actions: ['sns:Publish'], resources: ['*'] }),
    );
    return fn;
  }

  private deadLetterQueue(id: string, key: kms.IKey): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deadLetterQueues.push(queue);
    return queue;
  }
}

/** The SES identities a sender may use: its verified domain or the address itself. */
function sesIdentities(scope: Construct, mailFrom: string): string[] {
  const domain = mailFrom.split('@')[1] ?? mailFrom;
  return [domain, mailFrom].map((name) =>
    Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
  );
}
