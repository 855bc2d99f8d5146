/**
 * Scheduling measures, week over week. Cross-domain read: `getLocation` from
 * tenants/settings.service.ts (the location's zone decides what "today" and a week are).
 */
import type { Appointment } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { freeStarts, openIntervals } from './availability.ts';
import {
  appointmentRepo,
  busyRepo,
  exceptionRepo,
  providerRepo,
  templateRepo,
  typeRepo,
} from './scheduling.repo.ts';

const MINUTE = 60_000;
const HORIZON_DAYS = 60;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const NOT_HELD = new Set(['cancelled', 'rescheduled']);

/** No-show, late-cancel and utilization per week (Monday start), and time to third next available. */
export async function measures(db: TenantDb, q: { locationId: string; weekOf?: string; weeks: number }) {
  const location = await getLocation(db, q.locationId);
  const today = localParts(db.now().getTime(), location.timeZone).date;
  const anchor = q.weekOf ?? today;
  const monday = addDays(anchor, -((new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7));
  const firstWeek = addDays(monday, -7 * (q.weeks - 1));
  const [templates, exceptions, providers] = await Promise.all([
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, addDays(monday, 6 + HORIZON_DAYS)),
    providerRepo.list(db, { limit: 100 }),
  ]);
  const atLocation = providers.items.filter((p) => p.locationIds.includes(location.id));
  const nowMs = db.now().getTime();
  const weeks = [];
  for (let w = 0; w < q.weeks; w++) {
    const start = addDays(firstWeek, 7 * w);
    const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    const appts = (await Promise.all(days.map((d) => appointmentRepo.ofDay(db, location.id, d)))).flatMap(
      (p) => p.items.map((a) => strip<Appointment>(a as never)),
    );
    const held = appts.filter((a) => !NOT_HELD.has(a.status));
    const past = held.filter((a) => Date.parse(a.start) < nowMs);
    const byProvider = atLocation.map((p) => {
      const available = days
        .flatMap((date) =>
          openIntervals(templates.items, exceptions.items, {
            providerId: p.id,
            locationId: location.id,
            date,
            timeZone: location.timeZone,
          }),
        )
        .reduce((sum, i) => sum + (i.end - i.start) / MINUTE, 0);
      const booked = held.filter((a) => a.providerId === p.id).reduce((sum, a) => sum + a.durationMinutes, 0);
      return {
        providerId: p.id,
        bookedMinutes: booked,
        availableMinutes: available,
        utilization: ratio(booked, available),
      };
    });
    const bookedMinutes = byProvider.reduce((s, p) => s + p.bookedMinutes, 0);
    const availableMinutes = byProvider.reduce((s, p) => s + p.availableMinutes, 0);
    weeks.push({
      weekStart: start,
      booked: appts.filter((a) => a.status !== 'rescheduled').length,
      noShowRate: ratio(past.filter((a) => a.status === 'no_show').length, past.length),
      lateCancelRate: ratio(
        appts.filter((a) => a.lateCancel).length,
        appts.filter((a) => a.status !== 'rescheduled').length,
      ),
      utilization: ratio(bookedMinutes, availableMinutes),
      byProvider,
    });
  }
  return {
    locationId: location.id,
    weeks,
    thirdNextAvailable: await thirdNext(
      db,
      atLocation.map((p) => p.id),
      location,
      today,
      templates.items,
      exceptions.items,
    ),
  };
}

/** Days until each provider's third free start (the industry's access measure). */
async function thirdNext(
  db: TenantDb,
  providerIds: string[],
  location: { id: string; timeZone: string },
  today: string,
  templates: Parameters<typeof openIntervals>[0],
  exceptions: Parameters<typeof openIntervals>[1],
) {
  const types = await typeRepo.list(db, { limit: 1 });
  const type = types.items[0];
  if (!type) return providerIds.map((providerId) => ({ providerId, days: null }));
  const dates = Array.from({ length: HORIZON_DAYS }, (_, i) => addDays(today, i));
  const visit = {
    minutes: type.durationMinutes,
    bufferBefore: type.bufferBeforeMinutes,
    bufferAfter: type.bufferAfterMinutes,
  };
  const out = [];
  for (const providerId of providerIds) {
    const maps = await busyRepo.getMany(
      db,
      [addDays(today, -1), ...dates].map((day) => ({ who: 'P' as const, id: providerId, day })).slice(0, 100),
    );
    const busy = maps.flatMap((m) =>
      m.intervals.map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) })),
    );
    let found = 0;
    let days: number | null = null;
    for (const [i, date] of dates.entries()) {
      const open = openIntervals(templates, exceptions, {
        providerId,
        locationId: location.id,
        date,
        timeZone: location.timeZone,
      });
      found += freeStarts(open, busy, visit, db.now().getTime()).length;
      if (found >= 3) {
        days = i;
        break;
      }
    }
    out.push({ providerId, days });
  }
  return out;
}
