import { addDays, daysBetween, daysInMonth, minutesOf } from '../time.ts';

/**
 * Payroll prep, the pure part: pay periods from the practice's schedule, hours worked per shift
 * (less late and early minutes; a no-show is 0), regular and overtime hours by FLSA workweek
 * (Monday–Sunday, over 40 hours is overtime, counted in the week's order even when a pay period
 * cuts the week) and the lines of a period per person. Money is in cents; hours round to 0.01.
 */

export type PayFrequency = 'weekly' | 'biweekly' | 'semimonthly';
export interface PaySchedule {
  frequency: PayFrequency;
  /** The first day of any one period (weekly and biweekly). */
  anchorDate?: string;
}
export interface Period {
  start: string;
  end: string;
}

export const PERIODS_PER_YEAR: Record<PayFrequency, number> = { weekly: 52, biweekly: 26, semimonthly: 24 };
export const OVERTIME_AFTER_HOURS = 40;

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The pay period holding `date`. */
export function periodOf(schedule: PaySchedule, date: string): Period {
  if (schedule.frequency === 'semimonthly') {
    const month = date.slice(0, 7);
    return Number(date.slice(8, 10)) <= 15
      ? { start: `${month}-01`, end: `${month}-15` }
      : { start: `${month}-16`, end: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
  }
  const length = schedule.frequency === 'weekly' ? 7 : 14;
  const anchor = schedule.anchorDate ?? '2026-01-05';
  const start = addDays(date, -mod(daysBetween(anchor, date), length));
  return { start, end: addDays(start, length - 1) };
}

/** The period before `p`. */
export const previousPeriod = (schedule: PaySchedule, p: Period): Period =>
  periodOf(schedule, addDays(p.start, -1));

/** Whether `start` opens a period under the schedule. */
export const isPeriodStart = (schedule: PaySchedule, start: string) =>
  periodOf(schedule, start).start === start;

/** `count` periods newest first, starting with the one holding `date`, skipping the first `skip`. */
export function periodsBack(schedule: PaySchedule, date: string, skip: number, count: number): Period[] {
  let p = periodOf(schedule, date);
  for (let i = 0; i < skip; i++) p = previousPeriod(schedule, p);
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    out.push(p);
    p = previousPeriod(schedule, p);
  }
  return out;
}

/** Monday of the workweek holding `date`. */
export const workweekOf = (date: string) =>
  addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** What attendance says of a shift. */
export interface AttendanceMark {
  lateMinutes?: number;
  earlyMinutes?: number;
  noShow?: boolean;
}

/** Hours worked on a shift: its length less the minutes late and left early; 0 for a no-show. */
export function shiftHours(s: { start: string; end: string }, a?: AttendanceMark): number {
  if (a?.noShow) return 0;
  const minutes = minutesOf(s.end) - minutesOf(s.start) - (a?.lateMinutes ?? 0) - (a?.earlyMinutes ?? 0);
  return round2(Math.max(0, minutes) / 60);
}

/**
 * Regular and overtime hours of the days inside `period`, from hours per day that may run past it
 * on both sides (give every day of the workweeks the period touches). Each workweek's days are
 * counted in order; the hours past 40 in the week are overtime on the day they fall, so a period
 * that ends mid-week keeps the regular hours of its days and the next period gets the overtime.
 */
export function regularAndOvertime(
  days: readonly { date: string; hours: number }[],
  period: Period,
): { regular: number; overtime: number } {
  const byDay = new Map<string, number>();
  for (const d of days) byDay.set(d.date, (byDay.get(d.date) ?? 0) + d.hours);
  let regular = 0;
  let overtime = 0;
  for (let monday = workweekOf(period.start); monday <= period.end; monday = addDays(monday, 7)) {
    let week = 0;
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      const hours = byDay.get(date) ?? 0;
      const reg = Math.max(0, Math.min(hours, OVERTIME_AFTER_HOURS - week));
      week += hours;
      if (date < period.start || date > period.end) continue;
      regular += reg;
      overtime += hours - reg;
    }
  }
  return { regular: round2(regular), overtime: round2(overtime) };
}

export interface PayrollPerson {
  staffId: string;
  name: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  pay?: { type: 'hourly' | 'salary'; rateCents: number };
}
export interface PayrollShift {
  id: string;
  staffId: string;
  date: string;
  start: string;
  end: string;
}
/** Hours of approved time off used on one day (a request already spread over its weekdays). */
export interface PayrollTimeOff {
  staffId: string;
  kind: 'pto' | 'sick';
  date: string;
  hours: number;
}
export interface PayrollLine {
  staffId: string;
  name: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  payType: 'hourly' | 'salary';
  /** Hourly rate, or the salary of one period, in cents; absent when no pay is on record. */
  rateCents?: number;
  regularHours: number;
  overtimeHours: number;
  ptoHours: number;
  sickHours: number;
  /** The sum of the manager's adjustment lines (already in regularHours). */
  adjustmentHours: number;
}

