import type { Adapters, PlatformCore } from './adapters.ts';
import { plainCredentials } from './db/tenant-credentials.ts';
import { tableClaimsSource } from './identity/claims.ts';
import { LocalIdentity, loadSigningKey } from './identity/local-issuer.ts';
import { createTokenVerifier } from './identity/verifier.ts';
import { localMailTransport } from './mail/outbox.ts';
import { memoryMetrics } from './metrics.ts';

/** The local column: embedded issuer, plain DynamoDB credentials, the outbox page as mailbox. */
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
    }),
    tenantCredentials: plainCredentials,
    mail: localMailTransport(logger),
    metrics: memoryMetrics(),
  };
}
