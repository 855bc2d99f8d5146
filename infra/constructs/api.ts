import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ROUTES, AUTH_ROUTES } from '../api-routes.ts';
import { LAMBDA_DOMAINS } from '../lambda-bundling.ts';
import type { StageConfig } from '../stage-config.ts';
import type { Identity } from './identity.ts';
import { RoundsFunction } from './rounds-function.ts';
import { grantItemAccess } from './table-grants.ts';

/** What the API needs: the table (platform grants), the pool (authorizer) and the log key. */
export interface ApiProps {
  stage: StageConfig;
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  logKey: kms.IKey;
  identity: Identity;
}

/** Cognito admin calls the tenants domain makes when it creates, removes or signs out logins. */
const LOGIN_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/**
 * The HTTP API: one Lambda per domain behind a Cognito JWT authorizer (public routes
 * excepted), stage-wide and per-route throttling, and JSON access logs in an encrypted log group.
 */
export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<string, RoundsFunction> = {};
  private readonly routes: apigwv2.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { stage, identity } = props;
    this.httpApi = new apigwv2.HttpApi(this, 'Http', {
      description: `Rounds ${stage.name} API`,
      createDefaultStage: false,
      // Web and API share one origin through CloudFront; only a custom web domain needs CORS.
      corsPreflight: stage.webDomain
        ? {
            allowOrigins: [`https://${stage.webDomain.domainName}`],
            allowMethods: [apigwv2.CorsHttpMethod.ANY],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-request-id'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: stage.logRetentionDays as logs.RetentionDays,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.throttle.rate, burstLimit: stage.throttle.burst },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', identity.userPool, {
      userPoolClients: [identity.client],
    });
    for (const domain of LAMBDA_DOMAINS) this.addDomain(domain, props, authorizer);
    this.throttleAuthRoutes(stage);
  }

  /** The roles of every domain function (they assume the tenant role). */
  get functionRoles(): iam.IRole[] {
    return Object.values(this.functions).map((f) => f.fn.role!);
  }

  /** Origin host name CloudFront forwards `/api/*` to. */
  get originDomain(): string {
    return `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }

  private addDomain(
    domain: (typeof LAMBDA_DOMAINS)[number],
    props: ApiProps,
    authorizer: HttpUserPoolAuthorizer,
  ) {
    const fn = new RoundsFunction(this, `Domain-${domain}`, {
      stage: props.stage,
      entry: `functions/${domain}/handler.ts`,
      service: domain,
      logKey: props.logKey,
      environment: {
        TABLE_NAME: props.table.tableName,
        USER_POOL_ID: props.identity.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.identity.client.userPoolClientId,
        // PUBLIC_URL and TENANT_ROLE_ARN are added by the stack once web and tenant access exist.
      },
    });
    this.functions[domain] = fn;
    // Reason: platform writes (sign-up, login directory, SYS# items) need the whole table, without Scan.
    grantItemAccess(fn.fn, props.table, props.tableKey, 'readwrite', `${domain} platform items`);
    if (domain === 'tenants') {
      // Reason: sign-up, invitations and removal create, set and delete Cognito logins.
      fn.fn.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'ManageLogins',
          actions: LOGIN_ADMIN_ACTIONS,
          resources: [props.identity.userPool.userPoolArn],
        }),
      );
    }
    const integration = new HttpLambdaIntegration(`${domain}-integration`, fn.fn);
    const routes = API_ROUTES[domain];
    for (const route of routes.public) {
      const [method, path] = route.split(' ') as [apigwv2.HttpMethod, string];
      this.routes.push(...this.httpApi.addRoutes({ path, methods: [method], integration }));
    }
    for (const prefix of routes.prefixes) {
      for (const path of [`/api/${prefix}`, `/api/${prefix}/{proxy+}`]) {
        this.routes.push(
          ...this.httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration, authorizer }),
        );
      }
    }
  }

  /** Per-route limits on the routes credential stuffing and sign-up spam hit. */
  private throttleAuthRoutes(stage: StageConfig): void {
    const cfn = this.stage.node.defaultChild as apigwv2.CfnStage;
    // Route settings name route keys, so the routes must exist before the stage.
    for (const route of this.routes) cfn.node.addDependency(route);
    cfn.routeSettings = Object.fromEntries(
      AUTH_ROUTES.map((r) => [
        r,
        { ThrottlingRateLimit: stage.authThrottle.rate, ThrottlingBurstLimit: stage.authThrottle.burst },
      ]),
    );
  }
}
