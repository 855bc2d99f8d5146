/**
 * Payroll prep: the practice's pay schedule, pay periods (computed from the schedule, stored once
 * adjusted or locked), each person's regular, overtime, PTO and sick hours (shared/hr/payroll.ts),
 * the manager's adjustments and the lock (freezing a snapshot of the lines); the CSV exports are in
 * payroll-export.service.ts. The pay schedule item also holds the practice's ADP account. Shifts
 * are read through shifts.repo.ts, attendance through attendance.repo.ts, time off through
 * time-off.repo.ts (spread over weekdays by time-off.service.ts's `spread`). Owners and managers only.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today).
 */

import {
  isPeriodStart,
  type PayFrequency,
  type Period,
  payrollLines,
  payrollTotals,
  periodOf,
  periodsBack,
  shiftHours,
  workweekOf,
} from '../../shared/hr/payroll.ts';
import { staffDate } from '../../shared/locale.ts';
import type { Page } from '../../shared/schemas/common.ts';
import {
  PAY_FREQUENCY_LABELS,
  type PayPeriodDetail,
  type PayPeriodSummary,
  type PayrollAdjustmentInput,
  type PaySchedule,
  type PayScheduleInput,
} from '../../shared/schemas/hr-payroll.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { attendanceRepo } from './attendance.repo.ts';
import { payrollRepo, type StoredPeriod, type StoredSchedule } from './payroll.repo.ts';
import { shiftRepo } from './shifts.repo.ts';
import { staffRepo } from './staff.repo.ts';
import { timeOffRepo } from './time-off.repo.ts';
import { spread } from './time-off-balances.ts';

/** Rounds' schedule until the practice saves its own: every other week from Monday 2026-01-05. */
export const DEFAULT_SCHEDULE: StoredSchedule = {
  frequency: 'biweekly',
  anchorDate: '2026-01-05',
  version: 0,
};

const lockedMessage = (p: Period) =>
  `The pay period ${staffDate(p.start)} to ${staffDate(p.end)} is locked: its hours were sent to payroll and can no longer change`;

export function scheduleText(s: Pick<StoredSchedule, 'frequency' | 'anchorDate'>): string {
  if (s.frequency === 'semimonthly') return PAY_FREQUENCY_LABELS.semimonthly;
  const label = PAY_FREQUENCY_LABELS[s.frequency];
  return `${label}, periods starting ${s.anchorDate ? staffDate(s.anchorDate) : 'the anchor day'} and every ${s.frequency === 'weekly' ? '7' : '14'} days from it`;
}

export async function storedSchedule(db: TenantDb): Promise<StoredSchedule> {
  return (await payrollRepo.schedule(db)) ?? DEFAULT_SCHEDULE;
}

/** How many of the schedule's latest periods are offered to open (the one under way and three before). */
const RECENT_PERIODS = 4;

export async function getSchedule(db: TenantDb): Promise<PaySchedule> {
  const [s, today] = await Promise.all([storedSchedule(db), practiceToday(db)]);
  const recent = periodsBack(s, today, 0, RECENT_PERIODS);
  const opened = await payrollRepo.periodsBetween(db, recent[recent.length - 1]!.start, recent[0]!.start);
  const starts = new Set(opened.map((o) => o.start));
  return {
    ...s,
    text: scheduleText(s),
    recent: recent.map((p) => ({ ...p, opened: starts.has(p.start) })),
  };
}

/** Saves the schedule at the version read (0 the first time). */
export async function saveSchedule(db: TenantDb, input: PayScheduleInput): Promise<PaySchedule> {
  const current = await storedSchedule(db);
  if (current.version !== input.version) throw staleVersion();
  const next: StoredSchedule = {
    frequency: input.frequency,
    ...(input.frequency !== 'semimonthly' && input.anchorDate ? { anchorDate: input.anchorDate } : {}),
    ...(input.adp ? { adp: input.adp } : {}),
    version: input.version + 1,
  };
  const adp = next.adp ? `; ADP company code ${next.adp.companyCode}` : '';
  await db.write([payrollRepo.scheduleOp(db, next, input.version)], {
    action: 'hr.pay_schedule_saved',
    entityType: 'pay_schedule',
    entityId: 'schedule',
    entityName: 'Pay schedule',
    summary: `Pay schedule: ${scheduleText(next)}${adp}`,
  });
  return getSchedule(db);
}

async function practiceToday(db: TenantDb): Promise<string> {
  return localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
}

const summaryOf = (
  p: Period,
  stored: Pick<StoredPeriod, 'status' | 'lockedAt' | 'lockedBy'> | undefined,
  today: string,
): PayPeriodSummary => ({
  id: p.start,
  start: p.start,
  end: p.end,
  status: stored?.status ?? 'open',
  ...(stored?.lockedAt ? { lockedAt: stored.lockedAt, lockedBy: stored.lockedBy } : {}),
  ended: p.end < today,
});

