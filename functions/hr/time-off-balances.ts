/**
 * Time-off balances, the arithmetic side: a request's hours spread over its weekdays, the hours
 * worked from the shift schedule (40 × FTE a week assumed past the last shift), and each kind's
 * balance projected to any date by the practice's policies (shared/hr/accrual.ts).
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today).
 */
import { projectBalance } from '../../shared/hr/accrual.ts';
import type { TimeOffKind, TimeOffRequest } from '../../shared/schemas/hr-time-off.ts';
import { addDays, localParts, minutesOf } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { shiftRepo } from './shifts.repo.ts';
import type { StoredStaff } from './staff.repo.ts';
import { type StoredPolicy, timeOffRepo } from './time-off.repo.ts';
import { policiesByKind, toAccrual } from './time-off-policies.service.ts';

/** The practice's today, in its time zone. */
export async function practiceToday(db: TenantDb): Promise<string> {
  return localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
}

/** Mon–Fri days from `from` to `to`; the hours of a request are spread evenly over them. */
export function workdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  return days.length ? days : [from];
}

/** A request's hours per weekday (payroll counts them the same way). */
export const spread = (r: Pick<TimeOffRequest, 'startDate' | 'endDate' | 'hours'>) => {
  const days = workdays(r.startDate, r.endDate);
  return days.map((date) => ({ date, hours: r.hours / days.length }));
};

export interface BalanceContext {
  person: StoredStaff;
  policies: Record<TimeOffKind, StoredPolicy>;
  requests: TimeOffRequest[];
  openings: Awaited<ReturnType<typeof timeOffRepo.openings>>;
  today: string;
  /** Hours on shift per day, from the earliest opening balance on (the schedule's past and plan). */
  shiftHours: { date: string; hours: number }[];
}

/** How far ahead of today shifts are read: the schedule is planned a few weeks out at most. */
const SHIFTS_AHEAD_DAYS = 90;

export async function balanceContext(db: TenantDb, person: StoredStaff): Promise<BalanceContext> {
  const [policies, requests, openings, today] = await Promise.all([
    policiesByKind(db),
    timeOffRepo.ofStaff(db, person.id),
    timeOffRepo.openings(db, person.id),
    practiceToday(db),
  ]);
  const from = [openings.pto?.date, openings.sick?.date, person.hireDate]
    .filter((d): d is string => Boolean(d))
    .sort()[0]!;
  const shifts = await shiftRepo.ofStaff(db, person.id, from, addDays(today, SHIFTS_AHEAD_DAYS));
  const byDay = new Map<string, number>();
  for (const s of shifts)
    byDay.set(s.date, (byDay.get(s.date) ?? 0) + (minutesOf(s.end) - minutesOf(s.start)) / 60);
  const shiftHours = [...byDay].map(([date, hours]) => ({ date, hours }));
  return { person, policies, requests, openings, today, shiftHours };
}

/** Hours a week assumed worked where no shift is recorded: a full-time week times the FTE. */
export const weeklyHours = (s: StoredStaff) => Math.round(40 * s.fte * 100) / 100;

/** The balance of one kind at the end of `target`, counting `extra` (a request not yet approved). */
export function projectKind(
  ctx: BalanceContext,
  kind: TimeOffKind,
  target: string,
  extra: TimeOffRequest[] = [],
) {
  const opening = ctx.openings[kind] ?? { date: ctx.person.hireDate, hours: 0 };
  const taken = [...ctx.requests.filter((r) => r.status === 'approved'), ...extra];
  const used = taken
    .filter((r) => r.kind === kind)
    .flatMap(spread)
    .filter((u) => u.date >= opening.date);
  // Hours worked are the shifts, less days taken off (of either kind); after the last shift on
  // record the expected week takes over.
  const off = new Set(taken.flatMap(spread).map((u) => u.date));
  const hoursWorked = ctx.shiftHours.filter((h) => h.date >= opening.date && !off.has(h.date));
  const end = target < opening.date ? opening.date : target;
  return projectBalance({
    policy: toAccrual(ctx.policies[kind]),
    hireDate: ctx.person.hireDate,
    fte: ctx.person.fte,
    openingBalance: opening,
    hoursWorked,
    used,
    target: end,
    expectedWeeklyHours: weeklyHours(ctx.person),
  });
}

/** A person's PTO balance at the end of `date` (time off approved until then taken), for the metrics. */
export async function ptoBalanceOn(db: TenantDb, person: StoredStaff, date: string): Promise<number> {
  return projectKind(await balanceContext(db, person), 'pto', date).balance;
}
