import { addDays, daysBetween, daysInMonth } from '../time.ts';

/**
 * Time-off accrual: a balance walked day by day from an opening balance to a target date, past or
 * future, so a manager sees what the balance will be on the day a request starts.
 *
 * Precision: hours are kept as unrounded floats inside and rounded to 2 decimals only on output.
 * Integer minutes would not help: "1 hour per 30 worked" earns 2 minutes an hour, but 1/7 hour a
 * day would not be whole minutes either, and rounding each day's accrual drifts over a year.
 * Remainders under 1e-9 hour (float noise) count as zero, so a cap exactly reached is not "exceeded".
 *
 * Within one day the order is: plan-year rollover (carryover cap, yearly cap reset), then time off
 * used, then the day's accrual (hours worked that day, or a pay period ending that day).
 */

/** The pay-period cadences a per-period policy may use. */
export type PayPeriod = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';

/** How one kind of time off is earned, capped and carried over. */
export interface TimeOffPolicy {
  kind: 'pto' | 'sick';
  method: 'per_hour_worked' | 'per_pay_period';
  /** Hours earned per hour worked, e.g. 1/30 for "1 hour per 30 worked". */
  hoursPerHourWorked?: number;
  /** Hours earned per pay period at 1.0 FTE. */
  hoursPerPeriod?: number;
  payPeriod?: PayPeriod;
  /** A pay-period end date that weekly and biweekly periods are counted from. */
  payPeriodAnchor?: string;
  /** Most hours that may accrue within one plan year. */
  yearlyCapHours?: number;
  /** Most hours the balance may hold: accrual stops while it is there. */
  balanceCapHours?: number;
  /** Most hours kept when a plan year ends (0: use it or lose it; undefined: no limit). */
  carryoverCapHours?: number;
  /** Days after hire before hours start to accrue. */
  waitingPeriodDays: number;
  /** MM-DD the plan year starts on. */
  planYearStart: string;
}

/** Hours on one date. */
export interface DatedHours {
  date: string;
  hours: number;
}

/** What `projectBalance` walks: a policy, an opening balance and the dated events after it. */
export interface ProjectionInput {
  policy: TimeOffPolicy;
  hireDate: string;
  /** 1 for full time; per-period accrual is prorated by it. */
  fte: number;
  /** Balance at the start of `date`, after any carryover on it; `accruedThisPlanYear` feeds the yearly cap. */
  openingBalance: DatedHours & { accruedThisPlanYear?: number };
  /** Actual hours worked. */
  hoursWorked: readonly DatedHours[];
  /** Approved time off, taken from the balance on its date. */
  used: readonly DatedHours[];
  /** The balance is returned as of the end of this date (its own events included). */
  target: string;
  /** Hours a week assumed (Mon–Fri, less time off that day) on dates after the last `hoursWorked` entry. */
  expectedWeeklyHours?: number;
  /** Overrides `policy.payPeriodAnchor`. */
  payPeriodAnchor?: string;
}

/** One line of the ledger; `hours` is the signed change (the opening line: the opening balance). */
export interface LedgerEntry {
  date: string;
  kind: 'opening' | 'accrual' | 'used' | 'forfeited';
  hours: number;
  balance: number;
  /** Hours earned that day that a cap kept from accruing. */
  cappedHours?: number;
}

/** The balance on the target date and how it got there. */
export interface Projection {
  date: string;
  balance: number;
  ledger: LedgerEntry[];
  /** Hours earned in total that a yearly or balance cap kept from accruing. */
  cappedHours: number;
  /** The first date the balance went below zero, so the UI can warn; null if it never did. */
  overdrawnOn: string | null;
}

const NOISE = 1e-9;

/** Hours rounded to 2 decimals, symmetric around zero and never -0. */
export function roundHours(hours: number): number {
  const r = (Math.sign(hours) * Math.round(Math.abs(hours) * 100 + 1e-7)) / 100;
  return r === 0 ? 0 : r;
}

const isMonthEnd = (date: string) => Number(date.slice(8)) === daysInMonth(date.slice(0, 7));
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Whether a pay period of this cadence ends on `date`. */
export function isPayPeriodEnd(date: string, payPeriod: PayPeriod, anchor?: string): boolean {
  switch (payPeriod) {
    case 'weekly':
    case 'biweekly':
      if (!anchor) throw new RangeError(`A ${payPeriod} pay period needs a payPeriodAnchor`);
      return mod(daysBetween(anchor, date), payPeriod === 'weekly' ? 7 : 14) === 0;
    case 'semimonthly':
      return date.slice(8) === '15' || isMonthEnd(date);
    case 'monthly':
      return isMonthEnd(date);
  }
}

/** First day of the pay period that ends on `end`. */
function periodStart(end: string, payPeriod: PayPeriod): string {
  if (payPeriod === 'weekly') return addDays(end, -6);
  if (payPeriod === 'biweekly') return addDays(end, -13);
  if (payPeriod === 'semimonthly' && end.slice(8) !== '15') return `${end.slice(0, 8)}16`;
  return `${end.slice(0, 8)}01`;
}

/** Per-period hours credited on `date`; the period the waiting period ends in is prorated by its days. */
function periodCredit(date: string, input: ProjectionInput, eligibleFrom: string): number {
  const { policy } = input;
  const payPeriod = policy.payPeriod ?? 'biweekly';
  const anchor = input.payPeriodAnchor ?? policy.payPeriodAnchor;
  if (date < eligibleFrom || !isPayPeriodEnd(date, payPeriod, anchor)) return 0;
  const start = periodStart(date, payPeriod);
  const share =
    start >= eligibleFrom ? 1 : (daysBetween(eligibleFrom, date) + 1) / (daysBetween(start, date) + 1);
  return (policy.hoursPerPeriod ?? 0) * input.fte * share;
}

