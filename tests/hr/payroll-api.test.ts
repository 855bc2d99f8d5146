import { beforeAll, describe, expect, it } from 'vitest';
import { seedPayroll } from '../../functions/local/seed-hr-payroll.ts';
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
 * Attendance and payroll prep through the API on DynamoDB Local, every figure worked by hand.
 *
 * The clock stands on Saturday 2027-03-20 (11:00 in Los Angeles). The practice pays every two
 * weeks from Monday 2027-03-01: the period 03-01..03-14 has ended, 03-15..03-28 is under way.
 * - Ann Avery (hourly, $25.00) works Mon–Fri 03-01..03-05 08:00–17:00 (45 h), arriving 30 min late
 *   on Tue, 10 min late on Wed and 5 min late on Thu (the third late arrival in 30 days raises a
 *   Today item). Tue 8.50 h, Wed 530 min = 8.83 h, Thu 535 min = 8.92 h: the week is 44.25 h, so
 *   40 regular and 4.25 overtime. The next week: Mon 03-08 09:00–17:00 (8 h) and a no-show on Tue
 *   03-09 (0 h). Period: 48 regular, 4.25 overtime.
 * - Pat Park (hourly, $20.00, part time) works 03-01 and 03-03 09:00–13:00 and leaves 20 min early
 *   on 03-03: 4 + 3.67 = 7.67 h, plus an adjustment of 1.5 h (training) = 9.17 regular.
 * - Sal Stone (salary, $65,000 a year) took 4 sick hours on 03-02: 6,500,000 / 26 = $2,500.00 a
 *   period.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let ann: Session;
let other: Session;
const ids: Record<string, string> = {};
const shifts: Record<string, { id: string }> = {};
const P = '2027-03-01';

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

async function addPerson(
  first: string,
  last: string,
  pay: { type: 'hourly' | 'salary'; rateCents: number },
  over: Record<string, unknown> = {},
) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: last,
    jobTitle: 'Medical assistant',
    staffRole: 'medical_assistant',
    locationIds: [ids.location],
    hireDate: '2027-01-04',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
    pay,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function shift(key: string, staffId: string, date: string, start: string, end: string) {
  const res = await as(manager)('POST', '/hr/shifts', {
    staffId,
    locationId: ids.location,
    date,
    start,
    end,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  shifts[key] = res.body;
}

async function attend(key: string, body: Record<string, unknown>, s: Session = manager) {
  return as(s)('POST', `/hr/shifts/${shifts[key]!.id}/attendance`, { version: 0, ...body });
}

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string }[];
};