/**
 * Each person's line for the period. Hourly: hours from shifts (every workweek the period touches
 * must be given), overtime by workweek; salaried: the salary of one period, no hours counted.
 * Approved PTO and sick hours used on days of the period; adjustments
 * add to regular hours (never below 0).
 */
export function payrollLines(input: {
  period: Period;
  frequency: PayFrequency;
  people: readonly PayrollPerson[];
  shifts: readonly PayrollShift[];
  attendance: ReadonlyMap<string, AttendanceMark>;
  timeOff: readonly PayrollTimeOff[];
  adjustments: readonly { staffId: string; hours: number }[];
}): PayrollLine[] {
  const { period } = input;
  return input.people.map((p) => {
    const payType = p.pay?.type ?? 'hourly';
    const inPeriod = (d: { date: string }) => d.date >= period.start && d.date <= period.end;
    const used = (kind: 'pto' | 'sick') =>
      round2(
        input.timeOff
          .filter((r) => r.staffId === p.staffId && r.kind === kind)
          .filter(inPeriod)
          .reduce((s, u) => s + u.hours, 0),
      );
    const adjustmentHours = round2(
      input.adjustments.filter((a) => a.staffId === p.staffId).reduce((s, a) => s + a.hours, 0),
    );
    let regular = 0;
    let overtime = 0;
    if (payType === 'hourly') {
      const days = input.shifts
        .filter((s) => s.staffId === p.staffId)
        .map((s) => ({ date: s.date, hours: shiftHours(s, input.attendance.get(s.id)) }));
      ({ regular, overtime } = regularAndOvertime(days, period));
    }
    const rateCents =
      p.pay === undefined
        ? undefined
        : p.pay.type === 'hourly'
          ? p.pay.rateCents
          : Math.round(p.pay.rateCents / PERIODS_PER_YEAR[input.frequency]);
    return {
      staffId: p.staffId,
      name: p.name,
      firstName: p.firstName,
      lastName: p.lastName,
      jobTitle: p.jobTitle,
      payType,
      ...(rateCents !== undefined ? { rateCents } : {}),
      regularHours: round2(Math.max(0, regular + adjustmentHours)),
      overtimeHours: overtime,
      ptoHours: used('pto'),
      sickHours: used('sick'),
      adjustmentHours,
    };
  });
}

export interface PayrollTotals {
  regularHours: number;
  overtimeHours: number;
  ptoHours: number;
  sickHours: number;
}
export const payrollTotals = (lines: readonly PayrollLine[]): PayrollTotals => ({
  regularHours: round2(lines.reduce((s, l) => s + l.regularHours, 0)),
  overtimeHours: round2(lines.reduce((s, l) => s + l.overtimeHours, 0)),
  ptoHours: round2(lines.reduce((s, l) => s + l.ptoHours, 0)),
  sickHours: round2(lines.reduce((s, l) => s + l.sickHours, 0)),
});

const hoursText = (n: number) => n.toFixed(2);
const money = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));

/** The generic layout: one row per person, hours with two decimals, rate in dollars. */
export const GENERIC_HEADER = [
  'employee_id',
  'name',
  'period_start',
  'period_end',
  'regular_hours',
  'overtime_hours',
  'pto_hours',
  'sick_hours',
  'pay_type',
  'rate',
] as const;

export function genericRows(period: Period, lines: readonly PayrollLine[]): string[][] {
  return [
    [...GENERIC_HEADER],
    ...lines.map((l) => [
      l.staffId,
      l.name,
      period.start,
      period.end,
      hoursText(l.regularHours),
      hoursText(l.overtimeHours),
      hoursText(l.ptoHours),
      hoursText(l.sickHours),
      l.payType,
      money(l.rateCents),
    ]),
  ];
}

/**
 * Gusto's "Upload payroll data with a CSV" layout for a regular payroll (Gusto Help Center article
 * 999914471, "Upload payroll data with a CSV" / "Run payroll with CSV upload"): the employee is
 * matched by `last_name` and `first_name` (not case-sensitive), `title` tells apart the jobs of
 * someone with several pay rates; the article lists Regular hours and Overtime hours among the
 * fields a regular payroll takes, and Gusto takes paid time off as vacation and sick hours. Column
 * titles must match Gusto's template exactly: compare with the template Gusto offers on step 1 of
 * running payroll before the first upload (the hours columns here are named as that template
 * names them in our reading; column order does not matter to Gusto). Salaried people are listed
 * with their PTO and sick hours only (Gusto pays their salary itself).
 */
export const GUSTO_HEADER = [
  'last_name',
  'first_name',
  'title',
  'regular_hours',
  'overtime_hours',
  'pto_hours',
  'sick_hours',
] as const;

export function gustoRows(lines: readonly PayrollLine[]): string[][] {
  const hourly = (l: PayrollLine, n: number) => (l.payType === 'salary' ? '' : hoursText(n));
  return [
    [...GUSTO_HEADER],
    ...lines.map((l) => [
      l.lastName,
      l.firstName,
      l.jobTitle,
      hourly(l, l.regularHours),
      hourly(l, l.overtimeHours),
      hoursText(l.ptoHours),
      hoursText(l.sickHours),
    ]),
  ];
}
