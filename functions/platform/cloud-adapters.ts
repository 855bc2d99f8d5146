import { STSClient } from '@aws-sdk/client-sts';
import type { Adapters, PlatformCore } from './adapters.ts';
import { plainCredentials, stsTenantCredentials } from './db/tenant-credentials.ts';
import { noFileStore } from './files/port.ts';
import { cognitoApi } from './identity/cognito-api.ts';
import { CognitoIdentity } from './identity/cognito-identity.ts';
import { createTokenVerifier } from './identity/verifier.ts';
import { emfMetrics } from './metrics.ts';

/**
 * The cloud column: Cognito, per-tenant STS credentials, EMF metrics. API functions hand
 * mail to the Streams consumer, so their transport refuses to send; the jobs entries pass SES.
 */
export async function cloudAdapters(core: PlatformCore): Promise<Adapters> {
  const { config } = core;
  return {
    identity: new CognitoIdentity(
      // The table client's credential chain (Lambda role) signs the admin calls too.
      cognitoApi({ region: config.region, credentials: () => core.store.doc.config.credentials() }),
      { userPoolId: config.userPoolId, clientId: config.clientId },
    ),
    verifyToken: createTokenVerifier({ userPoolId: config.userPoolId, clientId: config.clientId }),
    // Jobs run with platform credentials (they span tenants); API functions get TENANT_ROLE_ARN.
    tenantCredentials: config.tenantRoleArn
      ? stsTenantCredentials(new STSClient({ region: config.region }), config.tenantRoleArn)
      : plainCredentials,
    mail: {
      async deliver() {
        throw new Error('API functions do not send mail: the Streams consumer delivers the outbox');
      },
    },
    metrics: emfMetrics(config.serviceName),
    // The documents entry passes its S3 store (functions/documents/handler.ts): only it bundles the S3 SDK.
    files: noFileStore,
  };
}
