import { describe, expect, it } from 'vitest';
import {
  adaCovered,
  addMonthsToDate,
  fmlaEligibility,
  fmlaUsage,
  wholeMonthsBetween,
} from '../../shared/hr/leave-eligibility.ts';

/**
 * FMLA: 50+ employees within 75 miles, 12 months of service (not necessarily consecutive) and
 * 1,250 hours in the 12 months before leave; 12 workweeks of leave per 12-month period.
 * ADA: employers of 15 or more. Figures worked out by hand beside each expectation.
 */

const eligibleBase = {
  employeesWithin75Miles: 60,
  hireDate: '2025-01-01',
  asOf: '2026-06-01', // 17 whole months after hire
  hoursWorkedLast12Months: 1500,
};
const met = (r: ReturnType<typeof fmlaEligibility>) =>
  Object.fromEntries(r.reasons.map((x) => [x.rule, x.met]));

describe('fmlaEligibility', () => {
  it('needs 50 employees within 75 miles: 49 is not enough, 50 is', () => {
    const small = fmlaEligibility({ ...eligibleBase, employeesWithin75Miles: 49 });
    expect(small.eligible).toBe(false);
    expect(met(small)).toEqual({ employer_size: false, months_of_service: true, hours_worked: true });
    expect(small.reasons[0]!.detail).toBe(
      'The employer has 49 employees within 75 miles; FMLA needs at least 50.',
    );
    expect(fmlaEligibility({ ...eligibleBase, employeesWithin75Miles: 50 }).eligible).toBe(true);
  });

  it('needs 12 months of service: 11 is not enough, 12 is, and earlier service counts', () => {
    // Hired 2025-06-02: on 2026-06-01 the 12th month is one day short → 11.
    const eleven = fmlaEligibility({ ...eligibleBase, hireDate: '2025-06-02' });
    expect(eleven.eligible).toBe(false);
    expect(met(eleven).months_of_service).toBe(false);
    expect(eleven.reasons[1]!.detail).toBe('The employee has 11 months of service; FMLA needs at least 12.');
    // 2025-06-02 + 12 months = 2026-06-02 → 12.
    expect(fmlaEligibility({ ...eligibleBase, hireDate: '2025-06-02', asOf: '2026-06-02' }).eligible).toBe(
      true,
    );
    // 11 now + 1 month with this employer before = 12.
    const rehire = fmlaEligibility({ ...eligibleBase, hireDate: '2025-06-02', priorEmploymentMonths: 1 });
    expect(rehire.eligible).toBe(true);
    expect(rehire.reasons[1]!.detail).toBe(
      'The employee has 12 months of service (11 now plus 1 earlier); FMLA needs at least 12.',
    );
  });

  it('needs 1,250 hours in the last 12 months: 1,249 is not enough, 1,250 is', () => {
    const short = fmlaEligibility({ ...eligibleBase, hoursWorkedLast12Months: 1249 });
    expect(short.eligible).toBe(false);
    expect(met(short)).toEqual({ employer_size: true, months_of_service: true, hours_worked: false });
    expect(short.reasons[2]!.detail).toBe(
      'The employee worked 1,249 hours in the 12 months before leave; FMLA needs at least 1,250.',
    );
    expect(fmlaEligibility({ ...eligibleBase, hoursWorkedLast12Months: 1250 }).eligible).toBe(true);
  });

  it('counts months of service calendar-wise, clamping to short months', () => {
    expect(wholeMonthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-28')).toBe(1); // Jan 31 + 1 month = Feb 28
    expect(wholeMonthsBetween('2026-06-01', '2025-06-01')).toBe(0); // before hire
    expect(addMonthsToDate('2028-02-29', -12)).toBe('2027-02-28');
  });
});

describe('adaCovered', () => {
  it('covers employers of 15 or more: 14 is not, 15 is', () => {
    expect(adaCovered(14)).toEqual({
      covered: false,
      detail: 'With 14 employees the employer is not covered by the ADA (it needs 15 or more).',
    });
    expect(adaCovered(15)).toEqual({
      covered: true,
      detail: 'With 15 employees the employer is covered by the ADA (15 or more).',
    });
  });
});

describe('fmlaUsage', () => {
  // Mon 2027-03-01 .. Fri 2027-03-26: 4 weeks = 20 weekdays.
  const fourWeeks = { start: '2027-03-01', end: '2027-03-26' };
  const threeMornings = [
    { date: '2027-04-05', hours: 4 },
    { date: '2027-04-12', hours: 4 },
    { date: '2027-04-19', hours: 4 },
  ];

  it('full time: 4 weeks continuous plus 3 × 4 hours intermittent out of 480 hours', () => {
    const u = fmlaUsage({
      method: 'rolling_backward',
      periods: [fourWeeks],
      intermittent: threeMornings,
      workweekHours: 40,
      asOf: '2027-05-03',
    });
    // 12 × 40 = 480; 20 days × 8 = 160 + 12 = 172 used; 480 − 172 = 308; 172 / 40 = 4.3 weeks.
    expect(u).toMatchObject({
      entitlementHours: 480,
      usedHours: 172,
      remainingHours: 308,
      weeksUsed: 4.3,
      exhausted: false,
    });
  });

  it('part time at 20 hours a week: 240 hours, continuous days at 4 hours', () => {
    const u = fmlaUsage({
      method: 'rolling_backward',
      periods: [fourWeeks],
      intermittent: threeMornings,
      workweekHours: 20,
      asOf: '2027-05-03',
    });
    // 12 × 20 = 240; 20 days × 20/5 = 80 + 12 = 92; 240 − 92 = 148; 92 / 20 = 4.6 weeks.
    expect(u).toMatchObject({ entitlementHours: 240, usedHours: 92, remainingHours: 148, weeksUsed: 4.6 });
  });

  it('counts continuous leave on weekdays only, at hoursPerDay when given', () => {
    // Fri 2027-03-05 .. Mon 2027-03-08: Fri + Mon = 2 weekdays × 6 = 12.
    const u = fmlaUsage({
      method: 'calendar_year',
      periods: [{ start: '2027-03-05', end: '2027-03-08', hoursPerDay: 6 }],
      workweekHours: 40,
      asOf: '2027-03-31',
    });
    expect(u.usedHours).toBe(12);
  });

  it('rolling backward drops leave older than 12 months', () => {
    const periods = [
      { start: '2026-04-06', end: '2026-04-10' }, // Mon–Fri: 5 × 8 = 40
      { start: '2027-03-01', end: '2027-03-05' }, // Mon–Fri: 5 × 8 = 40
    ];
    // asOf 2027-04-08: window 2026-04-09..2027-04-08 keeps 04-09 and 04-10: 16 + 40 = 56.
    const partly = fmlaUsage({ method: 'rolling_backward', periods, workweekHours: 40, asOf: '2027-04-08' });
    expect(partly.window).toEqual({ start: '2026-04-09', end: '2027-04-08' });
    expect(partly.usedHours).toBe(56);
    // asOf 2027-04-11: window from 2026-04-12, the 2026 leave is all out: 40.
    expect(
      fmlaUsage({ method: 'rolling_backward', periods, workweekHours: 40, asOf: '2027-04-11' }).usedHours,
    ).toBe(40);
  });

  it('calendar year starts afresh on January 1', () => {
    const leave = {
      periods: [{ start: '2026-12-14', end: '2026-12-18' }], // Mon–Fri: 40
      intermittent: [{ date: '2027-01-04', hours: 4 }],
      workweekHours: 40,
    };
    expect(fmlaUsage({ method: 'calendar_year', ...leave, asOf: '2026-12-31' }).usedHours).toBe(40);
    const jan = fmlaUsage({ method: 'calendar_year', ...leave, asOf: '2027-01-15' });
    expect(jan.usedHours).toBe(4); // 2026 no longer counts
    expect(jan.remainingHours).toBe(476); // 480 − 4
  });

  it('fixed from first use: 12 months from the first leave day, then from the next leave after', () => {
    const leave = {
      intermittent: [
        { date: '2026-06-15', hours: 8 }, // opens 2026-06-15..2027-06-14
        { date: '2027-06-01', hours: 8 },
        { date: '2027-06-16', hours: 4 }, // after it closed: opens 2027-06-16..2028-06-15
      ],
      workweekHours: 40,
    };
    const first = fmlaUsage({ method: 'fixed_from_first_use', ...leave, asOf: '2027-06-10' });
    expect(first.window).toEqual({ start: '2026-06-15', end: '2027-06-14' });
    expect(first.usedHours).toBe(16); // 8 + 8
    const second = fmlaUsage({ method: 'fixed_from_first_use', ...leave, asOf: '2027-06-20' });
    expect(second.window).toEqual({ start: '2027-06-16', end: '2028-06-15' });
    expect(second.usedHours).toBe(4);
    // Between the two: the first window closed, no new leave yet.
    expect(fmlaUsage({ method: 'fixed_from_first_use', ...leave, asOf: '2027-06-15' })).toMatchObject({
      usedHours: 0,
      window: null,
    });
  });

  it('is exhausted at exactly 12 workweeks', () => {
    // Mon 2027-01-04 .. Fri 2027-03-26 = 12 weeks × 5 × 8 = 480 = the entitlement.
    const u = fmlaUsage({
      method: 'calendar_year',
      periods: [{ start: '2027-01-04', end: '2027-03-26' }],
      workweekHours: 40,
      asOf: '2027-04-01',
    });
    expect(u).toMatchObject({ usedHours: 480, remainingHours: 0, weeksUsed: 12, exhausted: true });
    // A day short (ending Thu 03-25): 472, 8 left, 11.8 weeks.
    expect(
      fmlaUsage({
        method: 'calendar_year',
        periods: [{ start: '2027-01-04', end: '2027-03-25' }],
        workweekHours: 40,
        asOf: '2027-04-01',
      }),
    ).toMatchObject({ usedHours: 472, remainingHours: 8, weeksUsed: 11.8, exhausted: false });
  });

  it('does not count leave scheduled after asOf', () => {
    const u = fmlaUsage({
      method: 'calendar_year',
      periods: [fourWeeks],
      workweekHours: 40,
      asOf: '2027-03-12',
    });
    expect(u.usedHours).toBe(80); // 03-01..03-12 = 10 weekdays × 8
  });
});
