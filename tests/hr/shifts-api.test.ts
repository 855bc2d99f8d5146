import { beforeAll, describe, expect, it } from 'vitest';
import { schedulingWorld } from '../scheduling/world.ts';
import { addMember, createTestApp, type Session, testClock } from '../support/app.ts';

/**
 * The shift schedule and coverage through the API on DynamoDB Local, against visits really booked
 * in scheduling. The world's provider works weekdays 08:00–17:00 in New York, so the practice works
 * hours 8 to 16. Rules: one medical assistant per provider in session; two at the front desk while
 * more than one visit is booked in the hour. In the week of Monday 2027-05-03:
 * - Mo (medical assistant) works Monday 08:00–12:00 and 13:00–17:00 (nobody at 12), and Tuesday to
 *   Friday 08:00–17:00, but has Thursday off (approved);
 * - Fay (front desk) works Monday 08:00–17:00 and Finn (front desk) Monday 10:00–17:00;
 * - visits are booked Monday at 09:00 and 09:30 (two in hour 9) and 10:00 (one in hour 10).
 * Exactly these hours are short: Monday 9 (front desk), Monday 12 (medical assistant) and
 * Thursday 8 to 16 (medical assistant).
 */

type World = Awaited<ReturnType<typeof schedulingWorld>>;
let w: World;
let mo: Session;
const ids = {} as Record<'mo' | 'fay' | 'finn' | 'visit', string>;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: s.token, json });

