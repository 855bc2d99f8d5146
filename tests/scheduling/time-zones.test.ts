import { describe, expect, it } from 'vitest';
import { createTestApp, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

const day = async (w: Awaited<ReturnType<typeof schedulingWorld>>, date: string) =>
  (
    await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=${date}`, {
      token: w.owner.token,
    })
  ).body;

const book = (w: Awaited<ReturnType<typeof schedulingWorld>>, date: string, time: string) =>
  w.t.call('POST', '/api/scheduling/appointments', { token: w.owner.token, json: w.booking(date, time) });

describe('daylight-saving changes (America/New_York)', () => {
  it('09:00 is 09:00 local on both sides of the spring change, and the hours still start at 08:00', async () => {
    const w = await schedulingWorld('America/New_York');
    // Clocks go forward on Sunday 2027-03-14; the provider works Friday 03-12 and Monday 03-15.
    const before = await book(w, '2027-03-12', '09:00');
    const after = await book(w, '2027-03-15', '09:00');
    expect(before.body.start).toBe('2027-03-12T14:00:00.000Z');
    expect(after.body.start).toBe('2027-03-15T13:00:00.000Z');
    const slots = await w.t.call(
      'GET',
      `/api/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=2027-03-15&days=1&limit=1`,
      { token: w.owner.token },
    );
    expect(slots.body.slots[0]).toMatchObject({ time: '08:00', start: '2027-03-15T12:00:00.000Z' });
  });

  it('refuses a time that does not exist when clocks jump forward (02:30 on 2027-03-14)', async () => {
    const w = await schedulingWorld('America/New_York');
    const res = await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: { ...w.booking('2027-03-14', '02:30'), override: { reason: 'Night clinic' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/does not exist/);
  });

  it('the autumn change keeps local times and the day view in order', async () => {
    const w = await schedulingWorld('America/New_York');
    // Clocks go back on Sunday 2027-11-07; weekday hours on Friday 11-05 and Monday 11-08.
    const friday = await book(w, '2027-11-05', '16:30');
    const monday = await book(w, '2027-11-08', '08:00');
    expect(friday.body).toMatchObject({ start: '2027-11-05T20:30:00.000Z', endTime: '17:00' });
    expect(monday.body).toMatchObject({ start: '2027-11-08T13:00:00.000Z', endTime: '08:30' });
    const sunday = await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: { ...w.booking('2027-11-07', '01:30'), override: { reason: 'On call' } },
    });
    // 01:30 happens twice that night; Rounds books the first (EDT) occurrence.
    expect(sunday.body.start).toBe('2027-11-07T05:30:00.000Z');
    expect((await day(w, '2027-11-07')).appointments).toHaveLength(1);
  });
});

describe('a zone without daylight saving (America/Phoenix)', () => {
  it('keeps the same UTC offset all year', async () => {
    const w = await schedulingWorld('America/Phoenix');
    const march = await book(w, '2027-03-15', '09:00');
    const july = await book(w, '2027-07-15', '09:00');
    expect(march.body.start).toBe('2027-03-15T16:00:00.000Z');
    expect(july.body.start).toBe('2027-07-15T16:00:00.000Z');
  });
});

describe('late cancellation', () => {
  it('a patient cancelling within 24 hours of the visit is flagged late; the practice cancelling is not', async () => {
    const clock = testClock();
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const a = (await book(w, '2027-02-10', '10:00')).body;
    const b = (await book(w, '2027-02-10', '11:00')).body;
    clock.set(Date.parse('2027-02-09T20:00:00Z'));
    const byPatient = await w.t.call('POST', `/api/scheduling/appointments/${a.id}/cancel`, {
      token: w.owner.token,
      json: { by: 'patient', version: 1 },
    });
    const byPractice = await w.t.call('POST', `/api/scheduling/appointments/${b.id}/cancel`, {
      token: w.owner.token,
      json: { by: 'practice', version: 1 },
    });
    expect(byPatient.body.lateCancel).toBe(true);
    expect(byPractice.body.lateCancel).toBe(false);
  });
});
