import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { type DueThing, dueThingId } from '../../functions/platform/due/due-dates.ts';
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
 * Leave cases through the API on DynamoDB Local: eligibility worked out on the first day from the
 * directory and the person's service, the FMLA 12 weeks over all of a person's FMLA cases, key
 * dates as managers' alerts stopped when done or closed, the owner-only notes, and bad input.
 *
 * The clock stands on Wednesday 2027-12-01 (07:00 in Los Angeles). The directory holds four
 * current people (the headcount): Rosa (hired 2025-06-02, full time), Pat (2024-12-30, 0.6 FTE),
 * Kim (2027-05-31, full time) and Mia the manager.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let staff: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

async function addPerson(first: string, hireDate: string, fte = 1, userId?: string) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Lee',
    jobTitle: 'Medical assistant',
    staffRole: 'medical_assistant',
    ...(userId ? { userId } : {}),
    locationIds: [ids.location],
    hireDate,
    employmentType: fte === 1 ? 'full_time' : 'part_time',
    fte,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function open(body: Record<string, unknown>, by = manager) {
  const res = await as(by)('POST', '/hr/leave-cases', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const dueThing = (caseId: string, kind: string) =>
  t.platform.store.get<DueThing>(
    tenantKeys.dueThing({ tenantId: owner.tenantId }, dueThingId('hr', 'leave', `${caseId}.${kind}`)),
  );

const met = (body: { eligibility: { fmla: { reasons: { rule: string; met: boolean }[] } } }) =>
  Object.fromEntries(body.eligibility.fmla.reasons.map((r) => [r.rule, r.met]));

beforeAll(async () => {
  clock.set(Date.parse('2027-12-01T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Leave Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  staff = await addMember(t, owner, 'staff', 'Kim Desk');
  other = await signUpPractice(t, 'Other Leave Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.rosa = await addPerson('Rosa', '2025-06-02');
  ids.pat = await addPerson('Pat', '2024-12-30', 0.6);
  ids.kim = await addPerson('Kim', '2027-05-31', 1, staff.userId);
  ids.mia = await addPerson('Mia', '2026-01-05', 1, manager.userId);
});

describe('eligibility on the first day', () => {
  it('takes the directory’s headcount by default: four people are too few for FMLA and the ADA', async () => {
    const c = await open({
      staffId: ids.rosa,
      kind: 'fmla',
      reason: 'own_health',
      schedule: 'continuous',
      requestedOn: '2027-10-28',
      startDate: '2027-11-01',
      expectedReturnDate: '2027-11-15',
    });
    ids.rosaCase = c.id;
    expect(met(c)).toEqual({ employer_size: false, months_of_service: true, hours_worked: true });
    expect(c.eligibility.fmla).toMatchObject({
      eligible: false,
      employeesWithin75Miles: 4,
      // Two full years served: 2,080 hours estimated from the FTE.
      hoursWorkedLast12Months: 2080,
      hoursEstimated: true,
    });
    expect(c.eligibility.ada).toEqual({
      covered: false,
      employeeCount: 4,
      detail: 'With 4 employees the employer is not covered by the ADA (it needs 15 or more).',
    });
  });

  it('uses the employees within 75 miles and the payroll hours when entered', async () => {
    // Pat at 0.6 FTE: 0.6 × 2,080 = 1,248 estimated, two short of 1,250.
    const estimated = await open({
      staffId: ids.pat,
      kind: 'fmla',
      reason: 'family_care',
      schedule: 'intermittent',
      startDate: '2027-12-06',
      employeesWithin75Miles: 60,
    });
    expect(met(estimated)).toEqual({ employer_size: true, months_of_service: true, hours_worked: false });
    expect(estimated.eligibility.fmla.reasons[2].detail).toBe(
      'The employee worked 1,248 hours in the 12 months before leave; FMLA needs at least 1,250.',
    );
    const entered = await open({
      staffId: ids.pat,
      kind: 'state',
      reason: 'family_care',
      schedule: 'reduced',
      startDate: '2027-12-13',
      employeesWithin75Miles: 60,
      hoursWorkedLast12Months: 1300,
    });
    expect(entered.eligibility.fmla).toMatchObject({ eligible: true, hoursEstimated: false });
    // A state-leave case keeps no FMLA counter.
    expect(entered.usage).toBeNull();
  });

  it('counts whole months of service to the first day: six months is not twelve, even with prior service of five', async () => {
    const c = await open({
      staffId: ids.kim,
      kind: 'fmla',
      reason: 'new_child',
      schedule: 'continuous',
      startDate: '2027-11-30',
      employeesWithin75Miles: 80,
      priorEmploymentMonths: 5,
    });
    expect(met(c).months_of_service).toBe(false);
    expect(c.eligibility.fmla.reasons[1].detail).toBe(
      'The employee has 11 months of service (6 now plus 5 earlier); FMLA needs at least 12.',
    );
  });
});

describe('the FMLA 12 weeks', () => {
  it('counts leave over every FMLA case of the person, used to today and scheduled after', async () => {
    let c = (await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`)).body;
    // Mon 2027-11-01 to Fri 2027-11-12: ten weekdays at a fifth of 40 hours.
    let res = await as(manager)('POST', `/hr/leave-cases/${c.id}/leave`, {
      start: '2027-11-01',
      end: '2027-11-12',
      version: c.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    c = res.body;
    res = await as(manager)('POST', `/hr/leave-cases/${c.id}/leave`, {
      start: '2027-11-19',
      end: '2027-11-19',
      hoursPerDay: 4,
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(
      res.body.entries.map((e: { hours: number; hoursPerDay: number }) => [e.hoursPerDay, e.hours]),
    ).toEqual([
      [8, 80],
      [4, 4],
    ]);
    const second = await open({
      staffId: ids.rosa,
      kind: 'fmla',
      reason: 'own_health',
      schedule: 'intermittent',
      startDate: '2027-11-29',
    });
    res = await as(manager)('POST', `/hr/leave-cases/${second.id}/leave`, {
      start: '2027-12-06',
      end: '2027-12-10',
      version: second.version,
    });
    // 84 hours used of 480 (12 × 40): 2.1 weeks; the week of Dec 7 is scheduled, not used.
    expect(res.body.usage).toEqual({
      workweekHours: 40,
      entitlementHours: 480,
      usedHours: 84,
      remainingHours: 396,
      weeksUsed: 2.1,
      scheduledHours: 40,
      exhausted: false,
      window: { start: '2026-12-02', end: '2027-12-01' },
    });
    const first = await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`);
    expect(first.body.usage.usedHours).toBe(84);
    expect(first.body.usage.scheduledHours).toBe(40);
  });

  it('refuses overlapping, earlier-than-the-case, weekend-only and stale entries, changing nothing', async () => {
    const c = (await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`)).body;
    const post = (body: Record<string, unknown>) =>
      as(manager)('POST', `/hr/leave-cases/${c.id}/leave`, { version: c.version, ...body });
    const overlap = await post({ start: '2027-11-11', end: '2027-11-15' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toBe(
      'Leave from 2027-11-01 to 2027-11-12 is already logged: remove it first',
    );
    const early = await post({ start: '2027-10-29', end: '2027-10-29' });
    expect(early.status).toBe(400);
    const weekend = await post({ start: '2027-11-20', end: '2027-11-21' });
    expect(weekend.status).toBe(400);
    expect(weekend.body.error.message).toBe('Those days are a weekend: log a weekend day on its own');
    const backwards = await post({ start: '2027-11-24', end: '2027-11-23' });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('The last day must not be before the first');
    const stale = await post({ start: '2027-11-24', end: '2027-11-24', version: c.version - 1 });
    expect(stale.status).toBe(409);
    const after = (await as(manager)('GET', `/hr/leave-cases/${c.id}`)).body;
    expect(after.entries).toHaveLength(2);
    expect(after.version).toBe(c.version);
  });

  it('gives the hours back when an entry logged by mistake is removed', async () => {
    const c = (await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`)).body;
    const single = c.entries.find((e: { start: string }) => e.start === '2027-11-19');
    const res = await as(manager)('POST', `/hr/leave-cases/${c.id}/leave/remove`, {
      entryId: single.id,
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.usage.usedHours).toBe(80);
    const missing = await as(manager)('POST', `/hr/leave-cases/${c.id}/leave/remove`, {
      entryId: single.id,
      version: res.body.version,
    });
    expect(missing.status).toBe(404);
  });
});

describe('key dates', () => {
  it('alerts managers for the notice (5 business days), the certification (15 days) and the return; overdue once past', async () => {
    const c = (await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`)).body;
    // Requested Thu 2027-10-28: notice Thu 11-05 (Fri, Mon, Tue, Wed, Thu); certification 11-13.
    expect(c.keyDates).toEqual([
      { kind: 'designation_notice', date: '2027-11-04', overdue: true },
      { kind: 'certification', date: '2027-11-12', overdue: true },
      { kind: 'expected_return', date: '2027-11-15', overdue: true },
    ]);
    const notice = await dueThing(c.id, 'designation_notice');
    expect(notice).toMatchObject({
      dueDate: '2027-11-04',
      owner: { role: 'manager' },
      link: `/app/hr/leave?case=${c.id}`,
    });
    const res = await as(manager)('POST', `/hr/leave-cases/${c.id}/key-dates`, {
      kind: 'designation_notice',
      doneOn: '2027-11-03',
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.keyDates[0]).toEqual({
      kind: 'designation_notice',
      date: '2027-11-04',
      doneOn: '2027-11-03',
      overdue: false,
    });
    expect(await dueThing(c.id, 'designation_notice')).toBeUndefined();
    expect(await dueThing(c.id, 'certification')).toBeDefined();
  });

  it('closes on the return: the remaining alerts stop and the case takes no more leave', async () => {
    const c = (await as(manager)('GET', `/hr/leave-cases/${ids.rosaCase}`)).body;
    const res = await as(manager)('POST', `/hr/leave-cases/${c.id}/close`, {
      returnDate: '2027-11-15',
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', returnDate: '2027-11-15', closedBy: 'Mia Manager' });
    expect(res.body.keyDates.every((k: { overdue: boolean }) => !k.overdue)).toBe(true);
    expect(await dueThing(c.id, 'certification')).toBeUndefined();
    expect(await dueThing(c.id, 'expected_return')).toBeUndefined();
    const more = await as(manager)('POST', `/hr/leave-cases/${c.id}/leave`, {
      start: '2027-11-22',
      end: '2027-11-22',
      version: res.body.version,
    });
    expect(more.status).toBe(409);
    // The closed case's leave still counts toward Rosa's 12 weeks on her other case.
    const list = await as(manager)('GET', `/hr/leave-cases?staffId=${ids.rosa}&status=all`);
    expect(list.body.items.map((x: { usage: { usedHours: number } }) => x.usage.usedHours)).toEqual([80, 80]);
  });
});

describe('the list', () => {
  it('shows open cases by default, newest first day first, sorted and paged', async () => {
    const first = await as(owner)('GET', '/hr/leave-cases?limit=2');
    expect(first.status).toBe(200);
    const pick = (c: { staffName: string; kind: string; startDate: string }) => [
      c.staffName,
      c.kind,
      c.startDate,
    ];
    expect(first.body.items.map(pick)).toEqual([
      ['Pat Lee', 'state', '2027-12-13'],
      ['Pat Lee', 'fmla', '2027-12-06'],
    ]);
    const second = await as(owner)('GET', `/hr/leave-cases?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map(pick)).toEqual([
      ['Kim Lee', 'fmla', '2027-11-30'],
      ['Rosa Lee', 'fmla', '2027-11-29'],
    ]);
    expect(second.body.nextCursor).toBeNull();
    const closed = await as(owner)('GET', '/hr/leave-cases?status=closed');
    expect(closed.body.items.map(pick)).toEqual([['Rosa Lee', 'fmla', '2027-11-01']]);
    const byName = await as(owner)('GET', '/hr/leave-cases?status=all&sort=name');
    expect(byName.body.items.map((c: { staffName: string }) => c.staffName)).toEqual([
      'Kim Lee',
      'Pat Lee',
      'Pat Lee',
      'Rosa Lee',
      'Rosa Lee',
    ]);
    const forged = await as(owner)('GET', `/hr/leave-cases?status=closed&cursor=${first.body.nextCursor}`);
    expect(forged.status).toBe(400);
  });
});

describe('who sees what', () => {
  it('keeps the notes to the owner and out of the audit log', async () => {
    const path = `/hr/leave-cases/${ids.rosaCase}/notes`;
    const text = 'Knee surgery on 11/2; physical therapy twice a week after';
    const added = await as(owner)('POST', path, { text });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ text, by: 'Olivia Owner' });
    expect((await as(owner)('GET', path)).body.items.map((n: { text: string }) => n.text)).toEqual([text]);
    expect((await as(manager)('GET', path)).status).toBe(403);
    expect((await as(manager)('POST', path, { text: 'x' })).status).toBe(403);
    const audit = await as(owner)('GET', '/audit?limit=100');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).not.toContain('Knee');
    expect(JSON.stringify(audit.body)).toContain('Added a confidential note to Rosa Lee');
  });

  it('refuses staff, and answers another practice with 404', async () => {
    expect((await as(staff)('GET', '/hr/leave-cases')).status).toBe(403);
    expect((await as(staff)('GET', `/hr/leave-cases/${ids.rosaCase}`)).status).toBe(403);
    expect((await as(other)('GET', `/hr/leave-cases/${ids.rosaCase}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/leave-cases/${ids.rosaCase}/notes`)).status).toBe(404);
    const unknown = await as(manager)('POST', '/hr/leave-cases', {
      staffId: 'nobody',
      kind: 'fmla',
      reason: 'own_health',
      schedule: 'continuous',
      startDate: '2027-12-06',
    });
    expect(unknown.status).toBe(404);
  });

  it('names the field when the form is wrong', async () => {
    const body = {
      staffId: ids.rosa,
      kind: 'fmla',
      reason: 'own_health',
      schedule: 'continuous',
      startDate: '2027-12-06',
    };
    const fieldsOf = async (over: Record<string, unknown>) => {
      const res = await as(manager)('POST', '/hr/leave-cases', { ...body, ...over });
      expect(res.status).toBe(400);
      return Object.fromEntries(
        res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
      );
    };
    expect(await fieldsOf({ kind: 'vacation' })).toEqual({ kind: 'Choose FMLA, ADA, state or other leave' });
    expect(await fieldsOf({ expectedReturnDate: '2027-11-30' })).toEqual({
      expectedReturnDate: 'The return date must come after the first day of leave',
    });
    expect(await fieldsOf({ hoursWorkedLast12Months: 9000 })).toEqual({
      hoursWorkedLast12Months: 'Hours worked are from 0 to 8,784 (a leap year)',
    });
  });
});