function sumByDate(entries: readonly DatedHours[]): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const e of entries) byDate.set(e.date, (byDate.get(e.date) ?? 0) + e.hours);
  return byDate;
}

/** Walks the balance from the opening date to the target date; a negative balance is reported, not refused. */
export function projectBalance(input: ProjectionInput): Projection {
  const { policy, openingBalance: opening, target } = input;
  if (target < opening.date) throw new RangeError(`Target ${target} is before the opening balance`);
  const eligibleFrom = addDays(input.hireDate, policy.waitingPeriodDays);
  const worked = sumByDate(input.hoursWorked);
  const used = sumByDate(input.used);
  let lastWorked = '';
  for (const e of input.hoursWorked) if (e.date > lastWorked) lastWorked = e.date;
  // Without actual hours the expectation starts at the opening date.
  const expectedFrom = lastWorked ? addDays(lastWorked, 1) : opening.date;

  const workedOn = (date: string) => {
    if (input.expectedWeeklyHours === undefined || date < expectedFrom) return worked.get(date) ?? 0;
    const day = weekday(date);
    if (day === 0 || day === 6) return 0;
    // Hours off are not hours worked.
    return Math.max(0, input.expectedWeeklyHours / 5 - (used.get(date) ?? 0));
  };
  const earnedOn = (date: string) =>
    policy.method === 'per_pay_period'
      ? periodCredit(date, input, eligibleFrom)
      : date < eligibleFrom
        ? 0
        : workedOn(date) * (policy.hoursPerHourWorked ?? 0);

  let balance = opening.hours;
  let accruedThisYear = opening.accruedThisPlanYear ?? 0;
  let cappedHours = 0;
  let overdrawnOn: string | null = null;
  const ledger: LedgerEntry[] = [];
  const record = (date: string, kind: LedgerEntry['kind'], hours: number, capped = 0) =>
    ledger.push({
      date,
      kind,
      hours: roundHours(hours),
      balance: roundHours(balance),
      ...(capped > NOISE ? { cappedHours: roundHours(capped) } : {}),
    });
  record(opening.date, 'opening', opening.hours);

  for (let date = opening.date; date <= target; date = addDays(date, 1)) {
    if (date > opening.date && date.slice(5) === policy.planYearStart) {
      accruedThisYear = 0;
      const keep = policy.carryoverCapHours;
      if (keep !== undefined && balance > keep + NOISE) {
        const lost = balance - keep;
        balance = keep;
        record(date, 'forfeited', -lost);
      }
    }
    const usedHours = used.get(date) ?? 0;
    if (usedHours) {
      balance -= usedHours;
      record(date, 'used', -usedHours);
    }
    const earned = earnedOn(date);
    if (earned > NOISE) {
      const room = Math.min(
        (policy.yearlyCapHours ?? Number.POSITIVE_INFINITY) - accruedThisYear,
        (policy.balanceCapHours ?? Number.POSITIVE_INFINITY) - balance,
      );
      const credited = Math.max(0, Math.min(earned, room));
      const capped = earned - credited > NOISE ? earned - credited : 0;
      balance += credited;
      accruedThisYear += credited;
      cappedHours += capped;
      record(date, 'accrual', credited, capped);
    }
    if (balance < -NOISE && overdrawnOn === null) overdrawnOn = date;
  }
  return {
    date: target,
    balance: roundHours(balance),
    ledger,
    cappedHours: roundHours(cappedHours),
    overdrawnOn,
  };
}

/** The projected balance at the end of `date`. */
export const balanceOn = (input: Omit<ProjectionInput, 'target'>, date: string) =>
  projectBalance({ ...input, target: date }).balance;

const hoursText = (h: number) => `${roundHours(h)} ${roundHours(h) === 1 ? 'hour' : 'hours'}`;

const PERIOD_TEXT: Record<PayPeriod, string> = {
  weekly: 'a week',
  biweekly: 'every two weeks',
  semimonthly: 'twice a month',
  monthly: 'a month',
};

function earningText(policy: TimeOffPolicy): string {
  if (policy.method === 'per_pay_period') {
    const per = PERIOD_TEXT[policy.payPeriod ?? 'biweekly'];
    return `${hoursText(policy.hoursPerPeriod ?? 0)} ${per} (prorated for part-time)`;
  }
  const rate = policy.hoursPerHourWorked ?? 0;
  const every = rate > 0 ? 1 / rate : 0;
  // "1 hour for every 30 hours worked" reads better than "0.03 hours per hour" when it is whole.
  if (every > 0 && Math.abs(every - Math.round(every)) < 1e-6) {
    return `1 hour for every ${Math.round(every)} hours worked`;
  }
  return `${rate.toFixed(4).replace(/0+$/, '')} hours for every hour worked`;
}

/** The policy in plain English, e.g. "1 hour for every 30 hours worked, up to 40 hours a year; …". */
export function accrualRateText(policy: TimeOffPolicy): string {
  let text = earningText(policy);
  if (policy.yearlyCapHours !== undefined) text += `, up to ${hoursText(policy.yearlyCapHours)} a year`;
  if (policy.balanceCapHours !== undefined) {
    text += `; accrual pauses while the balance is at ${hoursText(policy.balanceCapHours)}`;
  }
  if (policy.carryoverCapHours === 0) text += '; unused hours are lost when the plan year ends';
  else if (policy.carryoverCapHours !== undefined) {
    text += `; up to ${hoursText(policy.carryoverCapHours)} carry over`;
  }
  if (policy.waitingPeriodDays > 0) text += `; starts ${policy.waitingPeriodDays} days after hire`;
  return text;
}
