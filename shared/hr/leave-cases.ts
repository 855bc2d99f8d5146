import { addDays } from '../time.ts';
import { type FmlaUsage, fmlaUsage, wholeMonthsBetween } from './leave-eligibility.ts';

/**
 * The arithmetic of a leave case: key dates counted from the request, the hours in a logged entry,
 * an hours-worked estimate when payroll has no figure, and the FMLA 12 weeks over a person's cases.
 */

const isWeekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/** `date` plus `n` business days (weekends skipped; federal holidays are not known here). */
export function addBusinessDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWeekday(d)) left--;
  }
  return d;
}

/** The FMLA designation notice is due 5 business days after the request; certification 15 days after. */
export function leaveKeyDates(requestedOn: string): { designationNotice: string; certification: string } {
  return { designationNotice: addBusinessDays(requestedOn, 5), certification: addDays(requestedOn, 15) };
}

/** A logged stretch of leave: one day (any day, at its hours) or every weekday from start to end. */
export interface LeaveStretch {
  start: string;
  end: string;
  hoursPerDay: number;
}

const round2 = (n: number) => Math.round(n * 100 + 1e-7) / 100;

/** The hours a stretch counts: a single day counts whatever day it is; longer ones their weekdays. */
export function stretchHours(s: LeaveStretch): number {
  if (s.start === s.end) return s.hoursPerDay;
  let days = 0;
  for (let d = s.start; d <= s.end; d = addDays(d, 1)) if (isWeekday(d)) days++;
  return round2(days * s.hoursPerDay);
}

/**
 * Hours worked in the 12 months before `asOf` estimated from the FTE: a full-time year is 2,080
 * hours (52 weeks of 40), prorated to the months served when fewer than twelve.
 */
export function estimatedHoursWorked(fte: number, hireDate: string, asOf: string): number {
  const months = Math.min(12, wholeMonthsBetween(hireDate, asOf));
  return Math.round(fte * 2080 * (months / 12));
}

/**
 * The FMLA 12 weeks on `asOf` over every stretch of a person's FMLA cases, counted in the 12 months
 * back from that day (the rolling method), with the hours logged for later days beside it.
 */
export function fmlaCounter(
  stretches: readonly LeaveStretch[],
  workweekHours: number,
  asOf: string,
): FmlaUsage & { workweekHours: number; scheduledHours: number } {
  const singles = stretches.filter((s) => s.start === s.end);
  const usage = fmlaUsage({
    method: 'rolling_backward',
    periods: stretches.filter((s) => s.start !== s.end),
    intermittent: singles.map((s) => ({ date: s.start, hours: s.hoursPerDay })),
    workweekHours,
    asOf,
  });
  const after = (s: LeaveStretch) =>
    s.end <= asOf ? 0 : stretchHours({ ...s, start: s.start > asOf ? s.start : addDays(asOf, 1) });
  return {
    ...usage,
    workweekHours,
    scheduledHours: round2(stretches.reduce((sum, s) => sum + after(s), 0)),
  };
}
