import { describe, expect, it } from 'vitest';
import { createTestApp, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

describe('a patient’s visits', () => {
  it('lists every visit, moved ones included, latest first and paged; another practice gets a 404', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-05-01T12:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const call = (method: string, path: string, json?: unknown) =>
      w.t.call(method, `/api${path}`, { token: w.owner.token, json });
    const first = (await call('POST', '/scheduling/appointments', w.booking('2027-05-03', '09:00'))).body;
    await call('POST', '/scheduling/appointments', w.booking('2027-05-10', '09:00'));
    const moved = await call('POST', `/scheduling/appointments/${first.id}/reschedule`, {
      date: '2027-05-04',
      time: '10:00',
      version: 1,
    });
    expect(moved.status).toBe(201);

    const page1 = await call('GET', `/scheduling/patients/${w.patient.id}/visits?limit=2`);
    expect(page1.status).toBe(200);
    const when = (items: { date: string; time: string; status: string }[]) =>
      items.map((a) => `${a.date} ${a.time} ${a.status}`);
    expect(when(page1.body.items)).toEqual(['2027-05-10 09:00 scheduled', '2027-05-04 10:00 scheduled']);
    const page2 = await call(
      'GET',
      `/scheduling/patients/${w.patient.id}/visits?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(when(page2.body.items)).toEqual(['2027-05-03 09:00 rescheduled']);
    expect(page2.body.nextCursor).toBeNull();

    const audit = await call('GET', '/audit?action=patient.visits_viewed');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('patient.visits_viewed');

    const stranger = await schedulingWorld('America/New_York', w.t);
    const other = await w.t.call('GET', `/api/scheduling/patients/${w.patient.id}/visits`, {
      token: stranger.owner.token,
    });
    expect(other.status).toBe(404);
  });

  it('a renamed patient shows the new name on the day view, the waitlist and recalls', async () => {
    const w = await schedulingWorld('America/Chicago');
    const call = (method: string, path: string, json?: unknown) =>
      w.t.call(method, `/api${path}`, { token: w.owner.token, json });
    const booked = (await call('POST', '/scheduling/appointments', w.booking('2027-06-01', '09:00'))).body;
    await call('POST', '/scheduling/waitlist', {
      patientId: w.patient.id,
      locationId: w.location.id,
      typeId: w.type.id,
      earliestDate: '2027-05-20',
      latestDate: '2027-05-31',
    });
    await call('POST', '/scheduling/recalls', {
      patientId: w.patient.id,
      reason: 'Annual physical',
      dueDate: '2027-09-01',
    });
    const current = (await call('GET', `/scheduling/patients/${w.patient.id}`)).body;
    const { id, possibleDuplicateOf, createdAt, ...record } = current;
    const renamed = await call('PUT', `/scheduling/patients/${w.patient.id}`, {
      ...record,
      lastName: 'King',
    });
    expect(renamed.status).toBe(200);

    const day = await call('GET', `/scheduling/day?locationId=${w.location.id}&date=2027-06-01`);
    expect(day.body.appointments.map((a: { patientName: string }) => a.patientName)).toEqual(['King, Ada']);
    const waitlist = await call('GET', '/scheduling/waitlist');
    expect(waitlist.body.items.map((e: { patientName: string }) => e.patientName)).toEqual(['King, Ada']);
    const recalls = await call('GET', '/scheduling/recalls');
    expect(recalls.body.items.map((r: { patientName: string }) => r.patientName)).toEqual(['King, Ada']);
    // The front desk's open copy of the visit is still current: a rename is not their edit.
    const confirm = await call('POST', `/scheduling/appointments/${booked.id}/status`, {
      status: 'confirmed',
      version: booked.version,
    });
    expect(confirm.status).toBe(200);
  });
});
