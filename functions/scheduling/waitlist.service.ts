import { staffDate } from '../../shared/locale.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { Appointment, Recall, WaitlistEntry, WaitlistInput } from '../../shared/schemas/scheduling.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { auditPatient, auditPatientOf, requirePatient } from './patients.service.ts';
import { typeRepo } from './setup.repo.ts';
import { requireType } from './setup.service.ts';
import { closeRecallItemOp, raiseRecallItemOp, recallItemId } from './today-items.ts';
import { recallRepo, waitlistRepo } from './waitlist.repo.ts';

type PageArgs = { limit: number; cursor?: string };

/** Puts a patient on the waitlist for an earlier visit. */
export async function addToWaitlist(db: TenantDb, input: WaitlistInput): Promise<WaitlistEntry> {
  const [patient, type] = await Promise.all([
    requirePatient(db, input.patientId),
    requireType(db, input.typeId),
  ]);
  // Nobody could be offered a time for it.
  if (!type.active) throw badRequest('This appointment type is no longer offered');
  const entry: WaitlistEntry = {
    id: newId(),
    ...input,
    patientName: `${patient.lastName}, ${patient.firstName}`,
    status: 'waiting',
    createdAt: db.now().toISOString(),
    version: 1,
  };
  await db.write([waitlistRepo.createOp(db, entry)], {
    action: 'waitlist.added',
    entityType: 'waitlist',
    entityId: entry.id,
    patient: auditPatient(patient),
    summary: `Waitlisted for ${input.earliestDate} to ${input.latestDate}`,
  });
  return entry;
}

export async function listWaitlist(db: TenantDb, page: PageArgs): Promise<Page<WaitlistEntry>> {
  const found = await waitlistRepo.waiting(db, page);
  return { items: found.items.map((e) => strip<WaitlistEntry>(e as never)), nextCursor: found.nextCursor };
}

/** Closes an entry: booked (the front desk gave the patient a slot) or removed. */
export async function closeWaitlistEntry(
  db: TenantDb,
  id: string,
  input: { status: 'booked' | 'removed'; version: number },
): Promise<WaitlistEntry> {
  const entry = await waitlistRepo.get(db, id);
  if (!entry) throw notFound('Waitlist entry');
  if (entry.status !== 'waiting') throw conflict(`This entry is already ${entry.status}`);
  await db.write([waitlistRepo.updateOp(db, id, { status: input.status }, input.version)], {
    action: `waitlist.${input.status}`,
    entityType: 'waitlist',
    entityId: id,
    patient: auditPatientOf(entry),
    summary: input.status === 'booked' ? 'Booked from the waitlist' : 'Removed from the waitlist',
  });
  return { ...strip<WaitlistEntry>(entry as never), status: input.status, version: input.version + 1 };
}

/**
 * Waiting entries the freed time fits: same location, an acceptable provider, date and hours,
 * and a visit type no longer than the freed one. Oldest first: they waited longest.
 */
export async function matchesFor(db: TenantDb, freed: Appointment): Promise<WaitlistEntry[]> {
  const [waiting, types] = await Promise.all([
    waitlistRepo.waiting(db, { limit: 100 }),
    typeRepo.list(db, { limit: 100 }),
  ]);
  const minutes = new Map(types.items.map((t) => [t.id, t.durationMinutes]));
  return waiting.items
    .filter(
      (e) =>
        e.locationId === freed.locationId &&
        (!e.providerIds || e.providerIds.includes(freed.providerId)) &&
        e.earliestDate <= freed.date &&
        freed.date <= e.latestDate &&
        (!e.fromTime || e.fromTime <= freed.time) &&
        (!e.toTime || freed.endTime <= e.toTime) &&
        (minutes.get(e.typeId) ?? Number.POSITIVE_INFINITY) <= freed.durationMinutes,
    )
    .map((e) => strip<WaitlistEntry>(e as never));
}

// --- recalls ---

export async function createRecall(
  db: TenantDb,
  input: { patientId: string; reason: string; dueDate: string },
): Promise<Recall> {
  const patient = await requirePatient(db, input.patientId);
  const recall: Recall = {
    id: newId(),
    ...input,
    patientName: `${patient.lastName}, ${patient.firstName}`,
    status: 'due',
    outreach: [],
    version: 1,
  };
  await db.write(
    [
      recallRepo.createOp(db, { ...recall, todayItemId: recallItemId(recall.id) }),
      raiseRecallItemOp(db, recall, db.now()),
    ],
    {
      action: 'recall.created',
      entityType: 'recall',
      entityId: recall.id,
      patient: auditPatient(patient),
      summary: `Recall due ${staffDate(input.dueDate)}`,
    },
  );
  return recall;
}

export async function listRecalls(
  db: TenantDb,
  dueBy: string | undefined,
  page: PageArgs,
): Promise<Page<Recall>> {
  const found = await recallRepo.dueBy(db, dueBy, page);
  // `todayItemId` is this service's bookkeeping (the recall raised a Today item), not part of a Recall.
  const items = found.items.map((r) => {
    const { todayItemId: _todayItem, ...recall } = strip<Recall & { todayItemId?: string }>(r as never);
    return recall;
  });
  return { items, nextCursor: found.nextCursor };
}

/** Records one outreach attempt; "scheduled" and "declined" close the loop. */
export async function recordOutreach(
  db: TenantDb,
  id: string,
  input: { channel: Recall['outreach'][number]['channel']; outcome: string; note?: string; version: number },
): Promise<Recall> {
  const item = await recallRepo.get(db, id);
  if (!item) throw notFound('Recall');
  const { todayItemId, ...recall } = strip<Recall & { todayItemId?: string }>(item as never);
  const attempt = {
    at: db.now().toISOString(),
    channel: input.channel,
    outcome: input.outcome,
    by: db.actor.name,
    ...(input.note ? { note: input.note } : {}),
  };
  const status: Recall['status'] =
    input.outcome === 'scheduled' ? 'scheduled' : input.outcome === 'declined' ? 'closed' : 'contacted';
  const outreach = [...recall.outreach, attempt];
  const answered = status !== 'contacted' && recall.status !== 'scheduled' && recall.status !== 'closed';
  const closeItem = answered && todayItemId ? [closeRecallItemOp(db, id, db.actor.name, db.now())] : [];
  await db.write([recallRepo.updateOp(db, id, { outreach, status }, input.version), ...closeItem], {
    action: 'recall.outreach',
    entityType: 'recall',
    entityId: id,
    patient: auditPatientOf(recall),
    summary: `Recall outreach by ${input.channel}: ${input.outcome.replace('_', ' ')}`,
  });
  return { ...recall, outreach, status, version: input.version + 1 };
}

/**
 * Booking a patient answers their open recalls: each is marked scheduled with the visit booked,
 * and its Today item closes, in the booking's own transaction.
 */
export async function recallsAnsweredOps(db: TenantDb, appointment: Appointment): Promise<WriteOp[]> {
  const open = await recallRepo.openOfPatient(db, appointment.patientId);
  return open.items.flatMap((r) => [
    recallRepo.updateOp(db, r.id, { status: 'scheduled', appointmentId: appointment.id }, r.version),
    ...(r.todayItemId ? [closeRecallItemOp(db, r.id, db.actor.name, db.now())] : []),
  ]);
}
