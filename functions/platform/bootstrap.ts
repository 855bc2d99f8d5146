import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createDocumentClient } from './db/client.ts';
import { Store } from './db/store.ts';
import { tableClaimsSource } from './identity/claims.ts';
import { LocalIdentity, loadSigningKey } from './identity/local-issuer.ts';
import { createTokenVerifier } from './identity/verifier.ts';
import { createLogger } from './logger.ts';
import { localMailTransport } from './mail/outbox.ts';
import type { Platform } from './platform.ts';

/**
 * Builds the platform from config: the one place that picks an adapter per column.
 * The Cognito identity and SES adapters arrive with the cloud deployment (issue 3);
 * until then `RUNTIME=cloud` refuses to start rather than run half-configured.
 */
export async function createPlatform(
  config: Config,
  overrides: Partial<Pick<Platform, 'clock' | 'mail' | 'logger'>> = {},
): Promise<Platform> {
  if (config.runtime === 'cloud') {
    throw new Error('RUNTIME=cloud needs the Cognito and SES adapters, which are not built yet');
  }
  const doc = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });
  const store = new Store(doc, config.tableName, config.cursorSecret);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const settings = { region: config.region, userPoolId: config.userPoolId, clientId: config.clientId };
  const identity = new LocalIdentity(
    store,
    await loadSigningKey(store),
    settings,
    tableClaimsSource(store),
    clock,
  );
  const verifyToken = createTokenVerifier({
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    jwks: identity.jwks(),
  });
  return {
    config,
    store,
    identity,
    verifyToken,
    mail: overrides.mail ?? localMailTransport(logger),
    clock,
    logger,
  };
}
