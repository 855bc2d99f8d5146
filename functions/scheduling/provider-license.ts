/**
 * A provider's license expiry as a due date with alerts. Cross-domain read: getTenant from
 * tenants/settings.service.ts (the practice's time zone sets the alert's local hour).
 */
import type { Provider } from '../../shared/schemas/scheduling.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { cancelDueDateOps, loadDueThing, planDueDateOps } from '../platform/due/due-dates.ts';
import { getTenant } from '../tenants/settings.service.ts';

/** Managers hear of a provider's license expiry this many days ahead, and on the day. */
export const LICENSE_ALERT_DAYS = [90, 60, 30, 0] as const;

/**
 * The due-date ops for a provider's license, joined to the provider's own write: planned while
 * the provider is active and has an expiry date, cancelled otherwise.
 */
export async function licenseAlertOps(
  db: TenantDb,
  provider: Provider,
): Promise<{ ops: WriteOp[]; platformOps: WriteOp[] }> {
  const existing = await loadDueThing(db, 'scheduling', 'license', provider.id);
  if (!provider.active || !provider.licenseExpires) {
    return existing
      ? cancelDueDateOps(db, existing, { name: db.actor.name }, db.now())
      : { ops: [], platformOps: [] };
  }
  const tenant = await getTenant(db);
  const { ops, platformOps } = planDueDateOps(
    db,
    existing,
    {
      source: 'scheduling',
      kind: 'license',
      ref: provider.id,
      title: `${provider.name}'s state medical license`,
      verb: 'expires',
      link: '/app/schedule/setup?tab=providers',
      owner: { role: 'manager' },
      dueDate: provider.licenseExpires,
      timeZone: tenant.timeZone,
      offsets: LICENSE_ALERT_DAYS,
    },
    db.now(),
  );
  return { ops, platformOps };
}
