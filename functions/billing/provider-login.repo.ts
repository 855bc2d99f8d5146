import type { ProviderLogin } from '../../shared/schemas/billing-credentialing.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * The login ↔ NPI link, stored twice in credentialing's partition: the NPI's item (versioned, read
 * by the grid's one Query) and the login's item (what a provider's own figures start from). Both
 * change in one transaction, each conditioned, so two links racing for one NPI or one login cannot
 * both land: one NPI per login, one login per NPI.
 */

/** The login's item: which NPI it reads, and the name that NPI bills under. */
export interface LoginLink {
  userId: string;
  npi: string;
  providerName: string;
}

export const providerLoginRepo = {
  async byNpi(db: TenantDb, npi: string): Promise<ProviderLogin | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.providerLoginByNpi(db, npi));
    return item ? toLogin(item) : undefined;
  },

  async byUser(db: TenantDb, userId: string): Promise<LoginLink | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.providerLoginByUser(db, userId));
    return item ? strip<LoginLink>(item) : undefined;
  },

  /**
   * Moves the NPI's link from `current` (if any) to `next` (none: unlinked). The NPI's item keeps
   * its version across unlinks, so a form read before any change is always told it is stale.
   */
  setOps(
    db: TenantDb,
    link: {
      npi: string;
      providerName: string;
      current?: ProviderLogin;
      next?: { userId: string; userName: string };
      readVersion: number;
      /** The words for "this login already reads another NPI", should a racing link win. */
      loginTaken: () => string;
    },
  ): WriteOp[] {
    const ops: WriteOp[] = [];
    if (link.current?.userId) {
      ops.push({ kind: 'delete', key: tenantKeys.providerLoginByUser(db, link.current.userId) });
    }
    if (link.next) {
      ops.push({
        kind: 'create',
        item: {
          ...tenantKeys.providerLoginByUser(db, link.next.userId),
          type: 'provider_login_user',
          userId: link.next.userId,
          npi: link.npi,
          providerName: link.providerName,
        },
        onFail: () => conflict(link.loginTaken()),
      });
    }
    const key = tenantKeys.providerLoginByNpi(db, link.npi);
    const fields = {
      npi: link.npi,
      providerName: link.providerName,
      ...(link.next ? { userId: link.next.userId, userName: link.next.userName } : {}),
    };
    if (!link.current) {
      ops.push({
        kind: 'create',
        item: { ...key, type: 'provider_login', ...fields, version: 1 },
        onFail: staleVersion,
      });
    } else {
      ops.push({
        kind: 'update',
        key,
        set: fields,
        remove: link.next ? [] : ['userId', 'userName'],
        expectedVersion: link.readVersion,
        onFail: staleVersion,
      });
    }
    return ops;
  },
};

/** The NPI's link as the API answers it (from an item of the credentialing partition). */
export function toLogin(item: Record<string, unknown>): ProviderLogin {
  const { npi, userId, userName, version } = strip<ProviderLogin & { providerName: string }>(item);
  return {
    npi,
    ...(userId ? { userId } : {}),
    ...(userName ? { userName } : {}),
    version,
  };
}
