import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  logIn,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Time off through the API on DynamoDB Local: a request for oneself, the managers' Today item, the
 * balance before and after, who else in the same role is off, the decision and the person's Today
 * item, balances projected to a date (hand-computed), policies, and who may see and do what.
 *
 * The clock stands on Monday 2027-01-04 (07:00 in Los Angeles). Dana (front desk) and Sam (front
 * desk) were hired on that day, full time, at the North Clinic.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let dana: Session;
let sam: Session;
let provider: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string; link?: string }[];
};

async function addPerson(first: string, userId: string | undefined, over: Record<string, unknown> = {}) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Desk',
    jobTitle: 'Front desk',
    staffRole: 'front_desk',
    ...(userId ? { userId } : {}),
    locationIds: [ids.location],
    hireDate: '2027-01-04',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Time Off Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  dana = await addMember(t, owner, 'staff', 'Dana Desk');
  sam = await addMember(t, owner, 'staff', 'Sam Desk');
  provider = await addMember(t, owner, 'provider', 'Dr. Pat Provider');
  other = await signUpPractice(t, 'Other Time Off Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.dana = await addPerson('Dana', dana.userId);
  ids.sam = await addPerson('Sam', sam.userId);
  ids.mia = await addPerson('Mia', manager.userId, { staffRole: 'manager', jobTitle: 'Practice manager' });
});

