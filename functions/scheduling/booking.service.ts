/**
 * Booking, the day's flow and the slot finder. Cross-domain read: `getLocation` from
 * tenants/settings.service.ts (the location's time zone governs every local time).
 */
import {
  type Appointment,
  type AppointmentType,
  type BookingInput,
  type DayHours,
  FLOW,
  MAX_VISIT_MINUTES,
  type Provider,
  type WaitlistEntry,
} from '../../shared/schemas/scheduling.ts';
import { addDays, localParts, zonedInstant } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  badRequest,
  ContentionError,
  conflict,
  forbidden,
  notFound,
  outsideHours,
} from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { blocks, type Interval, isWithin, openIntervals, overlaps } from './availability.ts';
import { auditPatient, auditPatientOf, requirePatient } from './patients.service.ts';
import { getReminderSettings, reminderQueueOps } from './reminder-settings.service.ts';
import {
  appointmentRepo,
  type BusyDay,
  busyRepo,
  exceptionRepo,
  templateRepo,
  waitlistRepo,
} from './scheduling.repo.ts';
import { listResources, requireProvider, requireResource, requireType } from './setup.service.ts';
import { raiseWaitlistOfferOp } from './today-items.ts';
import { matchesFor, recallsAnsweredOps } from './waitlist.service.ts';

const MINUTE = 60_000;
const LATE_CANCEL_MS = 24 * 3600_000;
/** Concurrent bookings of one provider-day retry this often before giving up with 409. */
const MAX_ATTEMPTS = 12;
const OVERRIDE_ROLES = new Set(['owner', 'manager']);

const iso = (ms: number) => new Date(ms).toISOString();
const isoMinute = (ms: number) => iso(ms).slice(0, 16);

