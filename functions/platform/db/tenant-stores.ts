import type { Store } from './store.ts';
import type { ScopedCredentials, TenantCredentialsSource } from './tenant-credentials.ts';

/** Refresh this long before expiry so no request starts with credentials about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_MAX_TENANTS = 500;

interface Entry {
  store: Promise<Store>;
  /** Epoch ms after which a new AssumeRole is due; Infinity for plain credentials. */
  renewAt: number;
}

/**
 * Per-tenant stores cached per warm container: one AssumeRole per tenant per ~hour, shared by
 * concurrent requests, bounded in count (least recently used tenant evicted first).
 * Locally the same path runs and every tenant gets the platform store.
 */
export class TenantStores {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly base: Store,
    private readonly credentialsFor: TenantCredentialsSource,
    private readonly storeWith: (credentials: ScopedCredentials) => Store,
    private readonly nowMs: () => number,
    private readonly maxTenants = DEFAULT_MAX_TENANTS,
  ) {}

  /** The store a request of this tenant reads and writes through. */
  forTenant(tenantId: string): Promise<Store> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.renewAt > this.nowMs()) {
      this.touch(tenantId, cached);
      return cached.store;
    }
    // While the AssumeRole is in flight, renewAt stays Infinity so concurrent requests share it.
    const entry: Entry = { store: Promise.resolve(this.base), renewAt: Number.POSITIVE_INFINITY };
    entry.store = this.credentialsFor(tenantId).then((credentials) => {
      if (!credentials) return this.base;
      entry.renewAt = credentials.expiration.getTime() - REFRESH_MARGIN_MS;
      return this.storeWith(credentials);
    });
    entry.store.catch(() => {
      // A failed AssumeRole is not cached: the next request tries again.
      if (this.cache.get(tenantId) === entry) this.cache.delete(tenantId);
    });
    this.touch(tenantId, entry);
    this.evict();
    return entry.store;
  }

  /** How many tenants currently hold cached credentials. */
  get size(): number {
    return this.cache.size;
  }

  /** Map order is recency order: re-inserting moves the tenant to the young end. */
  private touch(tenantId: string, entry: Entry): void {
    this.cache.delete(tenantId);
    this.cache.set(tenantId, entry);
  }

  private evict(): void {
    while (this.cache.size > this.maxTenants) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}
