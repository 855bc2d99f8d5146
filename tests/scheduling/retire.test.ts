import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, signUpPractice } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown, token = w.owner.token) =>
  w.t.call(method, `/api${path}`, { token, json });

/** Mondays to Fridays of April 2027: far enough ahead that the slot finder offers them. */
const MON = '2027-04-05';
const TUE = '2027-04-06';
const WED = '2027-04-07';

const slotsFor = (typeId: string, from: string) =>
  call('GET', `/scheduling/slots?typeId=${typeId}&locationId=${w.location.id}&from=${from}&days=1`);
const dayOf = async (date: string) =>
  (await call('GET', `/scheduling/day?locationId=${w.location.id}&date=${date}`)).body.appointments as {
    id: string;
    typeId: string;
    typeName: string;
    roomId?: string;
    status: string;
  }[];
const auditActions = async (entityType: string) =>
  (await call('GET', `/audit?entityType=${entityType}&limit=100`)).body.items.map(
    (e: { action: string }) => e.action,
  );

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
});

describe('retiring a visit type', () => {
  it('refuses new bookings and the slot finder, keeps booked visits, and comes back when offered again', async () => {
    const booked = await call('POST', '/scheduling/appointments', w.booking(MON, '09:00'));
    expect(booked.status).toBe(201);

    // Staff book visits but do not change what the practice offers.
    const byStaff = await call(
      'POST',
      `/scheduling/types/${w.type.id}/deactivate`,
      { version: w.type.version },
      w.staff.token,
    );
    expect(byStaff.status).toBe(403);

    const retired = await call('POST', `/scheduling/types/${w.type.id}/deactivate`, {
      version: w.type.version,
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: w.type.id, name: 'Follow-up', active: false, version: 2 });
    const listed = await call('GET', '/scheduling/types');
    expect(listed.body.items.find((t: { id: string }) => t.id === w.type.id)).toMatchObject({
      active: false,
    });

    const refused = await call('POST', '/scheduling/appointments', w.booking(MON, '10:00'), w.staff.token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('This appointment type is no longer offered');
    const slots = await slotsFor(w.type.id, MON);
    expect(slots.status).toBe(400);
    expect(slots.body.error.message).toBe('This appointment type is no longer offered');

    // The visit booked before stays on the day, with its type, and still moves through the day.
    const day = await dayOf(MON);
    expect(day).toEqual([
      expect.objectContaining({
        id: booked.body.id,
        typeId: w.type.id,
        typeName: 'Follow-up',
        status: 'scheduled',
      }),
    ]);
    const confirmed = await call('POST', `/scheduling/appointments/${booked.body.id}/status`, {
      status: 'confirmed',
      version: booked.body.version,
    });
    expect(confirmed.status).toBe(200);

    const back = await call('POST', `/scheduling/types/${w.type.id}/reactivate`, { version: 2 });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: w.type.id, active: true, version: 3 });
    const bookedAgain = await call(
      'POST',
      '/scheduling/appointments',
      w.booking(MON, '10:00'),
      w.staff.token,
    );
    expect(bookedAgain.status).toBe(201);
    const slotsAgain = await slotsFor(w.type.id, MON);
    expect(slotsAgain.status).toBe(200);
    expect(slotsAgain.body.slots.length).toBeGreaterThan(0);

    expect(await auditActions('appointment_type')).toEqual(
      expect.arrayContaining(['scheduling.type_deactivated', 'scheduling.type_reactivated']),
    );
  });
});

