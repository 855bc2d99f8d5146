import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpPractice, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const clock = testClock();
beforeAll(async () => {
  clock.set(Date.parse('2027-02-03T04:30:00Z')); // still Feb 2 in New York
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
});

const board = (query: string, token = w.staff.token) =>
  w.t.call('GET', `/api/scheduling/board${query}`, { token });

describe('the day board', () => {
  it("answers the first location's today, its providers, types, visits and hours in one request", async () => {
    const booked = await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.staff.token,
      json: w.booking('2027-02-02', '10:00'),
    });
    expect(booked.status).toBe(201);
    const res = await board('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      locationId: w.location.id,
      date: '2027-02-02', // the location's local date, not UTC's
      timeZone: 'America/New_York',
      providers: [{ id: w.provider.id }],
      types: [{ id: w.type.id }],
      appointments: [{ id: booked.body.id, time: '10:00' }],
      hours: { providers: [{ providerId: w.provider.id, open: [{ start: '08:00', end: '17:00' }] }] },
    });
    expect(res.body.locations.map((l: { id: string }) => l.id)).toEqual([w.location.id]);

    const other = await board(`?locationId=${w.location.id}&date=2027-02-06`);
    expect(other.body.appointments).toEqual([]);
    expect(other.body.hours.providers[0].open).toEqual([]); // a Saturday
  });

  it("is a 404 for another practice's location and empty for a practice without one", async () => {
    const stranger = await signUpPractice(w.t, 'Board Stranger');
    expect((await board(`?locationId=${w.location.id}`, stranger.token)).status).toBe(404);
    const empty = await board('', stranger.token);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ locations: [], providers: [], types: [], appointments: [] });
  });
});
