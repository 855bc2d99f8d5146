import type { Clock } from '../clock.ts';
import type { Store } from './store.ts';
import { TenantDb } from './tenant-db.ts';

/** A tenant view for platform work with no signed-in user: a job, a patient's link. */
export function systemDb(
  p: { store: Store; clock: Clock },
  tenantId: string,
  actor: { id: string; name: string },
): TenantDb {
  return new TenantDb(
    p.store,
    { tenantId },
    { userId: actor.id, name: actor.name, role: 'system' },
    actor.id,
    p.clock,
  );
}