/** Opened pay periods, newest first. */
export async function listPeriods(
  db: TenantDb,
  args: { limit: number; cursor?: string },
): Promise<Page<PayPeriodSummary>> {
  const [page, today] = await Promise.all([payrollRepo.page(db, args.limit, args.cursor), practiceToday(db)]);
  return { items: page.items.map((p) => summaryOf(p, p, today)), nextCursor: page.nextCursor };
}

/** Opens the schedule's period starting `start` (once it has begun) for review. */
export async function openPeriod(db: TenantDb, start: string): Promise<PayPeriodDetail> {
  const [schedule, today] = await Promise.all([storedSchedule(db), practiceToday(db)]);
  if (!isPeriodStart(schedule, start)) {
    const holding = periodOf(schedule, start);
    throw validationFailed([
      {
        path: 'start',
        message: `Pay periods start on ${holding.start} and ${addDays(holding.end, 1)} around that day`,
      },
    ]);
  }
  if (start > today)
    throw validationFailed([{ path: 'start', message: 'This pay period has not begun yet' }]);
  const period = periodOf(schedule, start);
  const stored: StoredPeriod = {
    ...period,
    frequency: schedule.frequency,
    status: 'open',
    adjustments: [],
    version: 1,
  };
  await db.write([payrollRepo.openOp(db, stored)], {
    action: 'hr.payroll_opened',
    entityType: 'pay_period',
    entityId: period.start,
    entityName: `Pay period ${range(period)}`,
    summary: `Opened the pay period ${range(period)} for review`,
  });
  return periodDetail(db, start);
}

const range = (p: Period) => `${p.start} to ${p.end}`;

/** An opened period; 404 for one not opened (or another practice's). */
async function resolvePeriod(db: TenantDb, start: string): Promise<StoredPeriod> {
  const stored = await payrollRepo.period(db, start);
  if (!stored) throw notFound('Pay period');
  return stored;
}

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** The live lines of a period with the shifts behind them. */
async function computeLines(db: TenantDb, period: Period, frequency: PayFrequency, stored?: StoredPeriod) {
  const weeksFrom = workweekOf(period.start);
  const weeksTo = addDays(workweekOf(period.end), 6);
  const [everyone, attendance, requests] = await Promise.all([
    staffRepo.all(db),
    attendanceRepo.between(db, weeksFrom, weeksTo),
    // A request starts at most 60 days before a day it covers (the limit time off keeps).
    timeOffRepo.startingBetween(db, addDays(period.start, -60), period.end),
  ]);
  const people = everyone
    .filter((s) => s.hireDate <= period.end && (!s.endDate || s.endDate >= period.start))
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  const shifts = (
    await Promise.all(people.map((p) => shiftRepo.ofStaff(db, p.id, weeksFrom, weeksTo)))
  ).flat();
  const marks = new Map(attendance.map((a) => [a.shiftId, a]));
  const timeOff = requests
    .filter((r) => r.status === 'approved')
    .flatMap((r) => spread(r).map((u) => ({ staffId: r.staffId, kind: r.kind, ...u })));
  const lines = payrollLines({
    period,
    frequency,
    people: people.map((p) => ({
      staffId: p.id,
      name: fullName(p),
      firstName: p.firstName,
      lastName: p.lastName,
      jobTitle: p.jobTitle,
      ...(p.pay ? { pay: p.pay } : {}),
    })),
    shifts,
    attendance: marks,
    timeOff,
    adjustments: stored?.adjustments ?? [],
  });
  return { lines, shifts, marks };
}

/** A period with each person's hours and the totals; a locked period answers its snapshot. */
export async function periodDetail(db: TenantDb, start: string): Promise<PayPeriodDetail> {
  const [stored, today] = await Promise.all([resolvePeriod(db, start), practiceToday(db)]);
  const period = { start: stored.start, end: stored.end };
  const frequency = stored.frequency;
  const base = {
    ...summaryOf(period, stored, today),
    frequency,
    adjustments: stored.adjustments,
    version: stored.version,
  };
  if (stored.status === 'locked') {
    const lines = stored.lines ?? [];
    return { ...base, lines, totals: payrollTotals(lines), shifts: [] };
  }
  const { lines, shifts, marks } = await computeLines(db, period, frequency, stored);
  const hourly = new Set(lines.filter((l) => l.payType === 'hourly').map((l) => l.staffId));
  return {
    ...base,
    lines,
    totals: payrollTotals(lines),
    shifts: shifts
      .filter((s) => s.date >= period.start && s.date <= period.end && hourly.has(s.staffId))
      .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))
      .map((s) => {
        const a = marks.get(s.id);
        const hours = shiftHours(s, a);
        return {
          id: s.id,
          staffId: s.staffId,
          date: s.date,
          start: s.start,
          end: s.end,
          hours,
          ...(a?.lateMinutes ? { lateMinutes: a.lateMinutes } : {}),
          ...(a?.earlyMinutes ? { earlyMinutes: a.earlyMinutes } : {}),
          ...(a?.noShow ? { noShow: true } : {}),
          ...(a ? { attendanceVersion: a.version } : {}),
          ...(a?.note ? { note: a.note } : {}),
        };
      }),
  };
}

