import { type AttendanceMark, regularAndOvertime, shiftHours, workweekOf } from '../../shared/hr/payroll.ts';
import { HR_METRICS, type HrMetricId } from '../../shared/metrics.ts';
import { addDays, daysInMonth } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { MetricModule, MetricValue } from '../platform/metric-snapshots/metric-snapshots.ts';
import { attendanceRepo } from './attendance.repo.ts';
import { shiftRepo } from './shifts.repo.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';
import { ptoBalanceOn } from './time-off-balances.ts';

/**
 * HR's entry in the metric registry: each completed month's staffing ratio, turnover and time-off
 * liability from the staff directory and the time-off balances, stored monthly for trends and
 * association benchmarks; overtime share from the month's shifts and attendance, by payroll's rules.
 */

/** Hours in a full-time year: a salary's hourly value is the salary divided by these. */
const YEAR_HOURS = 2080;

const employedOn = (s: StoredStaff, date: string) => s.hireDate <= date && (!s.endDate || s.endDate >= date);
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** What an hour of the person's time off is worth, in dollars; 0 without pay on record. */
export function hourlyValue(s: Pick<StoredStaff, 'pay'>): number {
  if (!s.pay) return 0;
  return s.pay.type === 'hourly' ? s.pay.rateCents / 100 : s.pay.rateCents / 100 / YEAR_HOURS;
}

/** The staffing ratio and turnover of a month, from the directory alone (pure, for the tests). */
export function directoryFigures(staff: readonly StoredStaff[], month: string) {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const atEnd = staff.filter((s) => employedOn(s, last));
  const fte = (xs: StoredStaff[]) => xs.reduce((sum, s) => sum + s.fte, 0);
  const providers = fte(atEnd.filter((s) => s.staffRole === 'provider'));
  const support = fte(atEnd.filter((s) => s.staffRole !== 'provider'));
  const headcount = (staff.filter((s) => employedOn(s, first)).length + atEnd.length) / 2;
  const left = staff.filter((s) => s.endDate && s.endDate >= first && s.endDate <= last).length;
  return {
    staffPerProvider: providers > 0 ? round(support / providers, 2) : null,
    turnover: headcount > 0 ? round(left / headcount, 4) : null,
    employedAtEnd: atEnd,
    last,
  };
}

/**
 * Overtime hours over all hours worked in the month by hourly people (pure, for the tests): each
 * person's shifts of the workweeks the month touches, less attendance, through payroll's 40-hour rule.
 */
export function overtimeShare(
  people: readonly Pick<StoredStaff, 'id' | 'pay'>[],
  shifts: readonly { id: string; staffId: string; date: string; start: string; end: string }[],
  marks: ReadonlyMap<string, AttendanceMark>,
  month: string,
): number | null {
  const period = { start: `${month}-01`, end: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
  let regular = 0;
  let overtime = 0;
  for (const p of people.filter((x) => x.pay?.type === 'hourly')) {
    const days = shifts
      .filter((s) => s.staffId === p.id)
      .map((s) => ({ date: s.date, hours: shiftHours(s, marks.get(s.id)) }));
    const hours = regularAndOvertime(days, period);
    regular += hours.regular;
    overtime += hours.overtime;
  }
  return regular + overtime > 0 ? round(overtime / (regular + overtime), 4) : null;
}

/** The month's overtime share from the directory, the shifts of its workweeks and their attendance. */
async function monthOvertimeShare(db: TenantDb, staff: readonly StoredStaff[], month: string) {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const from = workweekOf(first);
  const to = addDays(workweekOf(last), 6);
  const hourly = staff.filter(
    (s) => s.pay?.type === 'hourly' && s.hireDate <= last && (!s.endDate || s.endDate >= first),
  );
  const [shifts, attendance] = await Promise.all([
    Promise.all(hourly.map((s) => shiftRepo.ofStaff(db, s.id, from, to))).then((x) => x.flat()),
    attendanceRepo.between(db, from, to),
  ]);
  return overtimeShare(hourly, shifts, new Map(attendance.map((a) => [a.shiftId, a])), month);
}

async function computeHrMonth(
  db: TenantDb,
  month: string,
): Promise<Record<HrMetricId, MetricValue> | 'before-start'> {
  const staff = await staffRepo.all(db);
  const f = directoryFigures(staff, month);
  if (f.employedAtEnd.length === 0) return 'before-start';
  let liability = 0;
  for (const s of f.employedAtEnd) {
    const value = hourlyValue(s);
    if (value > 0) liability += Math.max(0, await ptoBalanceOn(db, s, f.last)) * value;
  }
  return {
    'hr.staff_per_physician': { value: f.staffPerProvider },
    'hr.turnover': { value: f.turnover },
    'hr.time_off_liability': { value: round(liability, 2) },
    'hr.overtime_share': { value: await monthOvertimeShare(db, staff, month) },
  };
}

export const hrMetrics: MetricModule = { module: 'hr', metrics: HR_METRICS, computeMonth: computeHrMonth };
