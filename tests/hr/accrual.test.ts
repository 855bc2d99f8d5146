import { describe, expect, it } from 'vitest';
import {
  accrualRateText,
  balanceOn,
  isPayPeriodEnd,
  type ProjectionInput,
  projectBalance,
  type TimeOffPolicy,
} from '../../shared/hr/accrual.ts';

/**
 * Time-off accrual, every figure worked out by hand in the comment beside it. Sick leave here is
 * "1 hour per 30 worked"; PTO is so many hours per pay period at 1.0 FTE.
 */

const sick = (over: Partial<TimeOffPolicy> = {}): TimeOffPolicy => ({
  kind: 'sick',
  method: 'per_hour_worked',
  hoursPerHourWorked: 1 / 30,
  waitingPeriodDays: 0,
  planYearStart: '01-01',
  ...over,
});

const pto = (over: Partial<TimeOffPolicy> = {}): TimeOffPolicy => ({
  kind: 'pto',
  method: 'per_pay_period',
  hoursPerPeriod: 4,
  payPeriod: 'biweekly',
  payPeriodAnchor: '2027-01-08', // a Friday payday; periods end every 14 days from it
  waitingPeriodDays: 0,
  planYearStart: '01-01',
  ...over,
});

const input = (
  over: Partial<ProjectionInput> & Pick<ProjectionInput, 'policy' | 'target'>,
): ProjectionInput => ({
  hireDate: '2020-01-01',
  fte: 1,
  openingBalance: { date: '2027-01-01', hours: 0 },
  hoursWorked: [],
  used: [],
  ...over,
});

const week = (dates: string[], hours: number) => dates.map((date) => ({ date, hours }));