describe('rooms', () => {
  let procedure: { id: string; version: number };
  let exam1: { id: string; version: number; name: string };
  let exam2: { id: string; version: number };
  const procedureIn = (date: string, time: string, roomId: string) =>
    w.booking(date, time, { typeId: procedure.id, roomId });

  beforeAll(async () => {
    procedure = await w.post('/scheduling/types', {
      name: 'Minor procedure',
      durationMinutes: 60,
      color: '#bf3989',
      patientKind: 'any',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: true,
    });
  });

  it('the slot finder says so when a type needs a room and the location has none', async () => {
    const none = await slotsFor(procedure.id, TUE);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe(
      'Minor procedure needs a room and Main Office has no active room; add or bring one back in Setup',
    );
    exam1 = await w.post('/scheduling/resources', {
      locationId: w.location.id,
      name: 'Exam 1',
      kind: 'room',
    });
    exam2 = await w.post('/scheduling/resources', {
      locationId: w.location.id,
      name: 'Exam 2',
      kind: 'room',
    });
    const some = await slotsFor(procedure.id, TUE);
    expect(some.status).toBe(200);
    expect(some.body.slots.length).toBeGreaterThan(0);
  });

  it('renames a room, refuses a bad name, and keeps the version check', async () => {
    const renamed = await call('PUT', `/scheduling/resources/${exam1.id}`, {
      locationId: w.location.id,
      name: 'Exam 1 (north)',
      kind: 'room',
      version: exam1.version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: exam1.id,
      name: 'Exam 1 (north)',
      kind: 'room',
      active: true,
      version: 2,
    });
    const listed = await call('GET', '/scheduling/resources');
    expect(listed.body.items.find((r: { id: string }) => r.id === exam1.id)).toMatchObject({
      name: 'Exam 1 (north)',
      version: 2,
    });

    const blank = await call('PUT', `/scheduling/resources/${exam1.id}`, {
      locationId: w.location.id,
      name: '  ',
      kind: 'room',
      version: 2,
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.map((d: { path: string }) => d.path)).toContain('name');

    const stale = await call('PUT', `/scheduling/resources/${exam1.id}`, {
      locationId: w.location.id,
      name: 'Exam One',
      kind: 'room',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    exam1 = renamed.body;
    expect(await auditActions('resource')).toContain('scheduling.resource_updated');
  });

  it('a retired room is refused for new visits, keeps its booked ones, and another active room books', async () => {
    const inExam1 = await call('POST', '/scheduling/appointments', procedureIn(TUE, '09:00', exam1.id));
    expect(inExam1.status).toBe(201);
    expect(inExam1.body.roomId).toBe(exam1.id);

    const retired = await call('POST', `/scheduling/resources/${exam1.id}/deactivate`, {
      version: exam1.version,
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: exam1.id, name: 'Exam 1 (north)', active: false, version: 3 });
    exam1 = retired.body;

    const refused = await call('POST', '/scheduling/appointments', procedureIn(TUE, '11:00', exam1.id));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Choose an active room of this location');
    const inExam2 = await call('POST', '/scheduling/appointments', procedureIn(TUE, '11:00', exam2.id));
    expect(inExam2.status).toBe(201);
    expect(inExam2.body.roomId).toBe(exam2.id);
    expect((await slotsFor(procedure.id, TUE)).status).toBe(200);

    // The visit booked in the retired room is still there, in that room.
    const day = await dayOf(TUE);
    expect(day.find((a) => a.id === inExam1.body.id)).toMatchObject({
      roomId: exam1.id,
      status: 'scheduled',
    });

    // With the last room retired too, the slot finder and booking both say why.
    const last = await call('POST', `/scheduling/resources/${exam2.id}/deactivate`, {
      version: exam2.version,
    });
    expect(last.status).toBe(200);
    exam2 = last.body;
    const noSlots = await slotsFor(procedure.id, WED);
    expect(noSlots.status).toBe(400);
    expect(noSlots.body.error.message).toMatch(/Main Office has no active room/);
    const noRoom = await call('POST', '/scheduling/appointments', procedureIn(WED, '09:00', exam2.id));
    expect(noRoom.status).toBe(400);
    expect(noRoom.body.error.message).toBe('Choose an active room of this location');
    // A type that needs no room is not affected.
    expect((await call('POST', '/scheduling/appointments', w.booking(WED, '09:00'))).status).toBe(201);

    const back = await call('POST', `/scheduling/resources/${exam1.id}/reactivate`, {
      version: exam1.version,
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ active: true, version: 4 });
    exam1 = back.body;
    expect((await call('POST', '/scheduling/appointments', procedureIn(WED, '10:00', exam1.id))).status).toBe(
      201,
    );
    expect(await auditActions('resource')).toEqual(
      expect.arrayContaining(['scheduling.resource_deactivated', 'scheduling.resource_reactivated']),
    );
  });

  it('moves a room only to a location that exists and is not archived', async () => {
    const missing = await call('PUT', `/scheduling/resources/${exam1.id}`, {
      locationId: '0190f0a0-0000-7000-8000-000000000000',
      name: exam1.name,
      kind: 'room',
      version: exam1.version,
    });
    expect(missing.status).toBe(404);

    const annex = await w.post('/locations', {
      name: 'Annex',
      address: { line1: '2 Side St', city: 'Springfield', state: 'NY', postalCode: '10001' },
      phone: '(212) 555-0101',
      timeZone: 'America/New_York',
      hours: (await call('GET', `/locations/${w.location.id}`)).body.hours,
    });
    const archived = await call('POST', `/locations/${annex.id}/archive`, { version: annex.version });
    expect(archived.status).toBe(200);
    const toArchived = await call('PUT', `/scheduling/resources/${exam1.id}`, {
      locationId: annex.id,
      name: exam1.name,
      kind: 'room',
      version: exam1.version,
    });
    expect(toArchived.status).toBe(400);
    expect(toArchived.body.error.message).toMatch(/archived/);
    const created = await call('POST', '/scheduling/resources', {
      locationId: annex.id,
      name: 'Exam X',
      kind: 'room',
    });
    expect(created.status).toBe(400);

    // Nothing was written by the refusals.
    const listed = await call('GET', '/scheduling/resources');
    expect(listed.body.items.find((r: { id: string }) => r.id === exam1.id)).toMatchObject({
      locationId: w.location.id,
      version: exam1.version,
    });
  });
});

describe('stale versions and other practices', () => {
  let other: Session;

  beforeAll(async () => {
    other = await signUpPractice(w.t, 'Another Clinic');
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const type = (await call('GET', '/scheduling/types')).body.items.find(
      (t: { id: string }) => t.id === w.type.id,
    );
    for (const action of ['deactivate', 'reactivate']) {
      const res = await call('POST', `/scheduling/types/${w.type.id}/${action}`, {
        version: type.version - 1,
      });
      expect(res.status, action).toBe(409);
      expect(res.body.error.code).toBe('stale_version');
    }
    const room = (await call('GET', '/scheduling/resources')).body.items[0];
    const staleRoom = await call('POST', `/scheduling/resources/${room.id}/deactivate`, {
      version: room.version + 1,
    });
    expect(staleRoom.status).toBe(409);
    const after = (await call('GET', '/scheduling/types')).body.items.find(
      (t: { id: string }) => t.id === w.type.id,
    );
    expect(after).toEqual(type);
    expect((await call('GET', '/scheduling/resources')).body.items[0]).toEqual(room);
  });

  it('another practice’s type or room is a 404, never touched', async () => {
    const room = (await call('GET', '/scheduling/resources')).body.items[0];
    const type = (await call('GET', '/scheduling/types')).body.items.find(
      (t: { id: string }) => t.id === w.type.id,
    );
    const attempts = [
      ['POST', `/scheduling/types/${type.id}/deactivate`, { version: type.version }],
      ['POST', `/scheduling/types/${type.id}/reactivate`, { version: type.version }],
      ['POST', `/scheduling/resources/${room.id}/deactivate`, { version: room.version }],
      ['POST', `/scheduling/resources/${room.id}/reactivate`, { version: room.version }],
      [
        'PUT',
        `/scheduling/resources/${room.id}`,
        { locationId: room.locationId, name: 'Taken', kind: 'room', version: room.version },
      ],
    ] as const;
    for (const [method, path, json] of attempts) {
      const res = await call(method, path, json, other.token);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await call('GET', '/scheduling/resources')).body.items[0]).toEqual(room);
    expect(
      (await call('GET', '/scheduling/types')).body.items.find((t: { id: string }) => t.id === w.type.id),
    ).toEqual(type);
  });
});