describe('balances', () => {
  it('projects sick leave from expected hours: 1 hour per 30 worked (hand-computed)', async () => {
    // Rounds' starting sick policy: 1 hour per 30 worked. 40 h a week = 8 h each weekday from the
    // hire date. Jan 4–29, 2027 is 20 weekdays = 160 h worked → 160 / 30 = 5.33 h.
    const res = await as(dana)('GET', `/hr/time-off/balances/${ids.dana}?on=2027-01-29`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sick = res.body.balances.find((b: { kind: string }) => b.kind === 'sick');
    expect(sick.onDate).toBe(5.33);
    // Today (the hire date): one day of 8 h → 0.27 h.
    expect(sick.today).toBe(0.27);
    expect(sick.policyText).toBe(
      '1 hour for every 30 hours worked, up to 40 hours a year; up to 40 hours carry over',
    );
    // PTO starts 90 days after hire: nothing yet on Jan 29.
    expect(res.body.balances.find((b: { kind: string }) => b.kind === 'pto').onDate).toBe(0);
  });

  it("a person sees only their own balances; a manager anyone's; another practice none", async () => {
    expect((await as(dana)('GET', `/hr/time-off/balances/${ids.sam}`)).status).toBe(404);
    expect((await as(manager)('GET', `/hr/time-off/balances/${ids.sam}`)).status).toBe(200);
    expect((await as(other)('GET', `/hr/time-off/balances/${ids.sam}`)).status).toBe(404);
  });
});

describe('a request', () => {
  it('is asked for oneself, reaches the managers in Today, and shows who else is off', async () => {
    const first = await as(sam)('POST', '/hr/time-off/requests', {
      kind: 'sick',
      startDate: '2027-02-01',
      endDate: '2027-02-01',
      hours: 8,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    ids.samRequest = first.body.id;

    const res = await as(dana)('POST', '/hr/time-off/requests', {
      kind: 'sick',
      startDate: '2027-02-01',
      endDate: '2027-02-02',
      hours: 16,
      note: 'Dentist',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.danaRequest = res.body.id;
    // Jan 4–29 earned 5.33 h (above); Jan 4–31 adds no weekdays: 5.33 h before the first day off.
    // Feb 1–2 (Mon–Tue) are days off, so nothing is earned on them: 5.33 − 16 = −10.67 h.
    expect(res.body).toMatchObject({
      staffName: 'Dana Desk',
      status: 'pending',
      balanceBefore: 5.33,
      balanceAfter: -10.67,
    });
    expect(res.body.overlaps).toEqual([
      {
        staffId: ids.sam,
        name: 'Sam Desk',
        startDate: '2027-02-01',
        endDate: '2027-02-01',
        status: 'pending',
      },
    ]);
    const items = await todayItems(manager);
    const ask = items.find((i) => i.title.startsWith('Dana Desk asks for sick leave'));
    expect(ask?.link).toBe(`/app/hr/time-off?request=${ids.danaRequest}`);
  });

  it('is only asked for oneself, and seen only by oneself and the managers', async () => {
    const forSam = await as(dana)('POST', '/hr/time-off/requests', {
      staffId: ids.sam,
      kind: 'pto',
      startDate: '2027-03-01',
      endDate: '2027-03-01',
      hours: 8,
    });
    expect(forSam.status).toBe(404);
    const noRecord = await as(provider)('POST', '/hr/time-off/requests', {
      kind: 'pto',
      startDate: '2027-03-01',
      endDate: '2027-03-01',
      hours: 8,
    });
    expect(noRecord.status).toBe(400);
    expect(noRecord.body.error.message).toMatch(/not linked to a staff record/);
    expect((await as(dana)('GET', `/hr/time-off/requests/${ids.samRequest}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/time-off/requests/${ids.samRequest}`)).status).toBe(404);
    const mine = (await as(dana)('GET', '/hr/time-off/requests')).body.items.map((r: { id: string }) => r.id);
    expect(mine).toEqual([ids.danaRequest]);
    const all = (await as(manager)('GET', '/hr/time-off/requests?status=pending')).body.items;
    expect(all.map((r: { id: string }) => r.id).sort()).toEqual([ids.danaRequest, ids.samRequest].sort());
    expect(
      (await as(dana)('GET', `/hr/time-off/requests?staffId=${ids.sam}`)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toEqual([ids.danaRequest]);
  });

  it('refuses a last day before the first, in words', async () => {
    const res = await as(dana)('POST', '/hr/time-off/requests', {
      kind: 'pto',
      startDate: '2027-03-02',
      endDate: '2027-03-01',
      hours: 8,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'endDate', message: 'The last day cannot be before the first' },
    ]);
  });

  it('is decided by a manager: the Today item closes, the person hears of it, the balance moves', async () => {
    const before = (
      await as(dana)('GET', `/hr/time-off/balances/${ids.dana}?on=2027-02-02`)
    ).body.balances.find((b: { kind: string }) => b.kind === 'sick');
    expect(before).toMatchObject({ onDate: 5.87, pending: 16, approvedAhead: 0 });
    expect(
      (
        await as(dana)('POST', `/hr/time-off/requests/${ids.danaRequest}/decision`, {
          decision: 'approve',
          version: 1,
        })
      ).status,
    ).toBe(403);
    const res = await as(manager)('POST', `/hr/time-off/requests/${ids.danaRequest}/decision`, {
      decision: 'approve',
      note: 'Feel better',
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      decidedBy: 'Mia Manager',
      decisionNote: 'Feel better',
      version: 2,
    });
    const again = await as(manager)('POST', `/hr/time-off/requests/${ids.danaRequest}/decision`, {
      decision: 'decline',
      version: 2,
    });
    expect(again.status).toBe(400);
    expect((await todayItems(manager)).some((i) => i.title.startsWith('Dana Desk asks'))).toBe(false);
    dana = await logIn(t, dana.email);
    const told = (await todayItems(dana)).find((i) => i.kind === 'time_off_decided');
    expect(told?.title).toBe('Your sick leave 2027-02-01 to 2027-02-02 was approved');
    const after = (
      await as(dana)('GET', `/hr/time-off/balances/${ids.dana}?on=2027-02-02`)
    ).body.balances.find((b: { kind: string }) => b.kind === 'sick');
    // Pending, Feb 1–2 were worked days (5.33 + 2 × 8 / 30 = 5.87 h); approved, they are days off.
    expect(after).toMatchObject({ onDate: -10.67, pending: 0, approvedAhead: 16 });
  });

  it("a manager's own request is decided by the owner, not by themselves", async () => {
    const mine = await as(manager)('POST', '/hr/time-off/requests', {
      kind: 'sick',
      startDate: '2027-02-10',
      endDate: '2027-02-10',
      hours: 4,
    });
    expect(mine.status).toBe(201);
    const self = await as(manager)('POST', `/hr/time-off/requests/${mine.body.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(self.status).toBe(403);
    const byOwner = await as(owner)('POST', `/hr/time-off/requests/${mine.body.id}/decision`, {
      decision: 'decline',
      version: 1,
    });
    expect(byOwner.body.status).toBe('declined');
  });

  it('is withdrawn by the person before it starts', async () => {
    const cancelled = await as(sam)('POST', `/hr/time-off/requests/${ids.samRequest}/cancel`, { version: 1 });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await todayItems(manager)).some((i) => i.title.startsWith('Sam Desk asks'))).toBe(false);
  });
});

describe('policies', () => {
  it("start from Rounds' defaults and are saved at the version read", async () => {
    const start = (await as(dana)('GET', '/hr/time-off/policies')).body.items;
    expect(start.map((p: { kind: string; version: number }) => [p.kind, p.version])).toEqual([
      ['pto', 0],
      ['sick', 0],
    ]);
    const body = {
      kind: 'sick',
      method: 'per_hour_worked',
      hoursWorkedPerHour: 40,
      yearlyCapHours: 24,
      carryoverCapHours: 0,
      waitingPeriodDays: 0,
      planYearStart: '01-01',
      version: 0,
    };
    expect((await as(dana)('PUT', '/hr/time-off/policies', body)).status).toBe(403);
    const saved = await as(manager)('PUT', '/hr/time-off/policies', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.text).toBe(
      '1 hour for every 40 hours worked, up to 24 hours a year; unused hours are lost when the plan year ends',
    );
    expect((await as(manager)('PUT', '/hr/time-off/policies', body)).status).toBe(409);
    const missing = await as(manager)('PUT', '/hr/time-off/policies', {
      ...body,
      hoursWorkedPerHour: undefined,
      version: 1,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([
      { path: 'hoursWorkedPerHour', message: 'Say how many hours worked earn one hour' },
    ]);
    // Sam's sick leave on Jan 29 under the new policy: 160 h / 40 = 4 h.
    const sam29 = (await as(manager)('GET', `/hr/time-off/balances/${ids.sam}?on=2027-01-29`)).body.balances;
    expect(sam29.find((b: { kind: string }) => b.kind === 'sick').onDate).toBe(4);
  });
});
