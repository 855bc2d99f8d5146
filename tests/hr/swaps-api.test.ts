import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Shift swap requests through the API on DynamoDB Local: a person asks to hand their own upcoming
 * shift to a colleague at the same location, the managers see it in Today, and an approval gives
 * the shift to the colleague in the same write; what is refused, who sees which requests, and
 * withdrawing. The clock stands on Monday 2027-01-04 (07:00 in Los Angeles).
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let luis: Session;
let ava: Session;
let kim: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string }[];
};

async function addPerson(first: string, userId: string | undefined, locationIds: string[]) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Shift',
    jobTitle: 'Medical assistant',
    staffRole: 'medical_assistant',
    ...(userId ? { userId } : {}),
    locationIds,
    hireDate: '2025-01-06',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function addShift(staffId: string, date: string, start: string, end: string, locationId = ids.main!) {
  const res = await as(manager)('POST', '/hr/shifts', { staffId, locationId, date, start, end });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const shiftsOf = async (weekOf: string) =>
  (await as(manager)('GET', `/hr/shifts?locationId=${ids.main}&weekOf=${weekOf}`)).body.shifts as {
    id: string;
    staffName: string;
    version: number;
  }[];

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Swap Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  luis = await addMember(t, owner, 'staff', 'Luis Shift');
  ava = await addMember(t, owner, 'staff', 'Ava Shift');
  kim = await addMember(t, owner, 'staff', 'Kim Shift');
  other = await signUpPractice(t, 'Other Swap Practice');
  ids.main = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.west = (await as(owner)('POST', '/locations', { ...LOCATION, name: 'West Clinic' })).body.id;
  ids.luis = await addPerson('Luis', luis.userId, [ids.main!]);
  ids.ava = await addPerson('Ava', ava.userId, [ids.main!]);
  ids.kim = await addPerson('Kim', kim.userId, [ids.main!]);
  ids.lee = await addPerson('Lee', undefined, [ids.west!]);
  ids.thursday = await addShift(ids.luis, '2027-01-07', '08:00', '12:00');
  ids.friday = await addShift(ids.luis, '2027-01-08', '08:00', '12:00');
  ids.past = await addShift(ids.luis, '2027-01-01', '08:00', '12:00');
  // Kim works Thursday morning too: she cannot take Luis's shift.
  await addShift(ids.kim, '2027-01-07', '09:00', '13:00');
});

describe('asking', () => {
  it('hands one’s own shift to a colleague: pending, on the managers’ Today, once per shift', async () => {
    const res = await as(luis)('POST', `/hr/shifts/${ids.thursday}/swap`, {
      toStaffId: ids.ava,
      note: 'Parent-teacher conference',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      fromName: 'Luis Shift',
      toName: 'Ava Shift',
      date: '2027-01-07',
      locationName: 'North Clinic',
      version: 1,
    });
    expect(res.body).not.toHaveProperty('shiftVersion');
    ids.request = res.body.id;
    const items = await todayItems(manager);
    expect(items.map((i) => i.title)).toContain(
      'Luis Shift asks to hand their shift on Thu, Jan 7, 2027 at 8:00 AM–12:00 PM to Ava Shift',
    );
    const again = await as(luis)('POST', `/hr/shifts/${ids.thursday}/swap`, { toStaffId: ids.ava });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('A swap of this shift is already waiting for a manager');
  });

  it('refuses someone else’s shift (404), a past one, oneself, another location and a busy colleague', async () => {
    const ask = (s: Session, shiftId: string, toStaffId: string) =>
      as(s)('POST', `/hr/shifts/${shiftId}/swap`, { toStaffId });
    expect((await ask(ava, ids.friday!, ids.ava!)).status).toBe(404);
    expect((await ask(other, ids.friday!, ids.ava!)).status).toBe(404);
    const past = await ask(luis, ids.past!, ids.ava!);
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('That shift has passed: only upcoming shifts can be swapped');
    const field = async (toStaffId: string) => {
      const res = await ask(luis, ids.friday!, toStaffId);
      expect(res.status).toBe(400);
      return res.body.error.details[0];
    };
    expect(await field(ids.luis!)).toEqual({
      path: 'toStaffId',
      message: 'Choose a colleague, not yourself',
    });
    expect(await field(ids.lee!)).toEqual({
      path: 'toStaffId',
      message: 'Lee Shift does not work at North Clinic',
    });
    // Kim works Thursday 09:00–13:00: she cannot take Luis's 08:00–12:00.
    const busy = await as(luis)('POST', `/hr/shifts/${ids.thursday}/swap`, { toStaffId: ids.kim });
    expect(busy.status).toBe(400);
    expect(busy.body.error.details[0]).toEqual({
      path: 'toStaffId',
      message: 'Kim Shift already works 09:00–13:00 that day',
    });
  });
});