/** Where and when a visit is, resolved in the location's zone. */
interface Placement {
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

/** Closes the waitlist entry a booking came from; it must be this patient's and still waiting. */
async function waitlistBooked(db: TenantDb, input: BookingInput, appointmentId: string): Promise<WriteOp> {
  const from = input.fromWaitlist!;
  const entry = await waitlistRepo.get(db, from.id);
  if (!entry || entry.patientId !== input.patientId) throw notFound('Waitlist entry');
  if (entry.status !== 'waiting') throw conflict(`This waitlist entry is already ${entry.status}`);
  return waitlistRepo.updateOp(db, from.id, { status: 'booked', appointmentId }, from.version);
}

/**
 * Books a visit; the provider (and room) are never double-booked, whatever the concurrency.
 * `alsoWrite` joins the same transaction (an import's row marker).
 */
export async function book(
  db: TenantDb,
  input: BookingInput,
  alsoWrite: WriteOp[] = [],
): Promise<Appointment> {
  const patient = await requirePatient(db, input.patientId);
  const place = await placeVisit(db, input);
  const appointment = newAppointment(db, place, {
    patientId: patient.id,
    patientName: `${patient.lastName}, ${patient.firstName}`,
    note: input.note,
  });
  if (input.fromWaitlist) alsoWrite = [...alsoWrite, await waitlistBooked(db, input, appointment.id)];
  alsoWrite = [...alsoWrite, ...(await recallsAnsweredOps(db, appointment))];
  const reminders = reminderQueueOps(await getReminderSettings(db), appointment, {
    tenantId: db.tenantId,
    timeZone: place.timeZone,
    nowMs: db.now().getTime(),
  });
  await withBusyRetry(async () => {
    const busy = await claim(db, place, appointment.id);
    // After the provider and room: their conflicts are the ones to name first.
    await requirePatientFree(db, patient.id, place);
    await db.writeWithPlatformItems(
      [...appointmentRepo.createOps(db, appointment), ...busy, ...alsoWrite],
      reminders,
      {
        action: 'appointment.booked',
        entityType: 'appointment',
        entityId: appointment.id,
        patient: auditPatient(patient),
        summary: `Booked ${place.type.name} on ${place.date} at ${place.time}${place.overrideReason ? ' (outside hours, override)' : ''}`,
      },
    );
  });
  return appointment;
}

/** Moves a visit: a new appointment linked to the old one, in one transaction; answers with the waitlist entries the freed time fits. */
export async function reschedule(
  db: TenantDb,
  id: string,
  input: {
    date: string;
    time: string;
    providerId?: string;
    roomId?: string;
    override?: { reason: string };
    version: number;
  },
): Promise<Appointment & { waitlistMatches: WaitlistEntry[] }> {
  const old = await requireAppointment(db, id);
  await assertOwnVisit(db, old, 'move');
  if (input.providerId && input.providerId !== old.providerId) {
    await assertOwnVisit(db, { providerId: input.providerId }, 'move to');
  }
  if (!['scheduled', 'confirmed'].includes(old.status)) {
    throw conflict(`A ${old.status.replace('_', ' ')} appointment cannot be rescheduled`);
  }
  const place = await placeVisit(
    db,
    {
      providerId: input.providerId ?? old.providerId,
      locationId: old.locationId,
      typeId: old.typeId,
      date: input.date,
      time: input.time,
      roomId: input.roomId,
      override: input.override,
    },
    { preferRoom: old.roomId, replacing: old.id },
  );
  const moved = newAppointment(db, place, {
    patientId: old.patientId,
    patientName: old.patientName,
    note: old.note,
    rescheduledFrom: old.id,
  });
  // The old time is free now: the front desk may offer it to the waitlist.
  const waitlistMatches = await matchesFor(db, old);
  const offer = await waitlistOfferOps(db, old, waitlistMatches);
  await withBusyRetry(async () => {
    const busy = await claim(db, place, moved.id, old);
    await requirePatientFree(db, old.patientId, place, old.id);
    await db.write(
      [
        ...offer,
        ...appointmentRepo.createOps(db, moved),
        appointmentRepo.updateOp(
          db,
          old.id,
          { status: 'rescheduled', rescheduledTo: moved.id },
          input.version,
        ),
        ...busy,
      ],
      {
        action: 'appointment.rescheduled',
        entityType: 'appointment',
        entityId: old.id,
        patient: auditPatientOf(old),
        summary: `Moved from ${old.date} ${old.time} to ${place.date} ${place.time}`,
      },
    );
  });
  return { ...moved, waitlistMatches };
}

/** Cancels by patient or practice; within 24 hours of the start a patient cancel is late. */
export async function cancel(
  db: TenantDb,
  id: string,
  input: { by: 'patient' | 'practice'; reason?: string; version: number },
): Promise<Appointment & { waitlistMatches: WaitlistEntry[] }> {
  const appt = await requireAppointment(db, id);
  await assertOwnVisit(db, appt, 'cancel');
  if (!['scheduled', 'confirmed'].includes(appt.status)) {
    throw conflict(`A ${appt.status.replace('_', ' ')} appointment cannot be cancelled`);
  }
  const now = db.now();
  const lateCancel = input.by === 'patient' && Date.parse(appt.start) - now.getTime() < LATE_CANCEL_MS;
  const set = {
    status: 'cancelled' as const,
    cancelledBy: input.by,
    lateCancel,
    statusTimes: { ...appt.statusTimes, cancelled: now.toISOString() },
    ...(input.reason ? { cancelReason: input.reason } : {}),
  };
  const cancelled = { ...appt, ...set, version: input.version + 1 };
  const waitlistMatches = await matchesFor(db, cancelled);
  const offer = await waitlistOfferOps(db, cancelled, waitlistMatches);
  await withBusyRetry(async () => {
    const release = await releaseOps(db, appt);
    await db.write([appointmentRepo.updateOp(db, id, set, input.version), ...release, ...offer], {
      action: 'appointment.cancelled',
      entityType: 'appointment',
      entityId: id,
      patient: auditPatientOf(appt),
      summary: `Cancelled by ${input.by}${lateCancel ? ' (late)' : ''}`,
    });
  });
  return { ...cancelled, waitlistMatches };
}

/** A freed time still ahead that waitlist patients fit becomes a Today item for the front desk. */
async function waitlistOfferOps(
  db: TenantDb,
  freed: Appointment,
  matches: WaitlistEntry[],
): Promise<WriteOp[]> {
  if (matches.length === 0 || Date.parse(freed.start) <= db.now().getTime()) return [];
  const provider = await requireProvider(db, freed.providerId);
  return [raiseWaitlistOfferOp(db, freed, matches, provider.name, db.now())];
}

/** Moves a visit forward through the day's flow (or marks a no-show), stamping the time. */
export async function setStatus(
  db: TenantDb,
  id: string,
  input: { status: 'confirmed' | 'arrived' | 'in_room' | 'checked_out' | 'no_show'; version: number },
): Promise<Appointment> {
  const appt = await requireAppointment(db, id);
  const from = FLOW.indexOf(appt.status);
  const allowed =
    input.status === 'no_show'
      ? ['scheduled', 'confirmed'].includes(appt.status)
      : from >= 0 && FLOW.indexOf(input.status) > from;
  if (!allowed) {
    throw conflict(`Cannot go from ${appt.status.replace('_', ' ')} to ${input.status.replace('_', ' ')}`);
  }
  const statusTimes = { ...appt.statusTimes, [input.status]: db.now().toISOString() };
  await db.write([appointmentRepo.updateOp(db, id, { status: input.status, statusTimes }, input.version)], {
    action: `appointment.${input.status}`,
    entityType: 'appointment',
    entityId: id,
    patient: auditPatientOf(appt),
    summary: `Marked ${input.status.replace('_', ' ')}`,
  });
  return { ...appt, status: input.status, statusTimes, version: input.version + 1 };
}

/**
 * A user with the provider role cancels and moves only the visits of the provider record linked
 * to their own user (and moves them only onto that same provider); other roles the route admits
 * act on any visit.
 */
async function assertOwnVisit(
  db: TenantDb,
  visit: { providerId: string },
  verb: 'cancel' | 'move' | 'move to',
): Promise<void> {
  if (db.actor.role !== 'provider') return;
  const provider = await requireProvider(db, visit.providerId);
  if (provider.userId === db.actor.userId) return;
  throw forbidden(
    verb === 'move to'
      ? "As a provider you can move a visit only within your own schedule, not to another provider's"
      : `As a provider you can ${verb} only your own visits; ask the front desk or a manager to ${verb} this one`,
  );
}

export async function requireAppointment(db: TenantDb, id: string): Promise<Appointment> {
  const item = await appointmentRepo.get(db, id);
  if (!item) throw notFound('Appointment');
  return strip<Appointment>(item as never);
}

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

// --- internals ---

/**
 * Checks a booking or move and fixes its place in time. A visit that needs a room takes the one
 * asked for, or else the first active room of the location free then (a move keeps its room if it can).
 */
async function placeVisit(
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

/** Which of `rooms` are free for the whole of each span (a visit being moved does not block itself). */
export async function roomsFree(db: TenantDb, rooms: string[], spans: Interval[], ignore?: string) {
  const days = [...new Set(spans.flatMap(daysOf))];
  const maps = await busyRepo.getMany(
    db,
    rooms.flatMap((id) => days.map((day) => ({ who: 'R' as const, id, day }))),
  );
  const busyOf = new Map(
    rooms.map((id) => [
      id,
      maps
        .filter((m) => m.id === id)
        .flatMap((m) => m.intervals.filter((i) => i.a !== ignore))
        .map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) })),
    ]),
  );
  return (span: Interval) => rooms.filter((id) => !busyOf.get(id)!.some((b) => overlaps(span, b)));
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
async function requirePatientFree(
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
      `${clash.patientName} already has a visit then (${clash.typeName}, ${clash.date} ${clash.time}–${clash.endTime})`,
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
  if (!OVERRIDE_ROLES.has(db.actor.role)) throw forbidden('Only an owner or manager can book outside hours');
  return override.reason;
}

