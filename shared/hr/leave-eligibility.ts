import { addDays, daysInMonth, shiftMonth } from '../time.ts';

/**
 * FMLA and ADA coverage, and the FMLA 12-week counter. These are the federal thresholds only:
 * state leave laws (often broader) are not checked here.
 */

/** One test of FMLA eligibility and whether it passed, in plain English. */
export interface EligibilityReason {
  rule: 'employer_size' | 'months_of_service' | 'hours_worked';
  met: boolean;
  detail: string;
}

/** Whether an employee may take FMLA leave starting `asOf`, with each rule's outcome. */
export interface FmlaEligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** FMLA needs 50 employees within 75 miles of the worksite. */
export const FMLA_MIN_EMPLOYEES = 50;
/** FMLA needs 1,250 hours worked in the 12 months before leave starts. */
export const FMLA_MIN_HOURS = 1250;
/** FMLA needs 12 months of service, not necessarily consecutive. */
export const FMLA_MIN_MONTHS = 12;
/** ADA Title I covers employers of 15 or more. */
export const ADA_MIN_EMPLOYEES = 15;

/** `date` moved by whole months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDate(date: string, months: number): string {
  const month = shiftMonth(date.slice(0, 7), months);
  const day = Math.min(Number(date.slice(8)), daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (0 when `to` comes first). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  // The last month counts only once its day-of-month is reached.
  return addMonthsToDate(from, months) <= to ? months : months - 1;
}

const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** FMLA eligibility on the day leave starts (`asOf`). */
export function fmlaEligibility(input: {
  employeesWithin75Miles: number;
  hireDate: string;
  asOf: string;
  hoursWorkedLast12Months: number;
  /** Earlier service with this employer (breaks of 7+ years usually don't count: the caller decides). */
  priorEmploymentMonths?: number;
}): FmlaEligibility {
  const employees = input.employeesWithin75Miles;
  const current = wholeMonthsBetween(input.hireDate, input.asOf);
  const prior = input.priorEmploymentMonths ?? 0;
  const months = current + prior;
  const hours = input.hoursWorkedLast12Months;
  const priorText = prior ? ` (${count(current)} now plus ${count(prior)} earlier)` : '';
  const reasons: EligibilityReason[] = [
    {
      rule: 'employer_size',
      met: employees >= FMLA_MIN_EMPLOYEES,
      detail: `The employer has ${count(employees)} employees within 75 miles; FMLA needs at least ${FMLA_MIN_EMPLOYEES}.`,
    },
    {
      rule: 'months_of_service',
      met: months >= FMLA_MIN_MONTHS,
      detail: `The employee has ${count(months)} months of service${priorText}; FMLA needs at least ${FMLA_MIN_MONTHS}.`,
    },
    {
      rule: 'hours_worked',
      met: hours >= FMLA_MIN_HOURS,
      detail: `The employee worked ${count(hours)} hours in the 12 months before leave; FMLA needs at least ${count(FMLA_MIN_HOURS)}.`,
    },
  ];
  return { eligible: reasons.every((r) => r.met), reasons };
}

/** Whether the ADA's employment rules (Title I) apply to an employer of this size. */
export function adaCovered(employeeCount: number): { covered: boolean; detail: string } {
  const covered = employeeCount >= ADA_MIN_EMPLOYEES;
  return {
    covered,
    detail: covered
      ? `With ${count(employeeCount)} employees the employer is covered by the ADA (15 or more).`
      : `With ${count(employeeCount)} employees the employer is not covered by the ADA (it needs 15 or more).`,
  };
}

/** How the employer measures the 12-month period FMLA leave is counted in. */
export type FmlaMethod = 'rolling_backward' | 'calendar_year' | 'fixed_from_first_use';

/** A stretch of continuous leave; weekdays only, at `hoursPerDay` or a fifth of the workweek. */
export interface LeavePeriod {
  start: string;
  end: string;
  hoursPerDay?: number;
}

/** The FMLA leave taken and the 12-week entitlement left, in the period that contains `asOf`. */
export interface FmlaUsage {
  entitlementHours: number;
  usedHours: number;
  remainingHours: number;
  /** Used hours in workweeks, 2 decimals. */
  weeksUsed: number;
  exhausted: boolean;
  /** The 12-month period counted, both ends included; null when fixed-from-first-use has no leave yet. */
  window: { start: string; end: string } | null;
}

const round2 = (n: number) => Math.round(n * 100 + 1e-7) / 100;
const isWeekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/** Every leave day's hours, continuous periods expanded to weekdays. */
function leaveDays(
  periods: readonly LeavePeriod[],
  intermittent: readonly { date: string; hours: number }[],
  workweekHours: number,
): { date: string; hours: number }[] {
  const days = [...intermittent];
  for (const p of periods) {
    for (let d = p.start; d <= p.end; d = addDays(d, 1)) {
      if (isWeekday(d)) days.push({ date: d, hours: p.hoursPerDay ?? workweekHours / 5 });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The 12-month window containing `asOf`; for fixed-from-first-use each window opens on the first leave after the last. */
function fmlaWindow(
  method: FmlaMethod,
  asOf: string,
  days: readonly { date: string }[],
): { start: string; end: string } | null {
  if (method === 'rolling_backward') return { start: addDays(addMonthsToDate(asOf, -12), 1), end: asOf };
  if (method === 'calendar_year')
    return { start: `${asOf.slice(0, 4)}-01-01`, end: `${asOf.slice(0, 4)}-12-31` };
  let window: { start: string; end: string } | null = null;
  for (const d of days) {
    if (d.date > asOf) break;
    if (!window || d.date > window.end) {
      window = { start: d.date, end: addDays(addMonthsToDate(d.date, 12), -1) };
    }
  }
  // A window that closed before asOf with no leave since: nothing is counted against the new one.
  return window && window.end >= asOf ? window : null;
}

/** FMLA hours used and left on `asOf`; the entitlement is 12 of the employee's usual workweeks. */
export function fmlaUsage(input: {
  method: FmlaMethod;
  periods?: readonly LeavePeriod[];
  intermittent?: readonly { date: string; hours: number }[];
  workweekHours: number;
  asOf: string;
}): FmlaUsage {
  const entitlementHours = 12 * input.workweekHours;
  const days = leaveDays(input.periods ?? [], input.intermittent ?? [], input.workweekHours);
  const window = fmlaWindow(input.method, input.asOf, days);
  // Leave scheduled after asOf is not used yet.
  const usedHours = window
    ? days
        .filter((d) => d.date >= window.start && d.date <= window.end && d.date <= input.asOf)
        .reduce((sum, d) => sum + d.hours, 0)
    : 0;
  return {
    entitlementHours,
    usedHours: round2(usedHours),
    remainingHours: round2(Math.max(0, entitlementHours - usedHours)),
    weeksUsed: round2(usedHours / input.workweekHours),
    exhausted: usedHours >= entitlementHours - 1e-9,
    window,
  };
}
