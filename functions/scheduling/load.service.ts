/**
 * A location's patient load hour by hour, for HR's coverage view: visits booked (still held) and
 * providers in session, in the location's local time. Read through this function only, never
 * scheduling's repos (DESIGN.md, how modules meet). Cross-domain read: `getLocation` from
 * tenants/settings.service.ts (the location's time zone).
 */
import type { HourLoad } from '../../shared/hr/coverage.ts';
import { addDays, localParts, minutesOf } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { openIntervals } from './availability.ts';
import { exceptionRepo, templateRepo } from './setup.repo.ts';

const NOT_HELD = new Set(['cancelled', 'rescheduled']);
const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Whether [from, to) in minutes overlaps hour `h`. */
const overlaps = (from: number, to: number, h: number) => from < (h + 1) * 60 && to > h * 60;

/**
 * Seven days from `weekStart` at the location: for each hour, the visits booked and the providers
 * whose weekly hours (less time off and closures) overlap it. One Query per day for the visits,
 * one for the templates, one for the exceptions.
 */
export async function weekLoad(
  db: TenantDb,
  locationId: string,
  weekStart: string,
): Promise<{ timeZone: string; hours: HourLoad[] }> {
  const location = await getLocation(db, locationId);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const [templates, exceptions, ...visits] = await Promise.all([
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, days[6]!),
    ...days.map((d) => appointmentRepo.ofDay(db, locationId, d)),
  ]);
  const here = templates.items.filter((t) => t.locationId === locationId);
  const providerIds = [...new Set(here.map((t) => t.providerId))];
  const local = (ms: number) => minutesOf(localParts(ms, location.timeZone).time);
  const hours: HourLoad[] = [];
  days.forEach((date, i) => {
    const held = (visits[i]?.items ?? []).filter((a) => !NOT_HELD.has(a.status));
    const sessions = providerIds.map((providerId) =>
      openIntervals(here, exceptions.items, {
        providerId,
        locationId,
        date,
        timeZone: location.timeZone,
      }).map((o) => ({ from: local(o.start), to: local(o.end) || 24 * 60 })),
    );
    for (const h of HOURS) {
      hours.push({
        date,
        hour: h,
        booked: held.filter((a) => overlaps(minutesOf(a.time), minutesOf(a.endTime), h)).length,
        providers: sessions.filter((s) => s.some((o) => overlaps(o.from, o.to, h))).length,
      });
    }
  });
  return { timeZone: location.timeZone, hours };
}
