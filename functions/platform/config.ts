import * as z from 'zod/mini';

/**
 * The only reader of process.env. Parsed once; everything else receives a Config.
 * `identity: 'local'` uses the embedded issuer; `'cognito'` the user pool.
 */
const EnvSchema = z.object({
  RUNTIME: z._default(z.enum(['local', 'cloud']), 'local'),
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 3000),
  TABLE_NAME: z._default(z.string().check(z.minLength(3)), 'rounds'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  DYNAMODB_PORT: z._default(z.coerce.number().check(z.int()), 8765),
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  DATA_DIR: z._default(z.string(), '.data'),
  CURSOR_SECRET: z.optional(z.string().check(z.minLength(16))),
  USER_POOL_ID: z._default(
    z.string().check(z.regex(/^[a-z]{2}-[a-z]+-\d_[A-Za-z0-9]+$/)),
    'us-east-1_LocalPool1',
  ),
  USER_POOL_CLIENT_ID: z._default(z.string().check(z.minLength(3)), 'rounds-local-web'),
  PUBLIC_URL: z.optional(z.url()),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  SEED_DEMO: z._default(z.enum(['true', 'false']), 'true'),
  TENANT_ROLE_ARN: z.optional(z.string().check(z.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/))),
  MAIL_FROM: z.optional(z.email()),
  SERVICE_NAME: z._default(z.string().check(z.minLength(1)), 'rounds'),
  FILES_BUCKET: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/))),
});

export interface Config {
  runtime: 'local' | 'cloud';
  port: number;
  tableName: string;
  dynamoEndpoint: string | undefined;
  dynamoPort: number;
  region: string;
  dataDir: string;
  /** Unset: a random secret is created once and kept in the table (every container shares it). */
  cursorSecret: string | undefined;
  userPoolId: string;
  clientId: string;
  publicUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemo: boolean;
  /** Cloud: the role assumed per tenant (DynamoDB confined by LeadingKeys). Unset: plain credentials. */
  tenantRoleArn: string | undefined;
  /** Cloud: the SES sender for outbox mail. Unset: mail stays in the outbox page. */
  mailFrom: string | undefined;
  /** Names the function in logs and metrics (a domain or job name). */
  serviceName: string;
  /** Cloud: the private bucket of uploaded files (documents Lambda). Local files live under dataDir. */
  filesBucket: string | undefined;
}

/** Parses an environment (default: process.env) into a Config, failing with one readable line. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const e = parsed.data;
  return {
    runtime: e.RUNTIME,
    port: e.PORT,
    tableName: e.TABLE_NAME,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    dynamoPort: e.DYNAMODB_PORT,
    region: e.AWS_REGION,
    dataDir: e.DATA_DIR,
    cursorSecret: e.CURSOR_SECRET,
    userPoolId: e.USER_POOL_ID,
    clientId: e.USER_POOL_CLIENT_ID,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    tenantRoleArn: e.TENANT_ROLE_ARN,
    mailFrom: e.MAIL_FROM,
    serviceName: e.SERVICE_NAME,
    filesBucket: e.FILES_BUCKET,
  };
}
