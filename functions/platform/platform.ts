import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Store } from './db/store.ts';
import type { FileStore } from './files/port.ts';
import type { IdentityPort } from './identity/port.ts';
import type { TokenVerifier } from './identity/verifier.ts';
import type { JobTrigger } from './jobs.ts';
import type { Logger } from './logger.ts';
import type { MailTransport } from './mail/outbox.ts';
import type { Metrics } from './metrics.ts';

/** Everything a domain needs from the platform, built once per process (or warm Lambda). */
export interface Platform {
  config: Config;
  /** Platform credentials: `SYS#` items and public routes. Tenant requests use `storeFor`. */
  store: Store;
  /** The store a tenant's requests use; in the cloud IAM confines it to the tenant's partitions. */
  storeFor(tenantId: string): Promise<Store>;
  identity: IdentityPort;
  verifyToken: TokenVerifier;
  mail: MailTransport;
  jobs: JobTrigger;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** File bytes: the data folder locally, the files bucket in the cloud (signed links either way). */
  files: FileStore;
}
