import { describe, expect, it } from 'vitest';
import {
  genericRows,
  gustoRows,
  payrollLines,
  periodOf,
  periodsBack,
  regularAndOvertime,
  shiftHours,
} from '../../shared/hr/payroll.ts';

/**
 * Payroll prep's arithmetic, every figure worked by hand. 2027-03-01 is a Monday; the biweekly
 * schedule's periods start on anchor 2027-03-01, so one runs 03-01..03-14 and the next 03-15..03-28.
 */

const person = (staffId: string, pay?: { type: 'hourly' | 'salary'; rateCents: number }) => ({
  staffId,
  name: `${staffId} Test`,
  firstName: staffId,
  lastName: 'Test',
  jobTitle: 'Medical assistant',
  ...(pay ? { pay } : {}),
});

describe('pay periods', () => {
  it('weekly and biweekly follow the anchor; semi-monthly is 1st–15th and 16th–end', () => {
    expect(periodOf({ frequency: 'weekly', anchorDate: '2027-03-01' }, '2027-03-10')).toEqual({
      start: '2027-03-08',
      end: '2027-03-14',
    });
    expect(periodOf({ frequency: 'biweekly', anchorDate: '2027-03-01' }, '2027-02-28')).toEqual({
      start: '2027-02-15',
      end: '2027-02-28',
    });
    expect(periodOf({ frequency: 'semimonthly' }, '2027-02-20')).toEqual({
      start: '2027-02-16',
      end: '2027-02-28',
    });
    expect(periodOf({ frequency: 'semimonthly' }, '2028-02-16').end).toBe('2028-02-29');
    expect(periodsBack({ frequency: 'semimonthly' }, '2027-03-02', 1, 2)).toEqual([
      { start: '2027-02-16', end: '2027-02-28' },
      { start: '2027-02-01', end: '2027-02-15' },
    ]);
  });
});

describe('hours of a shift', () => {
  it('less late and early minutes; a no-show is 0', () => {
    expect(shiftHours({ start: '08:00', end: '17:00' })).toBe(9);
    // 9 h less 25 min late = 515 min = 8.5833… → 8.58
    expect(shiftHours({ start: '08:00', end: '17:00' }, { lateMinutes: 25 })).toBe(8.58);
    // 8 h less 15 late and 45 early = 420 min = 7 h
    expect(shiftHours({ start: '09:00', end: '17:00' }, { lateMinutes: 15, earlyMinutes: 45 })).toBe(7);
    expect(shiftHours({ start: '08:00', end: '17:00' }, { noShow: true })).toBe(0);
  });
});

describe('overtime by workweek', () => {
  it('a 45-hour week: 40 regular, 5 overtime', () => {
    const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((date) => ({
      date,
      hours: 9,
    }));
    expect(regularAndOvertime(days, { start: '2027-03-01', end: '2027-03-14' })).toEqual({
      regular: 40,
      overtime: 5,
    });
  });

  it('a workweek cut by the period boundary: the week counts whole, each side keeps its own days', () => {
    // Semi-monthly cuts the workweek of Monday 2027-03-15 at 03-15 | 03-16. Mon 03-15 works 10 h; Tue–Fri
    // 03-16..03-19 work 10 h each (50 h in the week). Period 03-01..03-15 holds Monday: 10 regular.
    // Period 03-16..03-31 holds Tue–Fri: 40 h of which 30 regular (week total reaches 40 on
    // Thursday) and 10 overtime (Friday).
    const days = ['2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19'].map((date) => ({
      date,
      hours: 10,
    }));
    expect(regularAndOvertime(days, { start: '2027-03-01', end: '2027-03-15' })).toEqual({
      regular: 10,
      overtime: 0,
    });
    expect(regularAndOvertime(days, { start: '2027-03-16', end: '2027-03-31' })).toEqual({
      regular: 30,
      overtime: 10,
    });
  });

  it('overtime falling before the boundary stays in the earlier period', () => {
    // Mon–Thu 2027-03-08..03-11 at 12 h (48 h: overtime 8 on Thursday), Fri 03-12 at 4 h (overtime).
    // A period ending Thursday 03-11 gets 40 regular + 8 overtime; the next gets Friday's 4 overtime.
    const days = [
      { date: '2027-03-08', hours: 12 },
      { date: '2027-03-09', hours: 12 },
      { date: '2027-03-10', hours: 12 },
      { date: '2027-03-11', hours: 12 },
      { date: '2027-03-12', hours: 4 },
    ];
    expect(regularAndOvertime(days, { start: '2027-02-26', end: '2027-03-11' })).toEqual({
      regular: 40,
      overtime: 8,
    });
    expect(regularAndOvertime(days, { start: '2027-03-12', end: '2027-03-25' })).toEqual({
      regular: 0,
      overtime: 4,
    });
  });
});

