import { describe, expect, it } from 'vitest';
import { schedulingWorld } from './world.ts';

describe('concurrent booking', () => {
  it('50 requests for the same provider slot: exactly one succeeds, 49 get 409, one appointment exists', async () => {
    const w = await schedulingWorld('America/Chicago');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        w.t.call('POST', '/api/scheduling/appointments', {
          token: w.owner.token,
          json: w.booking('2027-04-06', '10:00'),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const day = await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=2027-04-06`, {
      token: w.owner.token,
    });
    expect(day.body.appointments).toHaveLength(1);
  }, 60_000);

  it('concurrent bookings of different times of the same provider all succeed', async () => {
    const w = await schedulingWorld('America/Chicago');
    const times = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
    const results = await Promise.all(
      times.map((time) =>
        w.t.call('POST', '/api/scheduling/appointments', {
          token: w.owner.token,
          json: w.booking('2027-04-07', time),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(times.map(() => 201));
  }, 60_000);
});
