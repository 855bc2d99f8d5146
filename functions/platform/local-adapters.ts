import { resolve } from 'node:path';
import type { Adapters, PlatformCore } from './adapters.ts';
import { systemKeys } from './db/keys.ts';
import { loadOrCreateSecret } from './db/secret.ts';
import { plainCredentials } from './db/tenant-credentials.ts';
import { LocalFileStore } from './files/local.ts';
import { tableClaimsSource } from './identity/claims.ts';
import { LocalIdentity, loadSigningKey } from './identity/local-issuer.ts';
import { createTokenVerifier } from './identity/verifier.ts';
import { localMailTransport } from './mail/outbox.ts';
import { memoryMetrics } from './metrics.ts';

/**
 * The local column: embedded issuer, plain DynamoDB credentials, the outbox page as mailbox, file
 * bytes under the data folder behind links the local host signs and serves.
 */
export async function localAdapters(core: PlatformCore): Promise<Adapters> {
  const { config, store, clock, logger } = core;
  const identity = new LocalIdentity(
    store,
    await loadSigningKey(store),
    { region: config.region, userPoolId: config.userPoolId, clientId: config.clientId },
    tableClaimsSource(store),
    clock,
  );
  return {
    identity,
    verifyToken: createTokenVerifier({
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      jwks: identity.jwks(),
      now: () => clock.now().getTime(),
    }),
    tenantCredentials: plainCredentials,
    mail: localMailTransport(logger),
    metrics: memoryMetrics(),
    // One folder per table, as the table holds the signing key: test tables never share bytes.
    files: new LocalFileStore({
      root: resolve(config.dataDir, 'files', config.tableName),
      secret: () => loadOrCreateSecret(store, systemKeys.filesSecret()),
      clock,
    }),
  };
}