beforeAll(async () => {
  clock.set(Date.parse('2027-03-20T18:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Payroll Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  ann = await addMember(t, owner, 'staff', 'Ann Avery');
  other = await signUpPractice(t, 'Other Payroll Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.ann = await addPerson('Ann', 'Avery', { type: 'hourly', rateCents: 2500 }, { userId: ann.userId });
  ids.pat = await addPerson(
    'Pat',
    'Park',
    { type: 'hourly', rateCents: 2000 },
    { employmentType: 'part_time', fte: 0.5 },
  );
  ids.sal = await addPerson('Sal', 'Stone', { type: 'salary', rateCents: 6_500_000 });
  for (const [i, date] of ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].entries()) {
    await shift(`ann${i}`, ids.ann, date, '08:00', '17:00');
  }
  await shift('ann5', ids.ann, '2027-03-08', '09:00', '17:00');
  await shift('ann6', ids.ann, '2027-03-09', '09:00', '17:00');
  await shift('pat0', ids.pat, '2027-03-01', '09:00', '13:00');
  await shift('pat1', ids.pat, '2027-03-03', '09:00', '13:00');
  const sick = await as(manager)('POST', '/hr/time-off/requests', {
    staffId: ids.sal,
    kind: 'sick',
    startDate: '2027-03-02',
    endDate: '2027-03-02',
    hours: 4,
  });
  expect(sick.status, JSON.stringify(sick.body)).toBe(201);
  const decided = await as(owner)('POST', `/hr/time-off/requests/${sick.body.id}/decision`, {
    decision: 'approve',
    version: 1,
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  const schedule = await as(owner)('PUT', '/hr/payroll/schedule', {
    frequency: 'biweekly',
    anchorDate: '2027-03-01',
    version: 0,
  });
  expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);
});

describe('attendance', () => {
  it('logs late arrivals, an early leave and a no-show; the third late arrival in 30 days tells the managers once', async () => {
    expect((await attend('ann1', { lateMinutes: 30, note: 'Traffic' })).status).toBe(200);
    expect((await attend('ann2', { lateMinutes: 10 })).status).toBe(200);
    expect((await todayItems(manager)).filter((i) => i.kind === 'attendance_late_pattern')).toEqual([]);
    const third = await attend('ann3', { lateMinutes: 5 });
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    expect(third.body).toMatchObject({ staffId: ids.ann, date: '2027-03-04', lateMinutes: 5, version: 1 });
    expect((await attend('ann6', { noShow: true, note: 'Called in too late' })).status).toBe(200);
    expect((await attend('pat1', { earlyMinutes: 20 })).status).toBe(200);
    const items = (await todayItems(manager)).filter((i) => i.kind === 'attendance_late_pattern');
    expect(items.map((i) => i.title)).toEqual(['Ann Avery arrived late 3 times within 30 days']);
    // A fourth late arrival in the window raises nothing new (then it is corrected back away).
    const fourth = await attend('ann5', { lateMinutes: 15 });
    expect(fourth.status).toBe(200);
    expect((await todayItems(manager)).filter((i) => i.kind === 'attendance_late_pattern')).toHaveLength(1);
    const removed = await as(manager)('POST', `/hr/shifts/${shifts.ann5!.id}/attendance/remove`, {
      version: 1,
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
  });

  it('refuses a bad entry, a stale version, and anyone but owners and managers writing', async () => {
    const both = await attend('ann0', { noShow: true, lateMinutes: 5 });
    expect(both.status).toBe(400);
    expect(both.body.error.details[0].message).toBe('A no-show has no late or early minutes');
    expect((await attend('ann0', {})).status).toBe(400);
    const tooLong = await attend('pat0', { lateMinutes: 240 });
    expect(tooLong.status).toBe(400);
    expect((await attend('ann1', { lateMinutes: 20 })).status).toBe(409); // version 0 but one exists
    expect((await attend('ann0', { lateMinutes: 5 }, ann)).status).toBe(403);
    // Another practice's owner: the shift is not theirs to find.
    expect((await attend('ann0', { lateMinutes: 5 }, other)).status).toBe(404);
  });

  it('is read by owners and managers, and by the person for their own shifts only', async () => {
    const own = await as(ann)('GET', `/hr/shifts/${shifts.ann1!.id}/attendance`);
    expect(own.status).toBe(200);
    expect(own.body.note).toBe('Traffic');
    expect((await as(ann)('GET', `/hr/shifts/${shifts.pat1!.id}/attendance`)).status).toBe(404);
    expect(
      (await as(ann)('GET', `/hr/attendance?staffId=${ids.pat}&from=2027-03-01&to=2027-03-14`)).body.items,
    ).toEqual([]);
    const mine = await as(ann)('GET', '/hr/attendance?from=2027-03-01&to=2027-03-14');
    expect(mine.body.items.map((a: { date: string }) => a.date)).toEqual([
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-09',
    ]);
    const all = await as(manager)('GET', '/hr/attendance?from=2027-03-01&to=2027-03-14');
    expect(all.body.items).toHaveLength(5);
    expect((await as(other)('GET', `/hr/shifts/${shifts.ann1!.id}/attendance`)).status).toBe(404);
  });
});

const GENERIC = [
  'employee_id,name,period_start,period_end,regular_hours,overtime_hours,pto_hours,sick_hours,pay_type,rate',
  () => `${ids.ann},Ann Avery,2027-03-01,2027-03-14,48.00,4.25,0.00,0.00,hourly,25.00`,
  () => `${ids.pat},Pat Park,2027-03-01,2027-03-14,9.17,0.00,0.00,0.00,hourly,20.00`,
  () => `${ids.sal},Sal Stone,2027-03-01,2027-03-14,0.00,0.00,0.00,4.00,salary,2500.00`,
];
const genericCsv = () => `\uFEFF${GENERIC.map((r) => `${typeof r === 'string' ? r : r()}\r\n`).join('')}`;

describe('payroll prep', () => {
  it('opens periods on demand and lists them newest first, paged', async () => {
    const schedule = await as(manager)('GET', '/hr/payroll/schedule');
    expect(schedule.body.recent).toEqual([
      { start: '2027-03-15', end: '2027-03-28', opened: false },
      { start: '2027-03-01', end: '2027-03-14', opened: false },
      { start: '2027-02-15', end: '2027-02-28', opened: false },
      { start: '2027-02-01', end: '2027-02-14', opened: false },
    ]);
    expect((await as(manager)('GET', `/hr/payroll/periods/${P}`)).status).toBe(404);
    for (const start of ['2027-02-15', P, '2027-03-15']) {
      const res = await as(manager)('POST', '/hr/payroll/periods', { start });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const twice = await as(manager)('POST', '/hr/payroll/periods', { start: P });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('The pay period 2027-03-01 to 2027-03-14 is already open');
    const off = await as(manager)('POST', '/hr/payroll/periods', { start: '2027-03-02' });
    expect(off.status).toBe(400);
    expect(off.body.error.details[0].message).toBe(
      'Pay periods start on 2027-03-01 and 2027-03-15 around that day',
    );
    expect((await as(manager)('POST', '/hr/payroll/periods', { start: '2027-03-29' })).status).toBe(400);
    const first = await as(manager)('GET', '/hr/payroll/periods?limit=2');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((p: { id: string; ended: boolean }) => [p.id, p.ended])).toEqual([
      ['2027-03-15', false],
      ['2027-03-01', true],
    ]);
    const next = await as(manager)(
      'GET',
      `/hr/payroll/periods?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.items.map((p: { id: string; end: string }) => `${p.id}..${p.end}`)).toEqual([
      '2027-02-15..2027-02-28',
    ]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('adds an adjustment and exports the hand-computed CSV in both layouts', async () => {
    const adj = await as(manager)('POST', `/hr/payroll/periods/${P}/adjustments`, {
      staffId: ids.pat,
      hours: 1.5,
      reason: 'Training on Saturday',
      version: 1,
    });
    expect(adj.status, JSON.stringify(adj.body)).toBe(200);
    expect(adj.body.version).toBe(2);
    expect(adj.body.totals).toEqual({ regularHours: 57.17, overtimeHours: 4.25, ptoHours: 0, sickHours: 4 });
    const csv = await as(manager)('GET', `/hr/payroll/periods/${P}/export?layout=generic`);
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect(csv.body.fileName).toBe('payroll-2027-03-01-to-2027-03-14-generic.csv');
    expect(csv.body.csv).toBe(genericCsv());
    const gusto = await as(manager)('GET', `/hr/payroll/periods/${P}/export?layout=gusto`);
    expect(gusto.body.csv).toBe(
      '\uFEFFlast_name,first_name,title,regular_hours,overtime_hours,pto_hours,sick_hours\r\n' +
        'Avery,Ann,Medical assistant,48.00,4.25,0.00,0.00\r\n' +
        'Park,Pat,Medical assistant,9.17,0.00,0.00,0.00\r\n' +
        'Stone,Sal,Medical assistant,,,0.00,4.00\r\n',
    );
  });

  it('is for owners and managers only; another practice gets 404', async () => {
    expect((await as(ann)('GET', `/hr/payroll/periods/${P}`)).status).toBe(403);
    expect((await as(ann)('GET', `/hr/payroll/periods/${P}/export?layout=generic`)).status).toBe(403);
    // Another practice has not opened a period of these days: nothing of A's answers.
    expect((await as(other)('GET', `/hr/payroll/periods/${P}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/payroll/periods/${P}/export`)).status).toBe(404);
    expect(
      (
        await as(other)('POST', `/hr/payroll/periods/${P}/adjustments`, {
          staffId: ids.pat,
          hours: 1,
          reason: 'Not theirs',
          version: 0,
        })
      ).status,
    ).toBe(400);
  });

  it('locks an ended period; afterwards it refuses every change and keeps its snapshot', async () => {
    const early = await as(manager)('POST', '/hr/payroll/periods/2027-03-15/lock', { version: 1 });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('The pay period ends on 2027-03-28: lock it once it has ended');
    expect((await as(manager)('POST', `/hr/payroll/periods/${P}/lock`, { version: 1 })).status).toBe(409);
    const locked = await as(manager)('POST', `/hr/payroll/periods/${P}/lock`, { version: 2 });
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    expect(locked.body).toMatchObject({ status: 'locked', lockedBy: 'Mia Manager', version: 3 });

    const adj = await as(owner)('POST', `/hr/payroll/periods/${P}/adjustments`, {
      staffId: ids.ann,
      hours: 2,
      reason: 'Too late',
      version: 3,
    });
    expect(adj.status).toBe(409);
    expect(adj.body.error.message).toBe(
      'The pay period Mon, Mar 1, 2027 to Sun, Mar 14, 2027 is locked: its hours were sent to payroll and can no longer change',
    );
    const removeAdj = await as(owner)('POST', `/hr/payroll/periods/${P}/adjustments/remove`, {
      adjustmentId: locked.body.adjustments[0].id,
      version: 3,
    });
    expect(removeAdj.status).toBe(409);
    expect((await as(manager)('POST', `/hr/payroll/periods/${P}/lock`, { version: 3 })).status).toBe(409);
    const late = await as(manager)('POST', `/hr/shifts/${shifts.ann0!.id}/attendance`, {
      lateMinutes: 60,
      version: 0,
    });
    expect(late.status).toBe(409);
    const unmark = await as(manager)('POST', `/hr/shifts/${shifts.ann1!.id}/attendance/remove`, {
      version: 1,
    });
    expect(unmark.status).toBe(409);

    // A shift removed afterwards does not change the locked period's lines or its file.
    const gone = await as(manager)('POST', `/hr/shifts/${shifts.pat0!.id}/remove`, { version: 1 });
    expect(gone.status).toBe(204);
    const csv = await as(manager)('GET', `/hr/payroll/periods/${P}/export?layout=generic`);
    expect(csv.body.csv).toBe(genericCsv());
    const list = await as(manager)('GET', '/hr/payroll/periods?limit=2');
    expect(list.body.items[1]).toMatchObject({ id: P, status: 'locked' });
    // Open again: an adjustment is removed at the version read.
    const feb = await as(manager)('POST', '/hr/payroll/periods/2027-02-15/adjustments', {
      staffId: ids.ann,
      hours: -2,
      reason: 'Long lunch',
      version: 1,
    });
    expect(feb.status, JSON.stringify(feb.body)).toBe(200);
    const undo = await as(manager)('POST', '/hr/payroll/periods/2027-02-15/adjustments/remove', {
      adjustmentId: feb.body.adjustments[0].id,
      version: 2,
    });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.adjustments).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('leaves one ended period ready to lock, with overtime, attendance and an adjustment', async () => {
    // In the other practice: Otto (hourly) works 03-01..03-12 weekdays 08:00–17:00 and Saturday
    // 03-06 08:00–12:00, 20 min late on Tuesday 03-02 and a no-show on Wednesday 03-10. Week 1:
    // 45 + 4 − 0.33 = 48.67 h → 40 regular, 8.67 overtime; week 2: 36 h. Plus 1.5 adjusted: 77.5.
    const location = (await as(other)('POST', '/locations', LOCATION)).body.id;
    const otto = await as(other)('POST', '/hr/staff', {
      firstName: 'Otto',
      lastName: 'Demo',
      jobTitle: 'Front desk',
      staffRole: 'front_desk',
      locationIds: [location],
      hireDate: '2026-06-01',
      employmentType: 'full_time',
      fte: 1,
      credentials: [],
      pay: { type: 'hourly', rateCents: 1900 },
    });
    expect(otto.status, JSON.stringify(otto.body)).toBe(201);
    await seedPayroll(
      t.platform,
      { tenantId: other.tenantId },
      { userId: other.userId, name: 'Olivia Owner', role: 'owner' },
      'America/Los_Angeles',
    );
    const list = await as(other)('GET', '/hr/payroll/periods?limit=2');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: P, end: '2027-03-14', status: 'open', ended: true });
    const period = await as(other)('GET', `/hr/payroll/periods/${P}`);
    expect(
      period.body.lines.map((l: { name: string; regularHours: number; overtimeHours: number }) => [
        l.name,
        l.regularHours,
        l.overtimeHours,
      ]),
    ).toEqual([['Otto Demo', 77.5, 8.67]]);
    expect((await as(other)('POST', `/hr/payroll/periods/${P}/lock`, { version: 2 })).status).toBe(200);
  });
});
