import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  estimatedHoursWorked,
  fmlaCounter,
  leaveKeyDates,
  stretchHours,
} from '../../shared/hr/leave-cases.ts';

/** A leave case's arithmetic, each figure worked out by hand beside it. */

describe('key dates', () => {
  it('counts the notice in business days and the certification in calendar days', () => {
    // Thu 2026-12-03 + 5 business days: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10.
    expect(leaveKeyDates('2026-12-03')).toEqual({
      designationNotice: '2026-12-10',
      certification: '2026-12-18',
    });
    // A request on a Saturday: Mon 7 … Fri 11.
    expect(addBusinessDays('2026-12-05', 5)).toBe('2026-12-11');
    // Over a year end: Wed 2026-12-30 → Thu 31, Fri 1, Mon 4, Tue 5, Wed 6.
    expect(addBusinessDays('2026-12-30', 5)).toBe('2027-01-06');
  });
});

describe('stretchHours', () => {
  it('counts the weekdays of a stretch and any single day', () => {
    // Mon 2026-12-07 to Sun 2026-12-20: ten weekdays of 8 hours.
    expect(stretchHours({ start: '2026-12-07', end: '2026-12-20', hoursPerDay: 8 })).toBe(80);
    // A Saturday logged on its own counts (an intermittent absence from a weekend shift).
    expect(stretchHours({ start: '2026-12-12', end: '2026-12-12', hoursPerDay: 4 })).toBe(4);
    // A weekend-only stretch has no weekdays.
    expect(stretchHours({ start: '2026-12-12', end: '2026-12-13', hoursPerDay: 8 })).toBe(0);
    // Reduced schedule: 2.5 hours a day over Mon–Wed.
    expect(stretchHours({ start: '2026-12-07', end: '2026-12-09', hoursPerDay: 2.5 })).toBe(7.5);
  });
});

describe('estimatedHoursWorked', () => {
  it('is 2,080 hours a full-time year, prorated by FTE and by months served under twelve', () => {
    expect(estimatedHoursWorked(1, '2020-01-15', '2026-12-01')).toBe(2080);
    expect(estimatedHoursWorked(0.5, '2020-01-15', '2026-12-01')).toBe(1040);
    // Hired 2026-03-01, leave from 2026-12-01: nine whole months → 2080 × 9/12 = 1560.
    expect(estimatedHoursWorked(1, '2026-03-01', '2026-12-01')).toBe(1560);
    // 0.6 FTE for 12+ months: 1248 — two hours short of FMLA's 1,250.
    expect(estimatedHoursWorked(0.6, '2024-01-01', '2026-12-01')).toBe(1248);
  });
});

describe('fmlaCounter', () => {
  it('adds up every stretch in the 12 months back from the day, and keeps later days as scheduled', () => {
    const counter = fmlaCounter(
      [
        // Two weeks continuous (80 h) a year and a half ago: outside the window.
        { start: '2025-06-02', end: '2025-06-13', hoursPerDay: 8 },
        // Mon 2026-11-02 to Fri 2026-11-13: 10 weekdays × 8 = 80 h.
        { start: '2026-11-02', end: '2026-11-13', hoursPerDay: 8 },
        // Two intermittent half days: 4 + 4.
        { start: '2026-11-20', end: '2026-11-20', hoursPerDay: 4 },
        { start: '2026-11-27', end: '2026-11-27', hoursPerDay: 4 },
        // Scheduled: Mon 2026-12-07 to Fri 2026-12-11, 5 × 8 = 40 h after today.
        { start: '2026-12-07', end: '2026-12-11', hoursPerDay: 8 },
      ],
      40,
      '2026-12-02',
    );
    // Used 80 + 8 = 88 of 480 (12 × 40): 2.2 weeks; 392 left.
    expect(counter).toMatchObject({
      entitlementHours: 480,
      usedHours: 88,
      remainingHours: 392,
      weeksUsed: 2.2,
      scheduledHours: 40,
      exhausted: false,
      window: { start: '2025-12-03', end: '2026-12-02' },
    });
  });

  it('counts a stretch that runs past today only up to today, the rest as scheduled; a part-timer’s weeks are theirs', () => {
    // 20-hour workweek (0.5 FTE): entitlement 240 h. Mon 2026-11-30 to Fri 2026-12-04 at 4 h a day:
    // Mon, Tue, Wed (today) used = 12 h; Thu, Fri scheduled = 8 h.
    const counter = fmlaCounter(
      [{ start: '2026-11-30', end: '2026-12-04', hoursPerDay: 4 }],
      20,
      '2026-12-02',
    );
    expect(counter).toMatchObject({
      entitlementHours: 240,
      usedHours: 12,
      scheduledHours: 8,
      weeksUsed: 0.6,
    });
  });
});
