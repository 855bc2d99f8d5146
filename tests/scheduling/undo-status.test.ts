import { beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const clock = testClock();
beforeAll(async () => {
  clock.set(Date.parse('2027-02-03T13:00:00Z')); // Wednesday 08:00 in New York
  const { createTestApp } = await import('../support/app.ts');
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
});

const call = (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: w.staff.token, json });

describe('undoing a mistaken no-show or check-out', () => {
  it('puts the visit back where it was and says so in the audit log', async () => {
    const booked = (await call('POST', '/scheduling/appointments', w.booking('2027-02-03', '10:00'))).body;
    const confirmed = (
      await call('POST', `/scheduling/appointments/${booked.id}/status`, { status: 'confirmed', version: 1 })
    ).body;
    const missed = (
      await call('POST', `/scheduling/appointments/${booked.id}/status`, {
        status: 'no_show',
        version: confirmed.version,
      })
    ).body;
    expect(missed.status).toBe('no_show');

    // A stale version is refused; the current one undoes to "confirmed", not to "scheduled".
    const stale = await call('POST', `/scheduling/appointments/${booked.id}/undo`, { version: 1 });
    expect(stale.status).toBe(409);
    const undone = await call('POST', `/scheduling/appointments/${booked.id}/undo`, {
      version: missed.version,
    });
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('confirmed');
    expect(undone.body.statusTimes.no_show).toBeUndefined();

    // Through the day to check-out, then back to "in room".
    let v = undone.body.version;
    for (const status of ['arrived', 'in_room', 'checked_out']) {
      const res = await call('POST', `/scheduling/appointments/${booked.id}/status`, { status, version: v });
      expect(res.status, status).toBe(200);
      v = res.body.version;
    }
    const back = await call('POST', `/scheduling/appointments/${booked.id}/undo`, { version: v });
    expect(back.body.status).toBe('in_room');
    const read = await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=2027-02-03`, {
      token: w.staff.token,
    });
    expect(read.body.appointments.find((a: { id: string }) => a.id === booked.id).status).toBe('in_room');

    // Nothing else can be undone.
    const nothing = await call('POST', `/scheduling/appointments/${booked.id}/undo`, {
      version: back.body.version,
    });
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toBe(
      'Only a no-show or a check-out can be undone; this visit is in room',
    );

    const audit = await w.t.call('GET', '/api/audit?limit=50', { token: w.owner.token });
    const summaries = audit.body.items
      .filter((e: { action: string }) => e.action === 'appointment.status_undone')
      .map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(['Undid check-out (back to in room)', 'Undid no-show (back to confirmed)']);
  });
});