async function person(first: string, staffRole: string, userId?: string) {
  const res = await as(w.owner)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Test',
    jobTitle: staffRole === 'front_desk' ? 'Front desk' : 'Medical assistant',
    staffRole,
    ...(userId ? { userId } : {}),
    locationIds: [w.location.id],
    hireDate: '2025-01-06',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function shift(staffId: string, date: string, start: string, end: string) {
  const res = await as(w.owner)('POST', '/hr/shifts', {
    staffId,
    locationId: w.location.id,
    date,
    start,
    end,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const week = (s: Session = w.owner, weekOf = '2027-05-05') =>
  as(s)('GET', `/hr/shifts?locationId=${w.location.id}&weekOf=${weekOf}`);

const shortHours = (body: {
  coverage: { date: string; hour: number; roles: { staffRole: string; short: number }[] }[];
}) =>
  body.coverage.flatMap((h) =>
    h.roles.filter((r) => r.short > 0).map((r) => `${h.date} ${h.hour} ${r.staffRole}`),
  );

const clock = testClock();

beforeAll(async () => {
  // The week of May 3 is next week: bookings are in the future, and the shift feed's window holds it.
  clock.set(Date.parse('2027-04-28T12:00:00Z'));
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
  mo = await addMember(w.t, w.owner, 'staff', 'Mo Test');
  ids.mo = await person('Mo', 'medical_assistant', mo.userId);
  ids.fay = await person('Fay', 'front_desk');
  ids.finn = await person('Finn', 'front_desk');
  const rules = await as(w.owner)('PUT', `/hr/staffing-rules/${w.location.id}`, {
    rules: [
      { staffRole: 'medical_assistant', perProvider: 1 },
      { staffRole: 'front_desk', minimum: 2, whenBookedOver: 1 },
    ],
    version: 0,
  });
  expect(rules.status, JSON.stringify(rules.body)).toBe(200);
  expect(rules.body.texts).toEqual([
    '1 medical assistant per provider in session',
    'At least 2 front desk while more than 1 visits are booked in the hour',
  ]);
  await shift(ids.mo, '2027-05-03', '08:00', '12:00');
  await shift(ids.mo, '2027-05-03', '13:00', '17:00');
  for (const d of ['04', '05', '06', '07']) await shift(ids.mo, `2027-05-${d}`, '08:00', '17:00');
  await shift(ids.fay, '2027-05-03', '08:00', '17:00');
  await shift(ids.finn, '2027-05-03', '10:00', '17:00');
  for (const time of ['09:00', '09:30', '10:00']) {
    const res = await as(w.owner)('POST', '/scheduling/appointments', w.booking('2027-05-03', time));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (time === '09:30') ids.visit = res.body.id;
  }
  const off = await as(w.owner)('POST', '/hr/time-off/requests', {
    staffId: ids.mo,
    kind: 'pto',
    startDate: '2027-05-06',
    endDate: '2027-05-06',
    hours: 8,
  });
  expect(off.status).toBe(201);
  const approved = await as(w.owner)('POST', `/hr/time-off/requests/${off.body.id}/decision`, {
    decision: 'approve',
    version: 1,
  });
  expect(approved.status).toBe(200);
});

describe('coverage against the patients booked', () => {
  it('flags exactly the understaffed hours', async () => {
    const res = await week();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.weekStart).toBe('2027-05-03');
    expect(shortHours(res.body)).toEqual([
      '2027-05-03 9 front_desk',
      '2027-05-03 12 medical_assistant',
      ...[8, 9, 10, 11, 12, 13, 14, 15, 16].map((h) => `2027-05-06 ${h} medical_assistant`),
    ]);
    expect(res.body.gapHours).toBe(11);
    const nine = res.body.coverage.find(
      (h: { date: string; hour: number }) => h.date === '2027-05-03' && h.hour === 9,
    );
    expect(nine).toMatchObject({ booked: 2, providers: 1 });
    expect(res.body.timeOff).toEqual([
      { staffId: ids.mo, name: 'Mo Test', startDate: '2027-05-06', endDate: '2027-05-06' },
    ]);
  });

  it('tells the manager deciding a request which hours it would leave short', async () => {
    const ask = async (staffId: string, date: string) =>
      (
        await as(w.owner)('POST', '/hr/time-off/requests', {
          staffId,
          kind: 'pto',
          startDate: date,
          endDate: date,
          hours: 8,
        })
      ).body;
    // Fay off Monday: two visits in hour 9 ask for two at the front desk, and Finn starts at 10.
    expect((await ask(ids.fay, '2027-05-03')).coverageGaps).toEqual([
      {
        date: '2027-05-03',
        locationId: w.location.id,
        locationName: 'Main Office',
        hours: 1,
        from: '09:00',
        to: '10:00',
      },
    ]);
    // Mo off Tuesday: the only medical assistant for the provider's whole day.
    const moOff = await ask(ids.mo, '2027-05-04');
    expect(moOff.coverageGaps).toEqual([
      {
        date: '2027-05-04',
        locationId: w.location.id,
        locationName: 'Main Office',
        hours: 9,
        from: '08:00',
        to: '17:00',
      },
    ]);
    // Mo's own view of the request carries no coverage.
    expect((await as(mo)('GET', `/hr/time-off/requests/${moOff.id}`)).body.coverageGaps).toEqual([]);
    // Withdrawn, they leave the week as it was.
    await as(w.owner)('POST', `/hr/time-off/requests/${moOff.id}/cancel`, { version: 1 });
  });

  it('follows the bookings: a cancelled visit lifts the front desk rule at 9', async () => {
    const cancelled = await as(w.owner)('POST', `/scheduling/appointments/${ids.visit}/cancel`, {
      by: 'patient',
      version: 1,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(shortHours((await week()).body)).not.toContain('2027-05-03 9 front_desk');
  });
});

describe('shifts', () => {
  it('refuses an overlap, someone from elsewhere and an end before the start, in words', async () => {
    const overlap = await as(w.owner)('POST', '/hr/shifts', {
      staffId: ids.fay,
      locationId: w.location.id,
      date: '2027-05-03',
      start: '16:00',
      end: '18:00',
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details).toEqual([
      { path: 'start', message: 'Fay Test already works 08:00–17:00 that day' },
    ]);
    const backwards = await as(w.owner)('POST', '/hr/shifts', {
      staffId: ids.fay,
      locationId: w.location.id,
      date: '2027-05-04',
      start: '12:00',
      end: '08:00',
    });
    expect(backwards.body.error.details).toEqual([
      { path: 'end', message: 'The shift must end after it starts' },
    ]);
    expect(
      (
        await as(mo)('POST', '/hr/shifts', {
          staffId: ids.mo,
          locationId: w.location.id,
          date: '2027-05-10',
          start: '08:00',
          end: '09:00',
        })
      ).status,
    ).toBe(403);
  });

  it('are seen by staff once the week is published, without coverage', async () => {
    const before = await week(mo);
    expect(before.body).toMatchObject({ published: false, shifts: [], coverage: [] });
    expect((await as(mo)('GET', '/hr/my-shifts?from=2027-05-03')).body.items).toEqual([]);
    const published = await as(w.owner)('POST', '/hr/shifts/publish', {
      locationId: w.location.id,
      weekOf: '2027-05-03',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const after = await week(mo);
    expect(after.body.published).toBe(true);
    expect(after.body.shifts).toHaveLength(8);
    expect(after.body.coverage).toEqual([]);
    const mine = (await as(mo)('GET', '/hr/my-shifts?from=2027-05-03')).body.items;
    expect(mine.map((s: { date: string; start: string }) => `${s.date} ${s.start}`)).toEqual([
      '2027-05-03 08:00',
      '2027-05-03 13:00',
      '2027-05-04 08:00',
      '2027-05-05 08:00',
      '2027-05-06 08:00',
      '2027-05-07 08:00',
    ]);
  });

  it('give each person a calendar feed of their published shifts, revoked at once', async () => {
    const made = await as(mo)('POST', '/hr/my-shifts/feed');
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const feed = await w.t.call('GET', `/api/hr/feeds/${made.body.token}`);
    expect(feed.status).toBe(200);
    const ics = String(feed.body);
    // Six shifts in the published week; Monday 08:00 in New York is 12:00 UTC (daylight time).
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    expect(ics).toContain('DTSTART:20270503T120000Z');
    expect(ics).toContain('SUMMARY:Shift at Main Office');
    expect((await as(mo)('GET', '/hr/my-shifts/feed')).body.active).toBe(true);
    expect((await as(mo)('POST', '/hr/my-shifts/feed/revoke')).status).toBe(204);
    expect((await w.t.call('GET', `/api/hr/feeds/${made.body.token}`)).status).toBe(404);
  });

  it('copies last week, skipping who is off or already working, and saying so', async () => {
    // Mo is off Tuesday of the next week, and already works its Wednesday morning.
    const off = await as(w.owner)('POST', '/hr/time-off/requests', {
      staffId: ids.mo,
      kind: 'sick',
      startDate: '2027-05-11',
      endDate: '2027-05-11',
      hours: 8,
    });
    await as(w.owner)('POST', `/hr/time-off/requests/${off.body.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    await shift(ids.mo, '2027-05-12', '07:00', '09:00');
    const res = await as(w.owner)('POST', '/hr/shifts/copy-week', {
      locationId: w.location.id,
      weekOf: '2027-05-12',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.skipped).toEqual([
      { name: 'Mo Test', date: '2027-05-11', reason: 'has approved time off that day' },
      { name: 'Mo Test', date: '2027-05-12', reason: 'already has a shift then' },
    ]);
    expect(res.body.copied).toBe(6);
    const next = await week(w.owner, '2027-05-10');
    expect(next.body.shifts).toHaveLength(7);
    expect(next.body.published).toBe(false);
  });

  it('are moved and removed only at the version read', async () => {
    const s = await shift(ids.finn, '2027-05-14', '08:00', '12:00');
    const moved = await as(w.owner)('PUT', `/hr/shifts/${s.id}`, {
      staffId: ids.fay,
      date: '2027-05-14',
      start: '09:00',
      end: '13:00',
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ staffName: 'Fay Test', start: '09:00', version: 2 });
    expect((await as(w.owner)('POST', `/hr/shifts/${s.id}/remove`, { version: 1 })).status).toBe(409);
    expect((await as(w.owner)('POST', `/hr/shifts/${s.id}/remove`, { version: 2 })).status).toBe(204);
    expect((await as(w.owner)('POST', `/hr/shifts/${s.id}/remove`, { version: 2 })).status).toBe(404);
  });
});
