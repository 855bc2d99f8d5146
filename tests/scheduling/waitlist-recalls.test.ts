import { beforeAll, describe, expect, it } from 'vitest';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: w.owner.token, json });

beforeAll(async () => {
  w = await schedulingWorld('America/Denver');
});

describe('waitlist', () => {
  it('a cancellation offers the waiting patients the freed time fits, oldest first', async () => {
    const other = await w.post('/scheduling/patients', {
      firstName: 'Grace',
      lastName: 'Brewster',
      dateOfBirth: '1990-05-05',
      preferredContact: 'phone',
      phone: '(303) 555-0100',
    });
    const wants = (extra: Record<string, unknown>) =>
      w.post('/scheduling/waitlist', {
        patientId: other.id,
        locationId: w.location.id,
        typeId: w.type.id,
        earliestDate: '2027-05-01',
        latestDate: '2027-05-31',
        ...extra,
      });
    const morning = await wants({ fromTime: '08:00', toTime: '12:00' });
    const anyTime = await wants({});
    const afternoon = await wants({ fromTime: '13:00', toTime: '17:00' });
    const june = await wants({ earliestDate: '2027-06-01', latestDate: '2027-06-30' });
    const appt = (await call('POST', '/scheduling/appointments', w.booking('2027-05-04', '09:00'))).body;
    const cancelled = await call('POST', `/scheduling/appointments/${appt.id}/cancel`, {
      by: 'patient',
      version: 1,
    });
    expect(cancelled.status).toBe(200);
    const offered = cancelled.body.waitlistMatches.map((e: { id: string }) => e.id);
    expect(offered).toEqual([morning.id, anyTime.id]);
    expect(offered).not.toContain(afternoon.id);
    expect(offered).not.toContain(june.id);

    const later = (await call('POST', '/scheduling/appointments', w.booking('2027-05-06', '10:00'))).body;
    const moved = await call('POST', `/scheduling/appointments/${later.id}/reschedule`, {
      date: '2027-05-20',
      time: '14:00',
      version: 1,
    });
    expect(moved.body.waitlistMatches.map((e: { id: string }) => e.id)).toEqual([morning.id, anyTime.id]);

    const closed = await call('POST', `/scheduling/waitlist/${morning.id}/close`, {
      status: 'booked',
      version: 1,
    });
    expect(closed.body.status).toBe('booked');
    const list = await call('GET', '/scheduling/waitlist');
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(morning.id);

    // The front desk books the offered time for a waiting patient: the entry closes in the same step.
    const fromWaitlist = { id: anyTime.id, version: anyTime.version };
    const offeredBooking = { ...w.booking('2027-05-04', '09:00'), patientId: other.id, fromWaitlist };
    const booked = await call('POST', '/scheduling/appointments', offeredBooking);
    expect(booked.status).toBe(201);
    const after = (await call('GET', '/scheduling/waitlist')).body.items.map((e: { id: string }) => e.id);
    expect(after).not.toContain(anyTime.id);
    const again = await call('POST', '/scheduling/appointments', {
      ...w.booking('2027-05-05', '09:00'),
      patientId: other.id,
      fromWaitlist: { id: anyTime.id, version: 2 },
    });
    expect(again.status).toBe(409);
    const notTheirs = await call('POST', '/scheduling/appointments', {
      ...w.booking('2027-05-05', '09:00'),
      fromWaitlist: { id: afternoon.id, version: 1 },
    });
    expect(notTheirs.status).toBe(404);
    expect(
      (await call('GET', `/scheduling/day?locationId=${w.location.id}&date=2027-05-05`)).body.appointments,
    ).toEqual([]);
  });
});

describe('recalls', () => {
  it('lists what is due by a date and tracks outreach until the patient is scheduled', async () => {
    const soon = await w.post('/scheduling/recalls', {
      patientId: w.patient.id,
      reason: 'Annual physical',
      dueDate: '2027-01-15',
    });
    const later = await w.post('/scheduling/recalls', {
      patientId: w.patient.id,
      reason: 'Follow-up',
      dueDate: '2027-09-01',
    });
    const due = await call('GET', '/scheduling/recalls?dueBy=2027-02-01');
    expect(due.body.items.map((r: { id: string }) => r.id)).toEqual([soon.id]);
    const called = await call('POST', `/scheduling/recalls/${soon.id}/outreach`, {
      channel: 'phone',
      outcome: 'left_message',
      version: 1,
    });
    expect(called.body).toMatchObject({
      status: 'contacted',
      outreach: [{ channel: 'phone', outcome: 'left_message' }],
    });
    const scheduled = await call('POST', `/scheduling/recalls/${soon.id}/outreach`, {
      channel: 'phone',
      outcome: 'scheduled',
      version: 2,
    });
    expect(scheduled.body.status).toBe('scheduled');
    const open = await call('GET', '/scheduling/recalls');
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual([later.id]);
  });
});
