import { resolve } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLING } from '../lambda-bundling.ts';
import type { StageConfig } from '../stage-config.ts';

/** One function's entry, service name and environment; the rest is the same for all. */
export interface RoundsFunctionProps {
  stage: StageConfig;
  /** Entry file relative to the repo root, exporting `handler`. */
  entry: string;
  /** The function's name in logs and metrics (`SERVICE_NAME`). */
  service: string;
  environment: Record<string, string>;
  /** Encrypts the function's log group. */
  logKey: kms.IKey;
  memoryMb?: number;
  timeout?: Duration;
  /** For asynchronously invoked functions: events that still fail after Lambda's retries. */
  deadLetterQueue?: sqs.IQueue;
}

/**
 * One Rounds Lambda: Node.js 22 on arm64, bundled by esbuild with exactly the settings
 * `npm run bench` measures, JSON logs into its own encrypted log group with retention.
 */
export class RoundsFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RoundsFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.stage.logRetentionDays as logs.RetentionDays,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Its own role instead of the managed basic-execution policy: logs go to this group only.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Rounds ${props.stage.name} ${props.service} function`,
    });
    // Reason: the function writes its JSON logs (and EMF metrics) to its own log group.
    this.logGroup.grantWrite(role);
    this.fn = new nodejs.NodejsFunction(this, 'Fn', {
      role,
      entry: props.entry,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // The app's logger filters its own lines by LOG_LEVEL. Lambda's filter only ever lets
      // more through (DEBUG for a debug stage): EMF metric lines carry no level, count as INFO
      // and would be dropped by a WARN filter.
      applicationLogLevelV2:
        props.stage.logLevel === 'debug' ? lambda.ApplicationLogLevel.DEBUG : lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        RUNTIME: 'cloud',
        SERVICE_NAME: props.service,
        LOG_LEVEL: props.stage.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: Boolean(LAMBDA_BUNDLING.sourcemap),
        target: String(LAMBDA_BUNDLING.target),
        mainFields: LAMBDA_BUNDLING.mainFields,
        banner: LAMBDA_BUNDLING.banner?.js,
        define: LAMBDA_BUNDLING.define,
        // Module stand-ins (the environment-only credential provider); paths from the project root.
        esbuildArgs: Object.fromEntries(
          Object.entries(LAMBDA_BUNDLING.alias ?? {}).map(([from, to]) => [`--alias:${from}`, resolve(to)]),
        ),
        // The SDK is bundled (not taken from the runtime) so what runs is what we tested.
        externalModules: [...(LAMBDA_BUNDLING.external ?? [])],
        // Bundle sizes are what `npm run bench` reports; synth prints only esbuild's warnings.
        logLevel: nodejs.LogLevel.WARNING,
      },
    });
  }
}