/** Refuses a change to attendance on `date` when a locked period holds it (409). */
export async function refuseIfLocked(db: TenantDb, date: string): Promise<void> {
  const [locked] = await payrollRepo.lockedOverlapping(db, date, date);
  if (locked) throw conflict(lockedMessage(locked));
}

async function openForChange(db: TenantDb, start: string, version: number) {
  const stored = await resolvePeriod(db, start);
  const period = { start: stored.start, end: stored.end };
  if (stored.status === 'locked') throw conflict(lockedMessage(period));
  if (stored.version !== version) throw staleVersion();
  return { period, frequency: stored.frequency, stored };
}

/** Adds an adjustment line (hours and a reason) for a person of the period, at the version read. */
export async function addAdjustment(
  db: TenantDb,
  start: string,
  input: PayrollAdjustmentInput,
): Promise<PayPeriodDetail> {
  const { period, stored } = await openForChange(db, start, input.version);
  const person = await staffRepo.get(db, input.staffId);
  if (!person || person.hireDate > period.end || (person.endDate && person.endDate < period.start)) {
    throw validationFailed([{ path: 'staffId', message: 'Choose someone who worked in this pay period' }]);
  }
  const current = stored;
  const adjustment = {
    id: newId(),
    staffId: person.id,
    name: fullName(person),
    hours: input.hours,
    reason: input.reason,
    addedAt: db.now().toISOString(),
    addedBy: db.actor.name,
  };
  if (current.adjustments.length >= 200) throw badRequest('A pay period holds at most 200 adjustments');
  const next = { ...current, adjustments: [...current.adjustments, adjustment] };
  await db.write([payrollRepo.saveOp(db, next, input.version)], {
    action: 'hr.payroll_adjusted',
    entityType: 'pay_period',
    entityId: period.start,
    entityName: `Pay period ${period.start} to ${period.end}`,
    summary: `Adjustment for ${adjustment.name}: ${input.hours > 0 ? '+' : ''}${input.hours} hours (${input.reason})`,
  });
  return periodDetail(db, start);
}

/** Removes an adjustment line at the period's version. */
export async function removeAdjustment(
  db: TenantDb,
  start: string,
  adjustmentId: string,
  version: number,
): Promise<PayPeriodDetail> {
  const { period, stored } = await openForChange(db, start, version);
  const adjustment = stored.adjustments.find((a) => a.id === adjustmentId);
  if (!adjustment) throw notFound('Adjustment');
  const next = { ...stored, adjustments: stored.adjustments.filter((a) => a.id !== adjustmentId) };
  await db.write([payrollRepo.saveOp(db, next, version)], {
    action: 'hr.payroll_adjusted',
    entityType: 'pay_period',
    entityId: period.start,
    entityName: `Pay period ${period.start} to ${period.end}`,
    summary: `Adjustment removed for ${adjustment.name}: ${adjustment.hours} hours (${adjustment.reason})`,
  });
  return periodDetail(db, start);
}

/** Locks an ended period at the version read: its lines are frozen as they are now. */
export async function lockPeriod(db: TenantDb, start: string, version: number): Promise<PayPeriodDetail> {
  const { period, frequency, stored } = await openForChange(db, start, version);
  if (period.end >= (await practiceToday(db))) {
    throw badRequest(`The pay period ends on ${period.end}: lock it once it has ended`);
  }
  const { lines } = await computeLines(db, period, frequency, stored);
  const next: StoredPeriod = {
    ...stored,
    status: 'locked',
    lines,
    lockedAt: db.now().toISOString(),
    lockedBy: db.actor.name,
  };
  const totals = payrollTotals(lines);
  await db.write([payrollRepo.saveOp(db, next, version)], {
    action: 'hr.payroll_locked',
    entityType: 'pay_period',
    entityId: period.start,
    entityName: `Pay period ${period.start} to ${period.end}`,
    summary: `Locked the pay period ${period.start} to ${period.end}: ${lines.length} people, ${totals.regularHours} regular and ${totals.overtimeHours} overtime hours`,
  });
  return periodDetail(db, start);
}
