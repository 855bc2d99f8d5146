import type { Adapters, PlatformCore } from './adapters.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createDocumentClient } from './db/client.ts';
import { systemKeys } from './db/keys.ts';
import { loadOrCreateSecret } from './db/secret.ts';
import { Store } from './db/store.ts';
import { TenantStores } from './db/tenant-stores.ts';
import { inlineJobs, streamJobs } from './jobs.ts';
import { createLogger } from './logger.ts';
import type { Platform } from './platform.ts';

export type PlatformOverrides = Partial<
  Pick<Platform, 'clock' | 'mail' | 'logger' | 'metrics' | 'jobs' | 'files'>
>;

/**
 * Builds the platform from config: the one place that picks an adapter per column.
 * Adapters load lazily so a process evaluates only its own column's code (cold start).
 */
export async function createPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const doc = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });
  // This store only reads the secret by key; no cursor is made with its placeholder.
  const secretStore = new Store(doc, config.tableName, 'unused');
  const store = new Store(
    doc,
    config.tableName,
    config.cursorSecret ?? (() => loadOrCreateSecret(secretStore, systemKeys.cursorSecret())),
  );
  const core: PlatformCore = {
    config,
    store,
    clock: overrides.clock ?? systemClock,
    logger: overrides.logger ?? createLogger(config.logLevel),
  };
  // Lambda bundles define __ROUNDS_LAMBDA__ (infra/lambda-bundling.ts): the local branch, its
  // signing keys and jose are then dead code and left out of what deploys.
  const adapters: Adapters =
    (globalThis as { __ROUNDS_LAMBDA__?: boolean }).__ROUNDS_LAMBDA__ || config.runtime === 'cloud'
      ? await (await import('./cloud-adapters.ts')).cloudAdapters(core)
      : await (await import('./local-adapters.ts')).localAdapters(core);
  const mail = overrides.mail ?? adapters.mail;
  const tenantStores = new TenantStores(
    store,
    adapters.tenantCredentials,
    (credentials) =>
      store.withClient(
        createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint, credentials }),
      ),
    () => core.clock.now().getTime(),
  );
  const jobs =
    overrides.jobs ?? (config.runtime === 'cloud' ? streamJobs(core.logger) : inlineJobs({ ...core, mail }));
  return {
    ...core,
    storeFor: (tenantId) => tenantStores.forTenant(tenantId),
    identity: adapters.identity,
    verifyToken: adapters.verifyToken,
    mail,
    jobs,
    metrics: overrides.metrics ?? adapters.metrics,
    files: overrides.files ?? adapters.files,
  };
}
