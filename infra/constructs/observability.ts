import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';
import type { RoundsFunction } from './rounds-function.ts';

/** Everything that gets an alarm: the HTTP API, each function and each dead-letter queue. */
export interface ObservabilityProps {
  stage: StageConfig;
  key: kms.IKey;
  httpApi: apigwv2.HttpApi;
  functions: Record<string, RoundsFunction>;
  deadLetterQueues: sqs.IQueue[];
}

/** More than 1% of API requests failing on our side over 5 minutes pages someone. */
const SERVER_ERROR_RATE_PERCENT = 1;

/**
 * Alarms (API 5xx rate, Lambda errors and throttles, dead-letter depth) to one encrypted SNS
 * topic, and a dashboard with the same figures. The app's own metrics (namespace Rounds,
 * per service and per tenant) arrive through Embedded Metric Format log lines.
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', {
      displayName: `Rounds ${props.stage.name} alarms`,
      masterKey: props.key,
      enforceSSL: true,
    });
    // Reason: CloudWatch alarms publish to the encrypted topic, so they must use its key.
    props.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    if (props.stage.alarmEmail)
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.stage.alarmEmail));

    const requests = props.httpApi.metricCount({ period: Duration.minutes(5), statistic: 'Sum' });
    const serverErrors = props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' });
    this.alarm(
      'Api5xxRate',
      new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors: serverErrors },
        period: Duration.minutes(5),
        label: 'API 5xx %',
      }),
      SERVER_ERROR_RATE_PERCENT,
      '1% or more of API requests answered 5xx over 5 minutes',
    );
    for (const [name, f] of Object.entries(props.functions)) {
      this.alarm(
        `${name}-Errors`,
        f.fn.metricErrors({ period: Duration.minutes(5) }),
        5,
        `${name}: Lambda errors`,
      );
      this.alarm(
        `${name}-Throttles`,
        f.fn.metricThrottles({ period: Duration.minutes(5) }),
        1,
        `${name}: throttled`,
      );
    }
    for (const queue of props.deadLetterQueues) {
      this.alarm(
        `${queue.node.scope?.node.id ?? 'Jobs'}-${queue.node.id}-Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
        'A job gave up: messages are waiting in a dead-letter queue',
      );
    }
    this.dashboard(props, requests, serverErrors);
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }

  private dashboard(
    props: ObservabilityProps,
    requests: cloudwatch.IMetric,
    errors: cloudwatch.IMetric,
  ): void {
    const board = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `rounds-${props.stage.name}`,
    });
    board.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and 5xx',
        left: [requests],
        right: [errors],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency p50 / p99',
        left: [
          props.httpApi.metricLatency({ statistic: 'p50' }),
          props.httpApi.metricLatency({ statistic: 'p99' }),
        ],
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
    );
  }
}
