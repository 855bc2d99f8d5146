import type { TenantKind } from '../../../shared/roles.ts';
import { systemKeys, tenantKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import type { ClaimsSource } from './port.ts';

/** The directory entry: which user and tenant a login email belongs to. */
export interface DirectoryEntry {
  userId: string;
  tenantId: string;
  email: string;
}

/**
 * Claims come from the table, never from anything the user can write: the local issuer
 * and Cognito's pre-token-generation trigger both call this.
 */
export function tableClaimsSource(store: Store): ClaimsSource {
  return async (email) => {
    const entry = await store.get<DirectoryEntry>(systemKeys.login(email));
    if (!entry) return null;
    const scope = { tenantId: entry.tenantId };
    const [user, tenant] = await Promise.all([
      store.get<{ name: string; role: string; status: string }>(tenantKeys.user(scope, entry.userId)),
      store.get<{ kind: TenantKind }>(tenantKeys.tenant(scope)),
    ]);
    if (!user || !tenant || user.status !== 'active') return null;
    return {
      sub: entry.userId,
      email: entry.email,
      name: user.name,
      tenant_id: entry.tenantId,
      tenant_kind: tenant.kind,
      role: user.role,
    };
  };
}
