import { HR_METRICS, type HrMetricId } from '../../shared/metrics.ts';
import { daysInMonth } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { MetricModule, MetricValue } from '../platform/metric-snapshots/metric-snapshots.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';
import { ptoBalanceOn } from './time-off.service.ts';

/**
 * HR's entry in the metric registry: each completed month's staffing ratio, turnover and time-off
 * liability from the staff directory and the time-off balances, stored monthly for trends and
 * association benchmarks. Overtime share joins once payroll periods are computed.
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
  };
}

export const hrMetrics: MetricModule = { module: 'hr', metrics: HR_METRICS, computeMonth: computeHrMonth };
