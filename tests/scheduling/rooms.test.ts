import { beforeAll, describe, expect, it } from 'vitest';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: w.owner.token, json });

let procedure: { id: string };
let exam1: { id: string };
let exam2: { id: string };
let second: { id: string; version: number };
let third: { id: string };

const TUE = '2027-04-06';

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
  procedure = await w.post('/scheduling/types', {
    name: 'Minor procedure',
    durationMinutes: 60,
    color: '#bf3989',
    patientKind: 'any',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    needsRoom: true,
  });
  exam1 = await w.post('/scheduling/resources', { locationId: w.location.id, name: 'Exam 1', kind: 'room' });
  exam2 = await w.post('/scheduling/resources', { locationId: w.location.id, name: 'Exam 2', kind: 'room' });
  second = await w.post('/scheduling/providers', {
    name: 'Dr. Alan Turing',
    color: '#0b6e4f',
    locationIds: [w.location.id],
  });
  await w.post('/scheduling/templates', {
    providerId: second.id,
    locationId: w.location.id,
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    effectiveFrom: '2026-01-01',
  });
  // No hours: an owner books them with an override, to fill rooms.
  third = await w.post('/scheduling/providers', {
    name: 'Dr. Ada Byron',
    color: '#9a6700',
    locationIds: [w.location.id],
  });
});

const extraAt = async (time: string) =>
  call('POST', '/scheduling/appointments', {
    ...w.booking(TUE, time, { typeId: procedure.id }),
    providerId: third.id,
    patientId: await someone(),
    override: { reason: 'Extra clinic' },
  });

let patients = 0;
/** Each visit here is for a patient of its own: one patient cannot be in two rooms at once. */
const someone = async () =>
  (
    await w.post('/scheduling/patients', {
      firstName: `Pat${++patients}`,
      lastName: 'Roomer',
      dateOfBirth: '1970-01-01',
      preferredContact: 'none',
    })
  ).id as string;

const procedureAt = async (time: string, providerId: string) =>
  call('POST', '/scheduling/appointments', {
    ...w.booking(TUE, time, { typeId: procedure.id }),
    providerId,
    patientId: await someone(),
  });

describe('rooms for visits that need one', () => {
  it('are given out free-first when the front desk does not pick one; a full house is a 409 that says so', async () => {
    const first = await procedureAt('09:00', w.provider.id);
    expect(first.status).toBe(201);
    expect(first.body.roomId).toBe(exam1.id);
    const other = await procedureAt('09:30', second.id);
    expect(other.status).toBe(201);
    expect(other.body.roomId).toBe(exam2.id);
    // Dr. Byron is free at 09:45, but no room is.
    const full = await extraAt('09:45');
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('Every room at Main Office is booked at that time');
  });

  it('the slot finder only offers times with a room free, even when the provider is free', async () => {
    expect((await extraAt('11:00')).body.roomId).toBe(exam1.id);
    expect((await procedureAt('11:00', w.provider.id)).body.roomId).toBe(exam2.id);
    const slots = await call(
      'GET',
      `/scheduling/slots?typeId=${procedure.id}&locationId=${w.location.id}&providerIds=${second.id}&from=${TUE}&days=1&limit=40`,
    );
    const times = slots.body.slots.map((s: { time: string }) => s.time);
    // Dr. Turing is free from 10:30 on, but both rooms are taken 11:00–12:00.
    expect(times).toContain('08:00');
    expect(times).not.toContain('10:30');
    expect(times).not.toContain('11:00');
    expect(times).toContain('12:00');
  });

  it('a moved visit keeps its room when that room is free at the new time', async () => {
    const blocker = (await extraAt('13:00')).body;
    const booked = (await procedureAt('13:00', w.provider.id)).body;
    expect([blocker.roomId, booked.roomId]).toEqual([exam1.id, exam2.id]);
    await call('POST', `/scheduling/appointments/${blocker.id}/cancel`, { by: 'practice', version: 1 });
    const moved = await call('POST', `/scheduling/appointments/${booked.id}/reschedule`, {
      date: TUE,
      time: '15:00',
      version: booked.version,
    });
    expect(moved.status).toBe(201);
    // Both rooms are free at 15:00; the visit stays in Exam 2 rather than taking the first.
    expect(moved.body.roomId).toBe(exam2.id);
  });

  it('a deactivated provider is not offered by "any provider"', async () => {
    const before = await call(
      'GET',
      `/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=${TUE}&days=1&limit=50`,
    );
    expect(before.body.slots.some((s: { providerId: string }) => s.providerId === second.id)).toBe(true);
    await call('POST', `/scheduling/providers/${second.id}/deactivate`, { version: second.version });
    const after = await call(
      'GET',
      `/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=${TUE}&days=1&limit=50`,
    );
    expect(after.body.slots.length).toBeGreaterThan(0);
    expect(after.body.slots.some((s: { providerId: string }) => s.providerId === second.id)).toBe(false);
  });

  it('a retired type cannot be waitlisted', async () => {
    const retiring = await w.post('/scheduling/types', {
      name: 'Old consult',
      durationMinutes: 30,
      color: '#1f6feb',
      patientKind: 'any',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: false,
    });
    await call('POST', `/scheduling/types/${retiring.id}/deactivate`, { version: retiring.version });
    const res = await call('POST', '/scheduling/waitlist', {
      patientId: w.patient.id,
      locationId: w.location.id,
      typeId: retiring.id,
      earliestDate: '2027-05-01',
      latestDate: '2027-05-31',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('This appointment type is no longer offered');
  });
});
