import { describe, expect, it } from 'vitest';
import { coverage, gaps, type HourLoad, required, type ShiftSpan } from '../../shared/hr/coverage.ts';

/** Staffing rules against patient load, hour by hour: hand-computed cases. */

const hour = (h: number, booked: number, providers: number, date = '2027-05-03'): HourLoad => ({
  date,
  hour: h,
  booked,
  providers,
});
const shift = (
  staffId: string,
  staffRole: ShiftSpan['staffRole'],
  start: string,
  end: string,
): ShiftSpan => ({
  staffId,
  staffRole,
  date: '2027-05-03',
  start,
  end,
});

describe('required', () => {
  it('takes the strictest rule of the role', () => {
    const rules = [
      { staffRole: 'medical_assistant' as const, perProvider: 1 },
      { staffRole: 'medical_assistant' as const, minimum: 1 },
    ];
    // 3 providers × 1 = 3 beats the minimum of 1; with nobody in session the minimum still holds.
    expect(required(rules, 'medical_assistant', hour(9, 10, 3))).toBe(3);
    expect(required(rules, 'medical_assistant', hour(9, 0, 0))).toBe(1);
  });

  it('rounds a fraction per provider up: one nurse per two providers', () => {
    const rules = [{ staffRole: 'nurse' as const, perProvider: 0.5 }];
    // 3 × 0.5 = 1.5 → 2; 2 × 0.5 = 1 exactly (no float drift to 2).
    expect(required(rules, 'nurse', hour(9, 0, 3))).toBe(2);
    expect(required(rules, 'nurse', hour(9, 0, 2))).toBe(1);
  });

  it('applies a minimum only while more than N visits are booked', () => {
    const rules = [{ staffRole: 'front_desk' as const, minimum: 2, whenBookedOver: 6 }];
    expect(required(rules, 'front_desk', hour(9, 6, 1))).toBe(0);
    expect(required(rules, 'front_desk', hour(9, 7, 1))).toBe(2);
    // Another role's rules ask nothing of this one.
    expect(required(rules, 'medical_assistant', hour(9, 7, 1))).toBe(0);
  });
});

describe('coverage', () => {
  const rules = [
    { staffRole: 'medical_assistant' as const, perProvider: 1 },
    { staffRole: 'front_desk' as const, minimum: 2, whenBookedOver: 3 },
  ];

  it('counts a shift only for the hours it spans whole, and skips hours nobody works', () => {
    const load = [hour(7, 0, 0), hour(8, 2, 2), hour(9, 4, 2), hour(10, 1, 1)];
    const shifts = [
      shift('ma1', 'medical_assistant', '08:00', '12:00'),
      // Starts at 08:30: hour 8 is not covered by her, hours 9 and 10 are.
      shift('ma2', 'medical_assistant', '08:30', '11:00'),
      shift('fd1', 'front_desk', '07:00', '15:00'),
    ];
    const hours = coverage(rules, load, shifts, new Set());
    expect(hours.map((h) => h.hour)).toEqual([8, 9, 10]);
    const at = (h: number, role: string) =>
      hours.find((x) => x.hour === h)?.roles.find((r) => r.staffRole === role);
    expect(at(8, 'medical_assistant')).toEqual({
      staffRole: 'medical_assistant',
      required: 2,
      scheduled: 1,
      short: 1,
    });
    expect(at(9, 'medical_assistant')).toEqual({
      staffRole: 'medical_assistant',
      required: 2,
      scheduled: 2,
      short: 0,
    });
    // 4 booked > 3: two at the front desk, one on shift.
    expect(at(9, 'front_desk')).toEqual({ staffRole: 'front_desk', required: 2, scheduled: 1, short: 1 });
    expect(at(10, 'medical_assistant')).toEqual({
      staffRole: 'medical_assistant',
      required: 1,
      scheduled: 2,
      short: 0,
    });
    expect(gaps(hours).map((h) => h.hour)).toEqual([8, 9]);
  });

  it('does not count someone on approved time off that day, nor the same person twice', () => {
    const load = [hour(9, 0, 1)];
    const shifts = [
      shift('ma1', 'medical_assistant', '08:00', '10:00'),
      shift('ma1', 'medical_assistant', '09:00', '12:00'),
      shift('ma2', 'medical_assistant', '08:00', '17:00'),
    ];
    const off = new Set(['ma2|2027-05-03']);
    expect(coverage(rules, load, shifts, off)[0]?.roles[0]).toMatchObject({
      required: 1,
      scheduled: 1,
      short: 0,
    });
    const bothOff = new Set(['ma1|2027-05-03', 'ma2|2027-05-03']);
    expect(coverage(rules, load, shifts, bothOff)[0]?.roles[0]).toMatchObject({ scheduled: 0, short: 1 });
  });
});
