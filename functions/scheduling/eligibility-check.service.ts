/**
 * The day-before eligibility check: from 13:00 in the practice's time zone, one Today item per
 * location lists tomorrow's patients whose insurance was not verified in the last 30 days, for the
 * front desk to verify before they arrive. Cross-domain read: listLocations from
 * tenants/settings.service.ts (the practice's open locations).
 */
import type { Appointment, Patient } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import { raiseTodayItemOnce, todayItemId } from '../platform/today/today-items.ts';
import { forPracticesAtLocalHour } from '../platform/today/zone-listing.ts';
import { listLocations } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { patientRepo } from './patients.repo.ts';

/** Verified within this many days counts as verified. */
export const ELIGIBILITY_FRESH_DAYS = 30;
const CHECK_FROM_HOUR = 13;
const CATCH_UP_HOURS = 3;
const ACTOR = { id: 'eligibility-check', name: 'Eligibility check' };
const LIVE = new Set<Appointment['status']>(['scheduled', 'confirmed']);

/** The hourly job: practices where it is 13:00–15:59 now, each location once per day. */
export async function raiseEligibilityChecks(p: Platform): Promise<Record<string, number>> {
  const now = p.clock.now().getTime();
  const counts = { practices: 0, raised: 0 };
  counts.practices = await forPracticesAtLocalHour(
    p.store,
    now,
    { fromHour: CHECK_FROM_HOUR, hours: CATCH_UP_HOURS },
    async (tenantId, zone) => {
      counts.raised += await checkPractice(systemDb(p, tenantId, ACTOR), localParts(now, zone).date);
    },
  );
  return counts;
}

async function checkPractice(db: TenantDb, today: string): Promise<number> {
  const tomorrow = addDays(today, 1);
  const locations = await listLocations(db, { limit: 50, includeArchived: false });
  let raised = 0;
  for (const location of locations.items) {
    const visits = (await appointmentRepo.ofDay(db, location.id, tomorrow)).items.filter((a) =>
      LIVE.has(a.status),
    );
    const patients = await patientsOf(db, visits);
    const unverified = patients.filter((pt) => !isFresh(pt.eligibilityVerifiedOn, today));
    if (unverified.length === 0) continue;
    if (await raiseOnce(db, location, tomorrow, today, unverified)) raised++;
  }
  return raised;
}

async function patientsOf(db: TenantDb, visits: Appointment[]): Promise<Patient[]> {
  const ids = [...new Set(visits.map((v) => v.patientId))];
  const found: Patient[] = [];
  // BatchGet takes 100 keys at a time.
  for (let i = 0; i < ids.length; i += 100) {
    found.push(...(await patientRepo.many(db, ids.slice(i, i + 100))));
  }
  return found;
}

/** Whether a verification date is within the freshness window of `today`. */
export function isFresh(verifiedOn: string | undefined, today: string): boolean {
  return Boolean(verifiedOn && verifiedOn >= addDays(today, -ELIGIBILITY_FRESH_DAYS));
}

/** Creates the location's item for that day unless it exists (a person may have closed it already). */
function raiseOnce(
  db: TenantDb,
  location: { id: string; name: string },
  tomorrow: string,
  today: string,
  unverified: Patient[],
): Promise<boolean> {
  const n = unverified.length;
  return raiseTodayItemOnce(
    db,
    todayItemId('scheduling', 'eligibility', `${location.id}-${tomorrow}`),
    {
      source: 'scheduling',
      kind: 'eligibility',
      title: `Verify insurance for ${n} patient${n === 1 ? '' : 's'} coming tomorrow at ${location.name}`,
      detail: unverified
        .map(
          (pt) =>
            `${pt.firstName} ${pt.lastName}${pt.eligibilityVerifiedOn ? ` (last ${pt.eligibilityVerifiedOn})` : ' (never)'}`,
        )
        .join(', '),
      link: `/app/schedule?location=${location.id}&date=${tomorrow}`,
      assignee: { role: 'staff' },
      dueDate: today,
      // Tomorrow's visits are over by the end of tomorrow: the item goes with them.
      expiresAt: new Date(`${addDays(tomorrow, 1)}T12:00:00Z`),
    },
    { name: ACTOR.name },
    { action: 'today.eligibility_check_raised', summary: `${n} unverified for ${tomorrow}` },
  );
}