describe('who sees which requests', () => {
  it('managers see all; the two people named see theirs; anyone else none', async () => {
    const names = async (s: Session) =>
      ((await as(s)('GET', '/hr/swap-requests')).body.items as { fromName: string; toName: string }[]).map(
        (r) => `${r.fromName} → ${r.toName}`,
      );
    expect(await names(manager)).toEqual(['Luis Shift → Ava Shift']);
    expect(await names(luis)).toEqual(['Luis Shift → Ava Shift']);
    expect(await names(ava)).toEqual(['Luis Shift → Ava Shift']);
    expect(await names(kim)).toEqual([]);
    expect((await as(other)('GET', '/hr/swap-requests')).body.items).toEqual([]);
  });
});

describe('deciding', () => {
  it('approving gives the shift to the colleague, closes the managers’ item and tells the person', async () => {
    const res = await as(manager)('POST', `/hr/swap-requests/${ids.request}/decision`, {
      decision: 'approve',
      note: 'Ava is happy to cover',
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decidedBy: 'Mia Manager', version: 2 });
    const thursday = (await shiftsOf('2027-01-07')).find((s) => s.id === ids.thursday);
    expect(thursday).toMatchObject({ staffName: 'Ava Shift', version: 2 });
    expect((await todayItems(manager)).some((i) => i.title.startsWith('Luis Shift asks to hand'))).toBe(
      false,
    );
    expect((await todayItems(luis)).map((i) => i.title)).toContain(
      'Your swap of Thu, Jan 7, 2027 at 8:00 AM–12:00 PM to Ava Shift was approved',
    );
    const twice = await as(manager)('POST', `/hr/swap-requests/${ids.request}/decision`, {
      decision: 'decline',
      version: 2,
    });
    expect(twice.status).toBe(409);
    // Settled: the list of pending is empty, the whole history keeps it.
    expect((await as(manager)('GET', '/hr/swap-requests')).body.items).toEqual([]);
    expect((await as(manager)('GET', '/hr/swap-requests?status=all')).body.items).toHaveLength(1);
  });

  it('refuses to approve once the shift changed since the request, changing nothing', async () => {
    const asked = await as(luis)('POST', `/hr/shifts/${ids.friday}/swap`, { toStaffId: ids.ava });
    expect(asked.status).toBe(201);
    const moved = await as(manager)('PUT', `/hr/shifts/${ids.friday}`, {
      staffId: ids.luis,
      date: '2027-01-08',
      start: '09:00',
      end: '13:00',
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const res = await as(manager)('POST', `/hr/swap-requests/${asked.body.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'The shift changed since the request: decline it and ask for a new one',
    );
    const friday = (await shiftsOf('2027-01-08')).find((s) => s.id === ids.friday);
    expect(friday).toMatchObject({ staffName: 'Luis Shift', version: 2 });
    ids.fridayRequest = asked.body.id;
  });

  it('staff cannot decide; the colleague cannot withdraw; the person can', async () => {
    const path = `/hr/swap-requests/${ids.fridayRequest}`;
    expect((await as(luis)('POST', `${path}/decision`, { decision: 'approve', version: 1 })).status).toBe(
      403,
    );
    const byAva = await as(ava)('POST', `${path}/cancel`, { version: 1 });
    expect(byAva.status).toBe(403);
    expect(byAva.body.error.message).toBe('Only the person who asked withdraws a request');
    expect((await as(kim)('POST', `${path}/cancel`, { version: 1 })).status).toBe(404);
    const res = await as(luis)('POST', `${path}/cancel`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    // Withdrawn, the shift may be asked about again.
    expect((await as(luis)('POST', `/hr/shifts/${ids.friday}/swap`, { toStaffId: ids.ava })).status).toBe(
      201,
    );
  });
});
