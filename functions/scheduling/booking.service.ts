/**
 * Booking commands: book, reschedule, cancel and the day's status steps. Where a visit goes is
 * placement.service.ts; what it holds busy, and the retry when two desks race, busy-map.service.ts.
 */
import { staffDateTime } from '../../shared/locale.ts';
import {
  type Appointment,
  type BookingInput,
  FLOW,
  type WaitlistEntry,
} from '../../shared/schemas/scheduling.ts';
import { localParts } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { claim, releaseOps, withBusyRetry } from './busy-map.service.ts';
import { auditPatient, auditPatientOf, requirePatient } from './patients.service.ts';
import { type Placement, placeVisit, requirePatientFree } from './placement.service.ts';
import { getReminderSettings, reminderQueueOps } from './reminder-settings.service.ts';
import { requireProvider } from './setup.service.ts';
import { raiseWaitlistOfferOp } from './today-items.ts';
import { waitlistRepo } from './waitlist.repo.ts';
import { matchesFor, recallsAnsweredOps } from './waitlist.service.ts';

const LATE_CANCEL_MS = 24 * 3600_000;

const iso = (ms: number) => new Date(ms).toISOString();

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
        summary: `Moved from ${staffDateTime(old.date, old.time)} to ${staffDateTime(place.date, place.time)}`,
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
