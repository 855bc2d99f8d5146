/**
 * Where and when a visit goes: the provider's hours (or a manager's override), the room, and the
 * patient free then. Cross-domain read: `getLocation` from tenants/settings.service.ts (the
 * location's time zone governs every local time).
 */
import { staffDateTime, staffTimeOfDay } from '../../shared/locale.ts';
import { inRoleGroup } from '../../shared/roles.ts';
import {
  type AppointmentType,
  type BookingInput,
  MAX_VISIT_MINUTES,
  type Provider,
} from '../../shared/schemas/scheduling.ts';
import { localParts, zonedInstant } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, forbidden, outsideHours } from '../platform/errors.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { type Interval, isWithin, openIntervals, overlaps } from './availability.ts';
import { roomsFree } from './busy-map.service.ts';
import { exceptionRepo, templateRepo } from './setup.repo.ts';
import { listResources, requireProvider, requireResource, requireType } from './setup.service.ts';

const MINUTE = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Where and when a visit is, resolved in the location's zone. */
export interface Placement {
  provider: Provider;
  type: AppointmentType;
  locationId: string;
  timeZone: string;
  date: string;
  time: string;
  start: number;
  end: number;
  roomId?: string;
  overrideReason?: string;
}

/**
 * Checks a booking or move and fixes its place in time. A visit that needs a room takes the one
 * asked for, or else the first active room of the location free then (a move keeps its room if it can).
 */
export async function placeVisit(
  db: TenantDb,
  input: Omit<BookingInput, 'patientId' | 'note'>,
  moving: { preferRoom?: string; replacing?: string } = {},
): Promise<Placement> {
  const [provider, type, location] = await Promise.all([
    requireProvider(db, input.providerId),
    requireType(db, input.typeId),
    getLocation(db, input.locationId),
  ]);
  if (!provider.active) throw badRequest('This provider is deactivated');
  if (!type.active) throw badRequest('This appointment type is no longer offered');
  if (!provider.locationIds.includes(location.id))
    throw badRequest('This provider does not work at that location');
  const start = zonedInstant(input.date, input.time, location.timeZone);
  const local = localParts(start, location.timeZone);
  if (local.date !== input.date || local.time !== input.time) {
    throw badRequest(`${input.time} does not exist on ${input.date} in ${location.timeZone} (clocks change)`);
  }
  const end = start + type.durationMinutes * MINUTE;
  const roomId = !type.needsRoom
    ? undefined
    : input.roomId
      ? await requireRoom(db, input.roomId, location.id)
      : await pickRoom(db, { location, type, span: { start, end }, ...moving });
  const overrideReason = await checkHours(
    db,
    { provider, locationId: location.id, date: input.date, timeZone: location.timeZone, start, end },
    input.override,
  );
  return {
    provider,
    type,
    locationId: location.id,
    timeZone: location.timeZone,
    date: input.date,
    time: input.time,
    start,
    end,
    roomId,
    overrideReason,
  };
}

/**
 * The active rooms of a location, in Setup order; a type that needs a room is bookable only
 * where there is one (retired rooms do not count).
 */
export async function requireSomeRoom(
  db: TenantDb,
  location: { id: string; name: string },
  type: AppointmentType,
): Promise<string[]> {
  const resources = await listResources(db, { limit: 100 });
  const rooms = resources.items.filter((r) => r.locationId === location.id && r.kind === 'room' && r.active);
  if (!rooms.length) {
    throw badRequest(
      `${type.name} needs a room and ${location.name} has no active room; add or bring one back in Setup`,
    );
  }
  return rooms.map((r) => r.id);
}

/** The room a visit gets when none was asked for: its old room if free, else the first free one. */
async function pickRoom(
  db: TenantDb,
  at: {
    location: { id: string; name: string };
    type: AppointmentType;
    span: Interval;
    preferRoom?: string;
    replacing?: string;
  },
): Promise<string> {
  const rooms = await requireSomeRoom(db, at.location, at.type);
  const free = (await roomsFree(db, rooms, [at.span], at.replacing))(at.span);
  if (!free.length) throw conflict(`Every room at ${at.location.name} is booked at that time`);
  return at.preferRoom && free.includes(at.preferRoom) ? at.preferRoom : free[0]!;
}

async function requireRoom(db: TenantDb, roomId: string, locationId: string) {
  const room = await requireResource(db, roomId);
  if (room.locationId !== locationId || room.kind !== 'room' || !room.active) {
    throw badRequest('Choose an active room of this location');
  }
  return room.id;
}

/** Visits that still hold the patient's time (a cancelled, moved or missed one does not). */
const HOLDS_PATIENT = new Set(['scheduled', 'confirmed', 'arrived', 'in_room', 'checked_out']);

/**
 * A patient is in one place at a time: a visit overlapping another of theirs is a 409 naming it.
 * A read-time check (two desks booking one patient in the same second could both pass), unlike
 * the provider and room, whose busy maps are written under a version condition.
 */
export async function requirePatientFree(
  db: TenantDb,
  patientId: string,
  place: { start: number; end: number },
  replacing?: string,
) {
  // Visits are at most MAX_VISIT_MINUTES long, so only those starting that much earlier can overlap.
  const links = await appointmentRepo.ofPatientStarting(
    db,
    patientId,
    iso(place.start - MAX_VISIT_MINUTES * MINUTE),
    iso(place.end),
  );
  const ids = links.items.map((l) => l.appointmentId).filter((id) => id !== replacing);
  const clash = (await appointmentRepo.ofIds(db, ids)).find(
    (a) =>
      HOLDS_PATIENT.has(a.status) &&
      overlaps(
        { start: place.start, end: place.end },
        { start: Date.parse(a.start), end: Date.parse(a.end) },
      ),
  );
  if (clash) {
    throw conflict(
      `${clash.patientName} already has a visit then (${clash.typeName}, ${staffDateTime(clash.date, clash.time)}–${staffTimeOfDay(clash.endTime)})`,
    );
  }
}

/** Inside the provider's hours, or a manager's override with a reason. */
async function checkHours(
  db: TenantDb,
  at: { provider: Provider; locationId: string; date: string; timeZone: string; start: number; end: number },
  override: { reason: string } | undefined,
): Promise<string | undefined> {
  const [templates, exceptions] = await Promise.all([
    templateRepo.ofProvider(db, at.provider.id),
    exceptionRepo.startingBy(db, at.date),
  ]);
  const open = openIntervals(templates.items, exceptions.items, { ...at, providerId: at.provider.id });
  if (isWithin(open, at.start, at.end)) return undefined;
  if (!override) {
    throw outsideHours(
      "That time is outside the provider's hours; a manager can book it with an override reason",
    );
  }
  if (!inRoleGroup(db.actor.role, 'practiceAdmins'))
    throw forbidden('Only an owner or manager can book outside hours');
  return override.reason;
}
