import { beforeAll, describe, expect, it } from 'vitest';
import { directoryFigures, hourlyValue, hrMetrics, overtimeShare } from '../../functions/hr/hr-metrics.ts';
import type { StoredStaff } from '../../functions/hr/staff.repo.ts';
import { systemDb } from '../../functions/platform/db/system-db.ts';
import { LOCATION } from '../security/modules/tenants.ts';
import { createTestApp, type Session, signUpPractice, type TestApp, testClock } from '../support/app.ts';

/** HR's monthly metrics: hand-computed from a small directory, and through DynamoDB Local. */

const person = (over: Partial<StoredStaff>): StoredStaff => ({
  id: 'x',
  firstName: 'A',
  lastName: 'B',
  jobTitle: 'MA',
  staffRole: 'medical_assistant',
  locationIds: [],
  hireDate: '2020-01-01',
  employmentType: 'full_time',
  fte: 1,
  credentials: [],
  status: 'active',
  version: 1,
  updatedAt: '',
  ...over,
});

describe('directory figures (hand-computed)', () => {
  it('support staff per provider FTE, and turnover over the average headcount', () => {
    const staff = [
      person({ id: 'p1', staffRole: 'provider' }),
      person({ id: 'p2', staffRole: 'provider', fte: 0.5 }),
      person({ id: 's1' }),
      person({ id: 's2', fte: 0.6 }),
      person({ id: 's3', staffRole: 'front_desk' }),
      // Left on March 10: employed on March 1, not on March 31.
      person({ id: 's4', staffRole: 'front_desk', status: 'ended', endDate: '2027-03-10' }),
      // Hired on March 15: employed on March 31 only.
      person({ id: 's5', staffRole: 'nurse', hireDate: '2027-03-15' }),
    ];
    const f = directoryFigures(staff, '2027-03');
    // Support on March 31: s1 1 + s2 0.6 + s3 1 + s5 1 = 3.6; providers 1.5 → 2.4.
    expect(f.staffPerProvider).toBe(2.4);
    // Headcount: March 1 has p1 p2 s1 s2 s3 s4 = 6, March 31 has p1 p2 s1 s2 s3 s5 = 6 → 6; one left → 1/6.
    expect(f.turnover).toBe(0.1667);
    expect(directoryFigures(staff, '2027-04').turnover).toBe(0);
  });

  it('values an hour of time off at the hourly rate or the salary over 2,080 hours', () => {
    expect(hourlyValue({ pay: { type: 'hourly', rateCents: 2150 } })).toBe(21.5);
    expect(hourlyValue({ pay: { type: 'salary', rateCents: 5_200_000 } })).toBe(25);
    expect(hourlyValue({})).toBe(0);
  });
});

describe('overtime share (hand-computed)', () => {
  const hourly = { id: 'h', pay: { type: 'hourly' as const, rateCents: 2000 } };
  const salaried = { id: 's', pay: { type: 'salary' as const, rateCents: 5_000_000 } };
  const shift = (id: string, staffId: string, date: string, start = '07:00', end = '17:00') => ({
    id,
    staffId,
    date,
    start,
    end,
  });

  it('counts the hours past 40 in each workweek on the day they fall, split at the month’s end', () => {
    // Mon 2027-03-29 to Fri 2027-04-02, ten hours a day. March holds Mon–Wed (30 h, all regular);
    // April holds Thu (10 regular, reaching 40) and Fri (10 overtime).
    const shifts = ['2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'].map((d, i) =>
      shift(`x${i}`, 'h', d),
    );
    // The salaried person's long days are not counted (exempt from overtime).
    const theirs = ['2027-04-05', '2027-04-06', '2027-04-07', '2027-04-08', '2027-04-09'].map((d, i) =>
      shift(`y${i}`, 's', d, '06:00', '18:00'),
    );
    expect(overtimeShare([hourly, salaried], [...shifts, ...theirs], new Map(), '2027-03')).toBe(0);
    // April: 20 hours worked, 10 of them overtime.
    expect(overtimeShare([hourly, salaried], [...shifts, ...theirs], new Map(), '2027-04')).toBe(0.5);
  });

  it('takes attendance off the hours: a no-show and a late start can remove the overtime', () => {
    const shifts = ['2027-04-05', '2027-04-06', '2027-04-07', '2027-04-08', '2027-04-09'].map((d, i) =>
      shift(`z${i}`, 'h', d, '08:00', '17:30'),
    );
    // 5 × 9.5 = 47.5 h: 7.5 overtime of 47.5 = 0.1579.
    expect(overtimeShare([hourly], shifts, new Map(), '2027-04')).toBe(0.1579);
    // 90 minutes late on Friday: 46 h, 6 overtime → 0.1304. A no-show on Monday: 36.5 h, none.
    expect(overtimeShare([hourly], shifts, new Map([['z4', { lateMinutes: 90 }]]), '2027-04')).toBe(0.1304);
    expect(overtimeShare([hourly], shifts, new Map([['z0', { noShow: true }]]), '2027-04')).toBe(0);
    expect(overtimeShare([hourly], [], new Map(), '2027-04')).toBeNull();
  });
});

