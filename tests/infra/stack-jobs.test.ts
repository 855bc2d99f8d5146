import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS } from '../../functions/jobs/schedules.ts';
import { STAGES } from '../../infra/stage-config.ts';
import { functionsBy, logicalIdOf, only, statementsOf } from './stack-support.ts';
import { synthStage, TEMPLATE_ONLY } from './synth.ts';

// The Streams consumer and the scheduled jobs.
// The dev stage is synthesized once (with cdk-nag) and shared by every test in this file.
let dev: Template;

beforeAll(() => {
  dev = synthStage('dev', {}, undefined, TEMPLATE_ONLY).template;
}, 120_000);

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
