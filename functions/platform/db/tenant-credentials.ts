import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';

/** Temporary AWS credentials for one tenant's DynamoDB access. */
export interface ScopedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/**
 * The credentials port of the IAM wall (DESIGN.md): credentials confined to one tenant's
 * partitions, or `undefined` to use the process's own (local: DynamoDB Local has no IAM).
 */
export type TenantCredentialsSource = (tenantId: string) => Promise<ScopedCredentials | undefined>;

/** The session tag the tenant role's LeadingKeys condition reads (`aws:PrincipalTag/TenantId`). */
export const TENANT_TAG = 'TenantId';
const SESSION_SECONDS = 3600;

/** Local adapter: no IAM to confine with, so the platform credentials serve every tenant. */
export const plainCredentials: TenantCredentialsSource = async () => undefined;

/** Cloud adapter: assumes the tenant role with the tenant id as a session tag. */
export function stsTenantCredentials(sts: Pick<STSClient, 'send'>, roleArn: string): TenantCredentialsSource {
  return async (tenantId) => {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        // Session names show in CloudTrail: the tenant id makes every access attributable.
        RoleSessionName: `tenant-${tenantId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64),
        DurationSeconds: SESSION_SECONDS,
        Tags: [{ Key: TENANT_TAG, Value: tenantId }],
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error('STS returned no credentials for the tenant role');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  };
}
