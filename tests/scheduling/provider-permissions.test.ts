import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Session } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
/** A provider-role user linked to the provider record `own`; Grace Hopper (w.provider) is someone else. */
let doctor: Session;
/** A provider-role user no provider record is linked to. */
let unlinked: Session;
let own: { id: string };

const call = (method: string, path: string, token: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token, json });
const book = async (providerId: string, date: string, time: string) => {
  const res = await call('POST', '/scheduling/appointments', w.owner.token, {
    ...w.booking(date, time),
    providerId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
};

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
  doctor = await addMember(w.t, w.owner, 'provider', 'Dr. Mary Jackson');
  unlinked = await addMember(w.t, w.owner, 'provider', 'Dr. Alan Turing');
  own = await w.post('/scheduling/providers', {
    name: 'Dr. Mary Jackson',
    userId: doctor.userId,
    color: '#8250df',
    locationIds: [w.location.id],
  });
  await w.post('/scheduling/templates', {
    providerId: own.id,
    locationId: w.location.id,
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    effectiveFrom: '2026-01-01',
  });
});

describe('a provider cancels and moves only their own visits', () => {
  it("refuses cancelling or moving another provider's visit with 403 and a clear message; nothing changes", async () => {
    const other = await book(w.provider.id, '2027-04-05', '09:00');
    const cancel = await call('POST', `/scheduling/appointments/${other.id}/cancel`, doctor.token, {
      by: 'practice',
      version: 1,
    });
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.code).toBe('forbidden');
    expect(cancel.body.error.message).toBe(
      'As a provider you can cancel only your own visits; ask the front desk or a manager to cancel this one',
    );
    const move = await call('POST', `/scheduling/appointments/${other.id}/reschedule`, doctor.token, {
      date: '2027-04-05',
      time: '10:00',
      version: 1,
    });
    expect(move.status).toBe(403);
    expect(move.body.error.message).toBe(
      'As a provider you can move only your own visits; ask the front desk or a manager to move this one',
    );
    // A provider user no provider record is linked to cannot cancel anyone's visit.
    const orphan = await call('POST', `/scheduling/appointments/${other.id}/cancel`, unlinked.token, {
      by: 'practice',
      version: 1,
    });
    expect(orphan.status).toBe(403);

    const after = await call('GET', `/scheduling/appointments/${other.id}`, w.owner.token);
    expect(after.body).toMatchObject({ status: 'scheduled', version: 1 });
  });

  it('cancels their own visit', async () => {
    const mine = await book(own.id, '2027-04-06', '09:00');
    const res = await call('POST', `/scheduling/appointments/${mine.id}/cancel`, doctor.token, {
      by: 'patient',
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelledBy: 'patient' });
  });

  it("moves their own visit within their schedule, never onto another provider's", async () => {
    const mine = await book(own.id, '2027-04-07', '09:00');
    const elsewhere = await call('POST', `/scheduling/appointments/${mine.id}/reschedule`, doctor.token, {
      date: '2027-04-07',
      time: '11:00',
      providerId: w.provider.id,
      version: 1,
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toBe(
      "As a provider you can move a visit only within your own schedule, not to another provider's",
    );
    const moved = await call('POST', `/scheduling/appointments/${mine.id}/reschedule`, doctor.token, {
      date: '2027-04-07',
      time: '11:00',
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect(moved.body).toMatchObject({ providerId: own.id, time: '11:00', rescheduledFrom: mine.id });
  });

  it("front desk staff still cancel any provider's visit", async () => {
    const other = await book(w.provider.id, '2027-04-08', '09:00');
    const res = await call('POST', `/scheduling/appointments/${other.id}/cancel`, w.staff.token, {
      by: 'practice',
      version: 1,
    });
    expect(res.status).toBe(200);
  });
});