describe('a period’s lines', () => {
  const period = { start: '2027-03-01', end: '2027-03-14' };
  const shifts = [
    // Ann, full time: week 1 Mon–Fri 08:00–17:00 (45 h) with 30 min late on Tuesday (44.5 h: 4.5 OT);
    ...['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((date, i) => ({
      id: `a${i}`,
      staffId: 'ann',
      date,
      start: '08:00',
      end: '17:00',
    })),
    // week 2: Mon 8 h, and a no-show on Tuesday (8 h scheduled, 0 worked).
    { id: 'a5', staffId: 'ann', date: '2027-03-08', start: '09:00', end: '17:00' },
    { id: 'a6', staffId: 'ann', date: '2027-03-09', start: '09:00', end: '17:00' },
    // Pat, part time: Mon, Wed, Fri 09:00–13:00 both weeks (24 h), 20 min early on Friday 03-12.
    ...['2027-03-01', '2027-03-03', '2027-03-05', '2027-03-08', '2027-03-10', '2027-03-12'].map(
      (date, i) => ({ id: `p${i}`, staffId: 'pat', date, start: '09:00', end: '13:00' }),
    ),
  ];
  const attendance = new Map([
    ['a1', { lateMinutes: 30 }],
    ['a6', { noShow: true }],
    ['p5', { earlyMinutes: 20 }],
  ]);

  it('hourly full time, part time and salaried, with PTO, sick and an adjustment', () => {
    const lines = payrollLines({
      period,
      frequency: 'biweekly',
      people: [
        person('ann', { type: 'hourly', rateCents: 2500 }),
        person('pat', { type: 'hourly', rateCents: 2000 }),
        person('sal', { type: 'salary', rateCents: 6_500_000 }),
      ],
      shifts,
      attendance,
      timeOff: [
        { staffId: 'ann', kind: 'pto', date: '2027-03-10', hours: 8 },
        { staffId: 'sal', kind: 'sick', date: '2027-03-02', hours: 4 },
        { staffId: 'sal', kind: 'pto', date: '2027-03-15', hours: 8 }, // after the period
      ],
      adjustments: [{ staffId: 'pat', hours: 1.5 }],
    });
    // Ann: week 1 44.5 h → 40 + 4.5; week 2 8 h → 8 regular. Total 48 regular, 4.5 overtime.
    // Pat: 24 h less 20 min = 23.67 h, plus 1.5 adjustment = 25.17 regular.
    // Sal: 6,500,000 / 26 = 250,000 cents a period; 4 sick hours.
    expect(lines.map((l) => [l.staffId, l.regularHours, l.overtimeHours, l.ptoHours, l.sickHours])).toEqual([
      ['ann', 48, 4.5, 8, 0],
      ['pat', 25.17, 0, 0, 0],
      ['sal', 0, 0, 0, 4],
    ]);
    expect(lines[2]!.rateCents).toBe(250_000);
    expect(genericRows(period, lines)[3]).toEqual([
      'sal',
      'sal Test',
      '2027-03-01',
      '2027-03-14',
      '0.00',
      '0.00',
      '0.00',
      '4.00',
      'salary',
      '2500.00',
    ]);
    expect(gustoRows(lines)[1]).toEqual([
      'Test',
      'ann',
      'Medical assistant',
      '48.00',
      '4.50',
      '8.00',
      '0.00',
    ]);
    expect(gustoRows(lines)[3]).toEqual(['Test', 'sal', 'Medical assistant', '', '', '0.00', '4.00']);
  });
});
