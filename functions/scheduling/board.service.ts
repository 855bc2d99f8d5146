/**
 * The day board: locations, providers, types, the day's visits and hours in one answer for the
 * schedule's first paint. Cross-domain read: `listLocations` from tenants/settings.service.ts.
 */

import type { DayBoard } from '../../shared/schemas/day-board.ts';
import type { Appointment } from '../../shared/schemas/scheduling.ts';
import { localParts } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { listLocations } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { dayHours } from './schedule-views.service.ts';
import { listProviders, listTypes } from './setup.service.ts';

/** The location asked for (or the first active one) on the date asked for (or its today). */
export async function dayBoard(db: TenantDb, q: { locationId?: string; date?: string }): Promise<DayBoard> {
  const page = { limit: 100 };
  const [locations, providers, types] = await Promise.all([
    listLocations(db, { ...page, includeArchived: false }),
    listProviders(db, page),
    listTypes(db, page),
  ]);
  const location = q.locationId ? locations.items.find((l) => l.id === q.locationId) : locations.items[0];
  if (q.locationId && !location) throw notFound('Location not found');
  const empty = { locations: locations.items, providers: [], types: types.items, appointments: [] };
  if (!location) return empty;
  const date = q.date ?? localParts(db.now().getTime(), location.timeZone).date;
  const [day, hours] = await Promise.all([
    appointmentRepo.ofDay(db, location.id, date),
    dayHours(db, location.id, date),
  ]);
  return {
    ...empty,
    locationId: location.id,
    date,
    timeZone: location.timeZone,
    providers: providers.items.filter((p) => p.active && p.locationIds.includes(location.id)),
    appointments: day.items.map((a) => strip<Appointment>(a as never)),
    hours,
  };
}
