import { describe, expect, it } from 'vitest';
import { METRIC_MODULES } from '../../functions/jobs/jobs.ts';
import { snapshotCompletedMonths } from '../../functions/platform/metric-snapshots/metric-snapshots.ts';
import { createTestApp, type TestApp, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

/** Runs the monthly job at 03:00 on 16 February 2027 in the practice's zone (Los Angeles). */
async function runMonthlyJob(t: TestApp, clock: ReturnType<typeof testClock>) {
  clock.set(Date.parse('2027-02-16T11:00:00Z'));
  return snapshotCompletedMonths(t.platform, METRIC_MODULES);
}

describe('scheduling measures', () => {
  it('no-show, late-cancel and utilization per week, and days to the third next available start', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-03-01T12:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const call = (method: string, path: string, json?: unknown) =>
      w.t.call(method, `/api${path}`, { token: w.owner.token, json });
    const book = async (date: string, time: string) =>
      (await call('POST', '/scheduling/appointments', w.booking(date, time))).body;
    // Week of 2027-03-01: four 30-minute visits; one no-show; one late patient cancel.
    const a = await book('2027-03-02', '09:00');
    await book('2027-03-02', '10:00');
    await book('2027-03-03', '09:00');
    const d = await book('2027-03-04', '09:00');
    clock.set(Date.parse('2027-03-04T12:00:00Z'));
    await call('POST', `/scheduling/appointments/${d.id}/cancel`, { by: 'patient', version: 1 });
    await call('POST', `/scheduling/appointments/${a.id}/status`, { status: 'no_show', version: 1 });
    const res = await call(
      'GET',
      `/scheduling/measures?locationId=${w.location.id}&weekOf=2027-03-04&weeks=2`,
    );
    expect(res.status).toBe(200);
    const [previous, current] = res.body.weeks;
    // A week without a single visit booked has nothing to measure: no rate is 0%, utilization included.
    expect(previous).toMatchObject({
      weekStart: '2027-02-22',
      booked: 0,
      pastVisits: 0,
      noShowRate: null,
      lateCancelRate: null,
      utilization: null,
      availableMinutes: 2700,
    });
    // The counts behind each rate come with it, so three visits do not read as a trend.
    expect(current).toMatchObject({
      weekStart: '2027-03-01',
      booked: 4,
      heldVisits: 3,
      pastVisits: 3,
      noShows: 1,
      lateCancels: 1,
      bookedMinutes: 90,
      availableMinutes: 2700,
      noShowRate: 0.333,
      lateCancelRate: 0.25,
    });
    // 3 held visits x 30 min of 5 days x 9 h available.
    expect(current.utilization).toBe(Math.round((90 / 2700) * 1000) / 1000);
    expect(current.byProvider).toEqual([
      { providerId: w.provider.id, bookedMinutes: 90, availableMinutes: 2700, utilization: 0.033 },
    ]);
    expect(res.body.thirdNextAvailable).toEqual([{ providerId: w.provider.id, days: 0 }]);
  });

  it('reads completed months from the snapshots the monthly job stored, never computing on read', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-01-20T15:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const call = (path: string) => w.t.call('GET', `/api${path}`, { token: w.owner.token });
    const appt = (
      await w.t.call('POST', '/api/scheduling/appointments', {
        token: w.owner.token,
        json: w.booking('2027-01-26', '09:00'),
      })
    ).body;
    clock.set(Date.parse('2027-01-26T16:00:00Z'));
    await w.t.call('POST', `/api/scheduling/appointments/${appt.id}/status`, {
      token: w.owner.token,
      json: { status: 'no_show', version: 1 },
    });
    // 21:00 on 31 January in the practice's zone (Los Angeles) is already February in UTC.
    clock.set(Date.parse('2027-02-01T05:00:00Z'));
    await w.post('/scheduling/patients', {
      firstName: 'Late',
      lastName: 'Evening',
      dateOfBirth: '1970-07-07',
      preferredContact: 'none',
    });
    clock.set(Date.parse('2027-02-15T15:00:00Z'));
    // January is over, but the job has not run: the page read computes nothing and stores nothing.
    const before = await call(`/scheduling/measures/months?locationId=${w.location.id}&months=2`);
    expect(before.status).toBe(200);
    expect(before.body.months).toEqual([]);
    expect((await runMonthlyJob(w.t, clock)).stored).toBe(1);
    const first = await call(`/scheduling/measures/months?locationId=${w.location.id}&months=2`);
    // December 2026 is before the location was added and empty: no zero snapshot to skew benchmarks.
    expect(first.body.months.map((m: { month: string }) => m.month)).toEqual(['2027-01']);
    expect(first.body.months[0]).toMatchObject({ visits: 1, noShowRate: 1, newPatients: 2 });
    // A completed month never changes: a later run and a later read see the same snapshot.
    expect((await runMonthlyJob(w.t, clock)).stored).toBe(0);
    const again = await call(`/scheduling/measures/months?locationId=${w.location.id}&months=2`);
    expect(again.body.months[0].computedAt).toBe(first.body.months[0].computedAt);
  });

  it('a month before the location opened shows its new patients, but no utilization to average in', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-01-20T15:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    // A patient added (or imported) in December, before the location existed in Rounds.
    clock.set(Date.parse('2026-12-10T15:00:00Z'));
    await w.post('/scheduling/patients', {
      firstName: 'Early',
      lastName: 'Bird',
      dateOfBirth: '1980-08-08',
      preferredContact: 'none',
    });
    await runMonthlyJob(w.t, clock);
    const res = await w.t.call(
      'GET',
      `/api/scheduling/measures/months?locationId=${w.location.id}&months=4`,
      {
        token: w.owner.token,
      },
    );
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2027-01', '2026-12']);
    expect(res.body.months[1]).toMatchObject({
      visits: 0,
      newPatients: 1,
      utilization: null,
      noShowRate: null,
    });
    expect(res.body.months[0].utilization).not.toBeNull();
  });
});