function newAppointment(
  db: TenantDb,
  place: Placement,
  who: { patientId: string; patientName: string; note?: string; rescheduledFrom?: string },
): Appointment {
  const now = db.now().toISOString();
  return {
    id: newId(),
    ...who,
    providerId: place.provider.id,
    locationId: place.locationId,
    typeId: place.type.id,
    typeName: place.type.name,
    color: place.type.color,
    ...(place.roomId ? { roomId: place.roomId } : {}),
    date: place.date,
    time: place.time,
    endTime: localParts(place.end, place.timeZone).time,
    start: iso(place.start),
    end: iso(place.end),
    durationMinutes: place.type.durationMinutes,
    bufferBeforeMinutes: place.type.bufferBeforeMinutes,
    bufferAfterMinutes: place.type.bufferAfterMinutes,
    status: 'scheduled',
    statusTimes: { scheduled: now },
    ...(place.overrideReason ? { overrideReason: place.overrideReason } : {}),
    version: 1,
  } as Appointment;
}

/** What an appointment holds busy: the provider with buffers, the room for the visit itself. */
function holds(a: {
  providerId: string;
  roomId?: string;
  start: number;
  end: number;
  bufferBefore: number;
  bufferAfter: number;
}): { who: 'P' | 'R'; id: string; span: Interval }[] {
  const out: { who: 'P' | 'R'; id: string; span: Interval }[] = [
    {
      who: 'P' as const,
      id: a.providerId,
      span: { start: a.start - a.bufferBefore * MINUTE, end: a.end + a.bufferAfter * MINUTE },
    },
  ];
  if (a.roomId) out.push({ who: 'R' as const, id: a.roomId, span: { start: a.start, end: a.end } });
  return out;
}