describe('the monthly snapshot (DynamoDB Local)', () => {
  const clock = testClock();
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    clock.set(Date.parse('2027-04-10T15:00:00Z'));
    t = await createTestApp({ clock });
    owner = await signUpPractice(t, 'Metrics Practice');
    const loc = (await t.call('POST', '/api/locations', { token: owner.token, json: LOCATION })).body;
    const add = async (json: Record<string, unknown>, opening: number) => {
      const res = await t.call('POST', '/api/hr/staff', {
        token: owner.token,
        json: {
          lastName: 'Metric',
          jobTitle: 'Team',
          locationIds: [loc.id],
          employmentType: 'full_time',
          fte: 1,
          credentials: [],
          ...json,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const set = await t.call('PUT', `/api/hr/time-off/balances/${res.body.id}/opening`, {
        token: owner.token,
        json: { pto: { date: '2027-03-01', hours: opening } },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      return res.body.id as string;
    };
    // Hired on March 1: PTO waits 90 days, so each balance on March 31 is what was carried in.
    const hana = await add(
      {
        firstName: 'Hana',
        staffRole: 'medical_assistant',
        hireDate: '2027-03-01',
        pay: { type: 'hourly', rateCents: 2000 },
      },
      10,
    );
    await add(
      {
        firstName: 'Sal',
        staffRole: 'manager',
        hireDate: '2027-03-01',
        pay: { type: 'salary', rateCents: 5_200_000 },
      },
      8,
    );
    await add({ firstName: 'Dr', staffRole: 'provider', hireDate: '2027-03-01' }, 40);
    // Hana works Mon 2027-03-01 to Fri 03-05, nine hours a day: 45 hours, 5 past 40.
    for (const date of ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']) {
      const shift = await t.call('POST', '/api/hr/shifts', {
        token: owner.token,
        json: { staffId: hana, locationId: loc.id, date, start: '08:00', end: '17:00' },
      });
      expect(shift.status, JSON.stringify(shift.body)).toBe(201);
    }
  });

  it("stores March's figures: 2 support per provider, no turnover, 10 h × $20 + 8 h × $25 of PTO, 5 of 45 hours overtime", async () => {
    const db = systemDb(t.platform, owner.tenantId, { id: 'metric-snapshots', name: 'Monthly metrics' });
    const march = await hrMetrics.computeMonth(db, '2027-03');
    expect(march).toEqual({
      'hr.staff_per_physician': { value: 2 },
      'hr.turnover': { value: 0 },
      // The provider has no pay on record: their hours are not valued.
      'hr.time_off_liability': { value: 400 },
      // 5 overtime hours of 45.
      'hr.overtime_share': { value: 0.1111 },
    });
    expect(await hrMetrics.computeMonth(db, '2027-02')).toBe('before-start');
  });
});
