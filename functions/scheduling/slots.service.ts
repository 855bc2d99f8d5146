/**
 * The slot finder: the next free starts for a visit type at a location, and, when there are
 * none, why (no provider, no weekly hours, time off, or fully booked) so the front desk knows
 * what to change instead of guessing. Cross-domain read: `getLocation` from
 * tenants/settings.service.ts.
 */

import type { Provider, SlotList, Template } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest } from '../platform/errors.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { freeStarts, openIntervals } from './availability.ts';
import { busyRepo } from './busy-map.repo.ts';
import { roomsFree, toIntervals } from './busy-map.service.ts';
import { requireSomeRoom } from './placement.service.ts';
import { exceptionRepo, templateRepo } from './setup.repo.ts';
import { listProviders, requireProvider, requireType } from './setup.service.ts';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface SlotQuery {
  typeId: string;
  locationId: string;
  providerIds?: string[];
  from: string;
  days: number;
  limit: number;
}

/** Next free starts for a type at a location, across the chosen providers, soonest first. */
export async function findSlots(db: TenantDb, q: SlotQuery): Promise<SlotList> {
  const [type, location] = await Promise.all([requireType(db, q.typeId), getLocation(db, q.locationId)]);
  // Free times that booking would then refuse help nobody: say why up front instead.
  if (!type.active) throw badRequest('This appointment type is no longer offered');
  const rooms = type.needsRoom ? await requireSomeRoom(db, location, type) : [];
  const to = addDays(q.from, q.days - 1);
  const chosen = await Promise.all((q.providerIds ?? []).map((id) => requireProvider(db, id)));
  const [templates, exceptions] = await Promise.all([
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, to),
  ]);
  const hoursHere = templates.items.filter((t) => t.locationId === q.locationId);
  const candidates = (chosen.length ? chosen : await activeProviders(db)).filter((p) =>
    hasHours(hoursHere, p),
  );
  const range = { from: q.from, to, location: location.name };
  if (!candidates.length) return { slots: [], emptyReason: noHoursReason(chosen, range) };

  const dates = Array.from({ length: q.days }, (_, i) => addDays(q.from, i));
  const busyDays = await busyRepo.getMany(
    db,
    candidates.flatMap((p) =>
      [addDays(q.from, -1), ...dates, addDays(to, 1)].map((day) => ({ who: 'P' as const, id: p.id, day })),
    ),
  );
  const notBefore = db.now().getTime();
  const visit = {
    minutes: type.durationMinutes,
    bufferBefore: type.bufferBeforeMinutes,
    bufferAfter: type.bufferAfterMinutes,
  };
  let anyOpen = false;
  const slots: SlotList['slots'] = [];
  for (const date of dates) {
    for (const p of candidates) {
      const open = openIntervals(templates.items, exceptions.items, {
        providerId: p.id,
        locationId: q.locationId,
        date,
        timeZone: location.timeZone,
      });
      anyOpen ||= open.some((o) => o.end > notBefore);
      const busy = busyDays.filter((b) => b.id === p.id).flatMap(toIntervals);
      for (const s of freeStarts(open, busy, visit, notBefore)) {
        slots.push({ providerId: p.id, date, time: localParts(s, location.timeZone).time, start: iso(s) });
      }
    }
  }
  slots.sort((a, b) => a.start.localeCompare(b.start));
  const found = rooms.length ? await withFreeRoom(db, rooms, slots, type.durationMinutes) : slots;
  if (found.length) return { slots: found.slice(0, q.limit) };
  return { slots: [], emptyReason: fullReason(anyOpen, rooms.length > 0, range) };
}

const activeProviders = async (db: TenantDb) =>
  (await listProviders(db, { limit: 100 })).items.filter((p) => p.active);

const hasHours = (templates: Template[], p: Provider) => templates.some((t) => t.providerId === p.id);

type Range = { from: string; to: string; location: string };

function noHoursReason(chosen: Provider[], r: Range): string {
  if (chosen.length === 1) {
    return `${chosen[0]!.name} has no weekly hours at ${r.location}. Set them in Setup → Weekly hours.`;
  }
  return `No provider has weekly hours at ${r.location} yet. Set them in Setup → Weekly hours.`;
}

function fullReason(anyOpen: boolean, needsRoom: boolean, r: Range): string {
  if (!anyOpen) {
    return `Nobody works at ${r.location} from ${r.from} to ${r.to} (days off, time off or closures). Try later dates.`;
  }
  return needsRoom
    ? `Every free time from ${r.from} to ${r.to} is booked, or has no room free. Try later dates.`
    : `Every time from ${r.from} to ${r.to} is booked. Try later dates or another provider.`;
}

/** A room-needing visit also needs one of the location's rooms free for its whole length. */
async function withFreeRoom(db: TenantDb, rooms: string[], slots: SlotList['slots'], minutes: number) {
  const spanOf = (slot: { start: string }) => {
    const start = Date.parse(slot.start);
    return { start, end: start + minutes * MINUTE };
  };
  const freeRooms = await roomsFree(db, rooms, slots.map(spanOf));
  return slots.filter((slot) => freeRooms(spanOf(slot)).length > 0);
}