const holdsOf = (a: Appointment) =>
  holds({
    providerId: a.providerId,
    roomId: a.roomId,
    start: Date.parse(a.start),
    end: Date.parse(a.end),
    bufferBefore: (a as { bufferBeforeMinutes?: number }).bufferBeforeMinutes ?? 0,
    bufferAfter: (a as { bufferAfterMinutes?: number }).bufferAfterMinutes ?? 0,
  });

/** UTC days an interval touches (a late-evening visit in the Americas spans two). */
function daysOf(span: Interval): string[] {
  const days = [iso(span.start).slice(0, 10)];
  const last = iso(span.end - 1).slice(0, 10);
  while (days.at(-1)! < last) days.push(addDays(days.at(-1)!, 1));
  return days;
}

export const toIntervals = (b: BusyDay): Interval[] =>
  b.intervals.map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) }));

/**
 * Reads the busy maps the visit touches, refuses on overlap, and returns the writes that add
 * it (and drop `replacing`, for a reschedule) under each map's version.
 */
async function claim(
  db: TenantDb,
  place: Placement,
  appointmentId: string,
  replacing?: Appointment,
): Promise<WriteOp[]> {
  const mine = holds({
    providerId: place.provider.id,
    roomId: place.roomId,
    start: place.start,
    end: place.end,
    bufferBefore: place.type.bufferBeforeMinutes,
    bufferAfter: place.type.bufferAfterMinutes,
  });
  const old = replacing ? holdsOf(replacing) : [];
  const refs = [...mine, ...old].flatMap((h) => daysOf(h.span).map((day) => ({ who: h.who, id: h.id, day })));
  const maps = await busyRepo.getMany(db, dedupe(refs));
  for (const h of mine) {
    const taken = maps
      .filter((m) => m.who === h.who && m.id === h.id)
      .flatMap((m) => m.intervals.filter((i) => i.a !== replacing?.id))
      .some((i) => overlaps(h.span, { start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) }));
    if (taken) {
      throw conflict(
        h.who === 'P'
          ? 'The provider is already booked at that time'
          : 'The room is already booked at that time',
      );
    }
  }
  for (const m of maps) {
    m.intervals = m.intervals.filter((i) => i.a !== replacing?.id);
    for (const h of mine) {
      if (h.who === m.who && h.id === m.id && daysOf(h.span).includes(m.day)) {
        m.intervals.push({ s: isoMinute(h.span.start), e: isoMinute(h.span.end), a: appointmentId });
      }
    }
  }
  return maps.map((m) => busyRepo.writeOp(db, m));
}

/** Writes that free an appointment's busy time (cancel). */
async function releaseOps(db: TenantDb, appt: Appointment): Promise<WriteOp[]> {
  const refs = holdsOf(appt).flatMap((h) => daysOf(h.span).map((day) => ({ who: h.who, id: h.id, day })));
  const maps = await busyRepo.getMany(db, dedupe(refs));
  return maps
    .filter((m) => m.version !== undefined)
    .map((m) => busyRepo.writeOp(db, { ...m, intervals: m.intervals.filter((i) => i.a !== appt.id) }));
}

function dedupe<T extends { who: string; id: string; day: string }>(refs: T[]): T[] {
  return [...new Map(refs.map((r) => [`${r.who}|${r.id}|${r.day}`, r])).values()];
}

/** Re-runs a read-check-write when a concurrent booking won the race for the same maps. */
async function withBusyRetry(attempt: () => Promise<void>): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ContentionError) || i >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * i));
    }
  }
}