describe('projectBalance: per hour worked', () => {
  it('earns 1 hour per 30 worked, day by day, rounding only the figures shown', () => {
    const p = projectBalance(
      input({
        policy: sick(),
        openingBalance: { date: '2027-01-04', hours: 0 },
        hoursWorked: [
          ...week(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'], 8),
          { date: '2027-01-11', hours: 20 },
        ],
        target: '2027-01-11',
      }),
    );
    // 40 + 20 = 60 hours worked / 30 = 2 hours; the unrounded 8/30s add up exactly.
    expect(p.balance).toBe(2);
    // Each 8-hour day: 8/30 = 0.2667 → 0.27 shown; after 2 days 16/30 = 0.5333 → 0.53.
    expect(p.ledger[1]).toEqual({ date: '2027-01-04', kind: 'accrual', hours: 0.27, balance: 0.27 });
    expect(p.ledger[2]!.balance).toBe(0.53);
    // After the week: 40/30 = 1.3333 → 1.33; Monday's 20/30 = 0.6667 → 0.67.
    expect(p.ledger[5]!.balance).toBe(1.33);
    expect(p.ledger[6]).toEqual({ date: '2027-01-11', kind: 'accrual', hours: 0.67, balance: 2 });
    expect(p.ledger[0]).toEqual({ date: '2027-01-04', kind: 'opening', hours: 0, balance: 0 });
    expect(p.cappedHours).toBe(0);
    expect(p.overdrawnOn).toBeNull();
  });

  it('stops at the yearly cap mid-year and starts again in the next plan year', () => {
    const p = projectBalance(
      input({
        policy: sick({ yearlyCapHours: 35 }),
        hoursWorked: [
          { date: '2027-01-31', hours: 300 }, // 300/30 = 10 → accrued 10
          { date: '2027-02-28', hours: 300 }, // +10 → 20
          { date: '2027-03-31', hours: 300 }, // +10 → 30
          { date: '2027-04-30', hours: 300 }, // 10 earned, 35 − 30 = 5 room → +5, 5 capped
          { date: '2027-05-31', hours: 300 }, // 0 room → 10 capped
          { date: '2028-01-31', hours: 300 }, // new plan year on 2028-01-01: +10 → 45
        ],
        target: '2028-01-31',
      }),
    );
    const byDate = Object.fromEntries(p.ledger.map((e) => [e.date, e]));
    expect(byDate['2027-04-30']).toEqual({
      date: '2027-04-30',
      kind: 'accrual',
      hours: 5,
      balance: 35,
      cappedHours: 5,
    });
    expect(byDate['2027-05-31']).toMatchObject({ hours: 0, balance: 35, cappedHours: 10 });
    // Carryover unlimited: 35 + 10 = 45.
    expect(p.balance).toBe(45);
    expect(p.cappedHours).toBe(15); // 5 + 10
    // Opening mid-year: the hours already accrued this plan year count towards the cap.
    const midYear = input({
      policy: sick({ yearlyCapHours: 35 }),
      openingBalance: { date: '2027-04-01', hours: 12, accruedThisPlanYear: 30 },
      hoursWorked: [{ date: '2027-04-30', hours: 300 }],
      target: '2027-04-30',
    });
    expect(balanceOn(midYear, '2027-04-30')).toBe(17); // 10 earned, room 35 − 30 = 5: 12 + 5
  });

  it('does not accrue on hours worked during a 90-day waiting period', () => {
    // Hired Monday 2027-01-04; + 90 days = 2027-04-04 (27 days to Jan 31, 28 in Feb, 31 in Mar, 4 in Apr).
    const p = projectBalance(
      input({
        policy: sick({ waitingPeriodDays: 90 }),
        hireDate: '2027-01-04',
        openingBalance: { date: '2027-01-04', hours: 0 },
        hoursWorked: [
          { date: '2027-01-04', hours: 30 }, // hire day, in the wait: nothing
          { date: '2027-03-01', hours: 30 }, // still in the wait: nothing
          { date: '2027-04-03', hours: 15 }, // day 89: nothing
          { date: '2027-04-04', hours: 15 }, // day 90: 15/30 = 0.5
        ],
        target: '2027-04-30',
      }),
    );
    expect(p.balance).toBe(0.5);
    expect(p.ledger.filter((e) => e.kind === 'accrual').map((e) => e.date)).toEqual(['2027-04-04']);
  });

  it('projects a future date from expected weekly hours, less the hours taken off', () => {
    const p = projectBalance(
      input({
        policy: sick(),
        openingBalance: { date: '2027-01-04', hours: 5 },
        // Actual: Mon–Fri 01-04..01-08 at 8 h = 40 h → 40/30 = 1.3333.
        hoursWorked: week(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'], 8),
        // Expected after 01-08: 30 h/week = 6 h each weekday.
        expectedWeeklyHours: 30,
        // A full day off on Wed 01-20: 6 − 6 = 0 hours worked that day.
        used: [{ date: '2027-01-20', hours: 6 }],
        target: '2027-01-22',
      }),
    );
    // Weekdays 01-11..01-15 and 01-18..01-22 = 10, less 01-20 = 9 × 6 = 54 h → 54/30 = 1.8.
    // 5 + 1.3333 + 1.8 − 6 = 2.1333 → 2.13.
    expect(p.balance).toBe(2.13);
    // The weekend 01-09/01-10 earns nothing: the first expected accrual is Monday 01-11 (6/30 = 0.2).
    const future = p.ledger.filter((e) => e.kind === 'accrual' && e.date > '2027-01-08');
    expect(future[0]).toMatchObject({ date: '2027-01-11', hours: 0.2 });
    expect(future.map((e) => e.date)).not.toContain('2027-01-20');
  });
});

describe('projectBalance: per pay period', () => {
  it('credits biweekly periods on their end dates', () => {
    // Ends on or after 2027-01-01: 01-08, 01-22, 02-05, 02-19 (every 14 days from the anchor).
    const base = input({
      policy: pto(),
      openingBalance: { date: '2027-01-01', hours: 10 },
      target: '2027-02-19',
    });
    const p = projectBalance(base);
    expect(p.ledger.filter((e) => e.kind === 'accrual').map((e) => e.date)).toEqual([
      '2027-01-08',
      '2027-01-22',
      '2027-02-05',
      '2027-02-19',
    ]);
    expect(p.balance).toBe(26); // 10 + 4 × 4
    expect(balanceOn(base, '2027-02-18')).toBe(22); // 10 + 3 × 4: the 02-19 period not ended yet
    // The anchor works backwards too: 2026-12-25 is 14 days before it.
    expect(isPayPeriodEnd('2026-12-25', 'biweekly', '2027-01-08')).toBe(true);
    expect(isPayPeriodEnd('2027-01-01', 'biweekly', '2027-01-08')).toBe(false);
    expect(isPayPeriodEnd('2027-01-01', 'weekly', '2027-01-08')).toBe(true);
  });

  it('credits semimonthly periods on the 15th and the month’s last day', () => {
    const p = projectBalance(
      input({ policy: pto({ payPeriod: 'semimonthly', hoursPerPeriod: 5 }), target: '2027-03-31' }),
    );
    expect(p.ledger.filter((e) => e.kind === 'accrual').map((e) => e.date)).toEqual([
      '2027-01-15',
      '2027-01-31',
      '2027-02-15',
      '2027-02-28',
      '2027-03-15',
      '2027-03-31',
    ]);
    expect(p.balance).toBe(30); // 6 × 5
  });

  it('prorates per-period accrual for a 0.6 FTE employee', () => {
    const p = projectBalance(input({ policy: pto(), fte: 0.6, target: '2027-02-19' }));
    // 4 × 0.6 = 2.4 per period; 4 periods (01-08, 01-22, 02-05, 02-19) = 9.6.
    expect(p.balance).toBe(9.6);
  });

  it('prorates the period the waiting period ends in by its days', () => {
    // Hired 2027-01-04 + 90 days = 2027-04-04. The period ending 04-16 runs 04-03..04-16 (14 days),
    // 13 of them from 04-04: 4 × 13/14 = 3.7143; the 04-30 period is whole: 3.7143 + 4 = 7.7143 → 7.71.
    const p = projectBalance(
      input({
        policy: pto({ waitingPeriodDays: 90 }),
        hireDate: '2027-01-04',
        openingBalance: { date: '2027-01-04', hours: 0 },
        target: '2027-04-30',
      }),
    );
    expect(p.ledger.filter((e) => e.kind === 'accrual').map((e) => [e.date, e.hours])).toEqual([
      ['2027-04-16', 3.71],
      ['2027-04-30', 4],
    ]);
    expect(p.balance).toBe(7.71);
  });

  it('pauses accrual at the balance cap and resumes once time off brings it down', () => {
    const p = projectBalance(
      input({
        policy: pto({ balanceCapHours: 10 }),
        openingBalance: { date: '2027-01-01', hours: 4 },
        used: [{ date: '2027-02-10', hours: 8 }],
        target: '2027-02-19',
      }),
    );
    expect(p.ledger.slice(1).map((e) => [e.date, e.kind, e.hours, e.balance, e.cappedHours])).toEqual([
      ['2027-01-08', 'accrual', 4, 8, undefined], // 4 + 4
      ['2027-01-22', 'accrual', 2, 10, 2], // room 10 − 8 = 2 of the 4
      ['2027-02-05', 'accrual', 0, 10, 4], // at the cap: all 4 lost
      ['2027-02-10', 'used', -8, 2, undefined], // 10 − 8
      ['2027-02-19', 'accrual', 4, 6, undefined], // room again: 2 + 4
    ]);
    expect(p.cappedHours).toBe(6); // 2 + 4
  });

  it('forfeits the balance above the carryover cap on the day the plan year starts', () => {
    const policy = pto({ payPeriod: 'monthly', hoursPerPeriod: 8, carryoverCapHours: 40 });
    const base = input({ policy, openingBalance: { date: '2027-12-01', hours: 50 }, target: '2028-01-01' });
    const p = projectBalance(base);
    // 50 + 8 on 12-31 = 58; on 2028-01-01 keep 40, forfeit 18.
    expect(p.ledger.slice(1)).toEqual([
      { date: '2027-12-31', kind: 'accrual', hours: 8, balance: 58 },
      { date: '2028-01-01', kind: 'forfeited', hours: -18, balance: 40 },
    ]);
    expect(p.balance).toBe(40);
    expect(balanceOn(base, '2027-12-31')).toBe(58);
  });

  it('use it or lose it: a carryover cap of 0 empties the balance, then accrual starts over', () => {
    const policy = pto({ payPeriod: 'monthly', hoursPerPeriod: 8, carryoverCapHours: 0 });
    const p = projectBalance(
      input({ policy, openingBalance: { date: '2027-12-01', hours: 50 }, target: '2028-01-31' }),
    );
    // 50 + 8 = 58 forfeited on 2028-01-01; 2028-01-31: 0 + 8 = 8.
    expect(p.ledger.find((e) => e.kind === 'forfeited')).toEqual({
      date: '2028-01-01',
      kind: 'forfeited',
      hours: -58,
      balance: 0,
    });
    expect(p.balance).toBe(8);
  });

  it('handles a plan year starting 03-01 across the 2028 leap day', () => {
    const policy = pto({
      payPeriod: 'monthly',
      hoursPerPeriod: 8,
      yearlyCapHours: 16,
      carryoverCapHours: 4,
      planYearStart: '03-01',
    });
    const base = input({ policy, openingBalance: { date: '2028-01-01', hours: 0 }, target: '2028-03-31' });
    expect(
      projectBalance(base)
        .ledger.slice(1)
        .map((e) => [e.date, e.kind, e.hours, e.balance]),
    ).toEqual([
      ['2028-01-31', 'accrual', 8, 8],
      ['2028-02-29', 'accrual', 8, 16], // Feb 2028 ends on the 29th; the yearly 16 is now reached
      ['2028-03-01', 'forfeited', -12, 4], // new plan year the day after the leap day: keep 4
      ['2028-03-31', 'accrual', 8, 12], // yearly cap reset on 03-01, so March accrues: 4 + 8
    ]);
    expect(balanceOn(base, '2028-02-28')).toBe(8); // not a month end in a leap year
    // In 2027 February ends on the 28th and 03-01 follows it directly.
    const p2027 = projectBalance({
      ...base,
      openingBalance: { date: '2027-01-01', hours: 0 },
      target: '2027-03-01',
    });
    expect(p2027.ledger.slice(1).map((e) => [e.date, e.kind, e.hours])).toEqual([
      ['2027-01-31', 'accrual', 8],
      ['2027-02-28', 'accrual', 8],
      ['2027-03-01', 'forfeited', -12],
    ]);
  });

  it('reports a negative balance from time off instead of refusing it', () => {
    const p = projectBalance(
      input({
        policy: pto(),
        openingBalance: { date: '2027-01-01', hours: 2 },
        used: [{ date: '2027-01-05', hours: 8 }],
        target: '2027-01-08',
      }),
    );
    // 2 − 8 = −6 on 01-05; + 4 on 01-08 = −2.
    expect(p.ledger[1]).toEqual({ date: '2027-01-05', kind: 'used', hours: -8, balance: -6 });
    expect(p.balance).toBe(-2);
    expect(p.overdrawnOn).toBe('2027-01-05');
  });

  it('refuses a target before the opening balance', () => {
    expect(() => projectBalance(input({ policy: pto(), target: '2026-12-31' }))).toThrow(RangeError);
  });
});

describe('accrualRateText', () => {
  it('describes a per-hour sick policy with caps', () => {
    expect(accrualRateText(sick({ yearlyCapHours: 40, carryoverCapHours: 40 }))).toBe(
      '1 hour for every 30 hours worked, up to 40 hours a year; up to 40 hours carry over',
    );
  });

  it('describes a per-period PTO policy with use-it-or-lose-it and a waiting period', () => {
    expect(accrualRateText(pto({ carryoverCapHours: 0, waitingPeriodDays: 90, balanceCapHours: 80 }))).toBe(
      '4 hours every two weeks (prorated for part-time); accrual pauses while the balance is at 80 hours; ' +
        'unused hours are lost when the plan year ends; starts 90 days after hire',
    );
  });
});
