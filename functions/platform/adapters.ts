import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Store } from './db/store.ts';
import type { TenantCredentialsSource } from './db/tenant-credentials.ts';
import type { FileStore } from './files/port.ts';
import type { IdentityPort } from './identity/port.ts';
import type { TokenVerifier } from './identity/verifier.ts';
import type { Logger } from './logger.ts';
import type { MailTransport } from './mail/outbox.ts';
import type { Metrics } from './metrics.ts';

/** What both columns share before adapters are chosen. */
export interface PlatformCore {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
}

/** One adapter per port: everything that differs between local and cloud. */
export interface Adapters {
  identity: IdentityPort;
  verifyToken: TokenVerifier;
  tenantCredentials: TenantCredentialsSource;
  mail: MailTransport;
  metrics: Metrics;
  files: FileStore;
}
