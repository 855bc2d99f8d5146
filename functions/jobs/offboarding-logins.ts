import { localParts } from '../../shared/time.ts';
import { leaversWithLogins } from '../hr/staff.service.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { Platform } from '../platform/platform.ts';
import { forPracticesAtLocalHour } from '../platform/today/zone-listing.ts';
import { deactivateLeaver } from '../tenants/team.service.ts';

/**
 * Offboarding's last step: from 01:00 in the practice's time zone, the logins of people whose last
 * day (in the HR directory) has passed are deactivated. HR says who left, the team service closes
 * the login (each in its own write, audited); the jobs layer is where the two domains meet.
 * Idempotent: a login already closed is left alone, so the catch-up hours repeat nothing.
 */
const ACTOR = { id: 'offboarding-logins', name: 'Offboarding' };
const FROM_HOUR = 1;
const CATCH_UP_HOURS = 6;

export async function closeLeaversLogins(p: Platform): Promise<Record<string, number>> {
  const now = p.clock.now().getTime();
  const counts = { practices: 0, deactivated: 0 };
  counts.practices = await forPracticesAtLocalHour(
    p.store,
    now,
    { fromHour: FROM_HOUR, hours: CATCH_UP_HOURS },
    async (tenantId, zone) => {
      const db = systemDb(p, tenantId, ACTOR);
      for (const leaver of await leaversWithLogins(db, localParts(now, zone).date)) {
        if (await deactivateLeaver(db, leaver.userId, leaver.lastDay)) counts.deactivated++;
      }
    },
  );
  return counts;
}
