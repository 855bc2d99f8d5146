import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Store } from './db/store.ts';
import type { IdentityPort } from './identity/port.ts';
import type { TokenVerifier } from './identity/verifier.ts';
import type { Logger } from './logger.ts';
import type { MailTransport } from './mail/outbox.ts';

/** Everything a domain needs from the platform, built once per process (or warm Lambda). */
export interface Platform {
  config: Config;
  store: Store;
  identity: IdentityPort;
  verifyToken: TokenVerifier;
  mail: MailTransport;
  clock: Clock;
  logger: Logger;
}
