/**
 * What the schedule shows: a location's day, a provider's week and each day's open hours. Reads
 * only. Cross-domain read: `getLocation` from tenants/settings.service.ts (the location's time
 * zone governs every local time).
 */
import type { Appointment, DayHours } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts, zonedInstant } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { blocks, openIntervals } from './availability.ts';
import { exceptionRepo, templateRepo } from './setup.repo.ts';
import { requireProvider } from './setup.service.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A location's day, every provider's appointments in start order: one Query. */
export async function dayView(db: TenantDb, locationId: string, date: string) {
  const location = await getLocation(db, locationId);
  const page = await appointmentRepo.ofDay(db, locationId, date);
  return {
    date,
    locationId,
    timeZone: location.timeZone,
    appointments: page.items.map((a) => strip<Appointment>(a as never)),
  };
}

/**
 * A provider's week (Monday to Sunday, in the zone of the provider's first location), every
 * location, in start order (one Query), with each day's open hours for shading the grid.
 */
export async function weekView(db: TenantDb, providerId: string, weekOf: string) {
  const provider = await requireProvider(db, providerId);
  const location = await getLocation(db, provider.locationIds[0]!);
  const weekStart = addDays(weekOf, -((new Date(`${weekOf}T00:00:00Z`).getUTCDay() + 6) % 7));
  const from = zonedInstant(weekStart, '00:00', location.timeZone);
  const to = zonedInstant(addDays(weekStart, 7), '00:00', location.timeZone);
  const [page, templates, exceptions] = await Promise.all([
    appointmentRepo.ofProvider(db, providerId, iso(from), iso(to - 1)),
    templateRepo.ofProvider(db, providerId),
    exceptionRepo.startingBy(db, addDays(weekStart, 6)),
  ]);
  const local = (ms: number) => localParts(ms, location.timeZone).time;
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    const open = provider.locationIds
      .flatMap((locationId) =>
        openIntervals(templates.items, exceptions.items, {
          providerId,
          locationId,
          date,
          timeZone: location.timeZone,
        }),
      )
      .sort((a, b) => a.start - b.start)
      .map((o) => ({ start: local(o.start), end: local(o.end) }));
    const closedBy = exceptions.items.find((e) =>
      provider.locationIds.some((locationId) => blocks(e, providerId, locationId, date)),
    );
    return { date, open, ...(closedBy ? { closed: { kind: closedBy.kind, reason: closedBy.reason } } : {}) };
  });
  return { providerId, weekStart, appointments: page.items.map((a) => strip<Appointment>(a as never)), days };
}

/** Each provider's open hours at a location on a date, in local time, and what closes a day. */
export async function dayHours(db: TenantDb, locationId: string, date: string): Promise<DayHours> {
  const location = await getLocation(db, locationId);
  const [templates, exceptions] = await Promise.all([
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, date),
  ]);
  const providerIds = [
    ...new Set(templates.items.filter((t) => t.locationId === locationId).map((t) => t.providerId)),
  ];
  const local = (ms: number) => localParts(ms, location.timeZone).time;
  return {
    date,
    locationId,
    providers: providerIds.map((providerId) => {
      const closedBy = exceptions.items.find((e) => blocks(e, providerId, locationId, date));
      const open = openIntervals(templates.items, exceptions.items, {
        providerId,
        locationId,
        date,
        timeZone: location.timeZone,
      }).map((i) => ({ start: local(i.start), end: local(i.end) }));
      return {
        providerId,
        open,
        ...(closedBy ? { closed: { kind: closedBy.kind, reason: closedBy.reason } } : {}),
      };
    }),
  };
}
