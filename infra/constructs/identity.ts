import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { MFA_CHALLENGE_MINUTES } from '../../shared/schemas/auth.ts';
import { PASSWORD_LENGTH } from '../../shared/schemas/common.ts';
import type { StageConfig } from '../stage-config.ts';
import { RoundsFunction } from './rounds-function.ts';
import { grantItemAccess } from './table-grants.ts';

/** The table the pre-token trigger reads claims from, and the key of its log group. */
export interface IdentityProps {
  stage: StageConfig;
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  logKey: kms.IKey;
}

/** Access and id tokens live as long as the local issuer's (15 minutes). */
const TOKEN_MINUTES = 15;

/**
 * The Cognito user pool. It has no custom attributes at all: tenant, kind and role are added
 * to every token by the pre-token-generation trigger from the table, so no user can write
 * or edit them. Users are created by the API (AdminCreateUser), never by self sign-up.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly trigger: RoundsFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed email takes effect only once verified: claims are looked up by email.
      keepOriginal: { email: true },
      // NIST 800-63B: length and a blocklist (checked by the API), no composition rules.
      passwordPolicy: {
        minLength: PASSWORD_LENGTH.min,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'You are invited to Rounds',
        emailBody:
          'Hello {username},<br><br>Your practice invited you to Rounds, where it runs its office. ' +
          'Your temporary password is <b>{####}</b>. Sign in within 3 days to choose your own.',
      },
      userVerification: {
        emailSubject: 'Your Rounds verification code',
        emailBody:
          'Your Rounds code is <b>{####}</b>. It expires in 24 hours. If you did not ask for it, ignore this mail.',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('Web', {
      generateSecret: false,
      // The API signs users in (USER_PASSWORD_AUTH over TLS) and applies its own throttling.
      authFlows: { userPassword: true, userSrp: false, adminUserPassword: false, custom: false },
      accessTokenValidity: Duration.minutes(TOKEN_MINUTES),
      idTokenValidity: Duration.minutes(TOKEN_MINUTES),
      refreshTokenValidity: Duration.days(30),
      // The Session of a SOFTWARE_TOKEN_MFA challenge lives as long as Rounds' code step.
      authSessionValidity: Duration.minutes(MFA_CHALLENGE_MINUTES),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    this.trigger = new RoundsFunction(this, 'PreToken', {
      stage: props.stage,
      entry: 'functions/platform/identity/pre-token.handler.ts',
      service: 'pre-token',
      logKey: props.logKey,
      memoryMb: 256,
      timeout: Duration.seconds(5),
      environment: { TABLE_NAME: props.table.tableName },
    });
    // Reason: the trigger reads a login's directory entry, its user and its tenant by key (GetItem only).
    grantItemAccess(this.trigger.fn, props.table, props.tableKey, 'get', 'read claims from the directory');
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.trigger.fn,
      cognito.LambdaVersion.V2_0,
    );
  }

  /** The issuer the API's JWT authorizer and aws-jwt-verify expect. */
  get issuerUrl(): string {
    return `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
