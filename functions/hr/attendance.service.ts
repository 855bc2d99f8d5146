/**
 * Attendance: per shift, owners and managers log a late arrival, an early leave or a no-show with a
 * note, and correct or remove it at its version. Three late arrivals within 30 days raise a Today
 * item for the managers about that person, once (raised by the entry that makes the third). Entries
 * are read by owners and managers, and by the person themselves. An entry on a day of a locked pay
 * period cannot change (payroll.service.ts). The shift is read through shifts.repo.ts.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today).
 */
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Attendance, AttendanceInput } from '../../shared/schemas/hr-attendance.ts';
import { addDays, daysBetween, localParts, minutesOf } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { pairRef, raiseTodayItemOp } from '../platform/today/today-items.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { attendanceRepo } from './attendance.repo.ts';
import { refuseIfLocked } from './payroll.service.ts';
import { shiftRepo } from './shifts.repo.ts';
import { staffRepo } from './staff.repo.ts';

export interface Viewer {
  userId: string;
  role: Role;
}
const isAdmin = (v: Viewer) => inRoleGroup(v.role, 'practiceAdmins');

/** Late arrivals within this many days that make a pattern, and how many. */
export const LATE_WINDOW_DAYS = 30;
export const LATE_PATTERN_COUNT = 3;

/** The 30-day block (counted from 1970-01-01) holding `date`: one Today item per person per block. */
const blockOf = (date: string) => Math.floor(daysBetween('1970-01-01', date) / LATE_WINDOW_DAYS);

async function practiceToday(db: TenantDb): Promise<string> {
  return localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
}

const words = (a: Pick<Attendance, 'lateMinutes' | 'earlyMinutes' | 'noShow'>) =>
  a.noShow
    ? 'no-show'
    : [
        a.lateMinutes ? `${a.lateMinutes} min late` : '',
        a.earlyMinutes ? `left ${a.earlyMinutes} min early` : '',
      ]
        .filter(Boolean)
        .join(', ');

/** Logs (version 0) or corrects (at its version) what happened on a shift. */
export async function recordAttendance(
  db: TenantDb,
  shiftId: string,
  input: AttendanceInput,
): Promise<Attendance> {
  const shift = await shiftRepo.get(db, shiftId);
  if (!shift) throw notFound('Shift');
  if (shift.date > (await practiceToday(db))) {
    throw badRequest('That shift has not happened yet: log attendance on the day or after');
  }
  const previous = await attendanceRepo.get(db, shiftId);
  if ((previous?.version ?? 0) !== input.version) throw staleVersion();
  const length = minutesOf(shift.end) - minutesOf(shift.start);
  if ((input.lateMinutes ?? 0) + (input.earlyMinutes ?? 0) >= length) {
    throw validationFailed([
      {
        path: 'lateMinutes',
        message: `The shift is ${length} minutes long: log a no-show if they did not work any of it`,
      },
    ]);
  }
  await refuseIfLocked(db, shift.date);
  const entry: Attendance = {
    shiftId,
    staffId: shift.staffId,
    staffName: shift.staffName,
    locationId: shift.locationId,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    ...(input.lateMinutes !== undefined ? { lateMinutes: input.lateMinutes } : {}),
    ...(input.earlyMinutes !== undefined ? { earlyMinutes: input.earlyMinutes } : {}),
    ...(input.noShow ? { noShow: true } : {}),
    ...(input.note ? { note: input.note } : {}),
    recordedAt: db.now().toISOString(),
    recordedBy: db.actor.name,
    version: (previous?.version ?? 0) + 1,
  };
  const ops = [attendanceRepo.saveOp(db, entry, input.version)];
  // The pattern: this entry is a new late arrival that makes the third within 30 days.
  if (entry.lateMinutes && !previous?.lateMinutes) {
    const from = addDays(shift.date, -(LATE_WINDOW_DAYS - 1));
    const lates = (
      await attendanceRepo.ofStaff(db, shift.staffId, from, addDays(shift.date, LATE_WINDOW_DAYS - 1))
    )
      .filter((a) => a.lateMinutes && a.shiftId !== shiftId)
      .map((a) => a.date);
    const dates = [...lates, shift.date].sort();
    // The most late arrivals in any 30 days that hold this shift's day, with it and without it.
    const windows = Array.from({ length: LATE_WINDOW_DAYS }, (_, i) => addDays(from, i));
    const inWindow = (list: string[], start: string) =>
      list.filter((d) => d >= start && d <= addDays(start, LATE_WINDOW_DAYS - 1));
    const most = (list: string[]) => Math.max(...windows.map((w) => inWindow(list, w).length));
    if (most(dates) >= LATE_PATTERN_COUNT && most(lates) < LATE_PATTERN_COUNT) {
      const start = windows.find((w) => inWindow(dates, w).length >= LATE_PATTERN_COUNT)!;
      const window = inWindow(dates, start);
      ops.push(
        raiseTodayItemOp(
          db,
          {
            source: 'hr',
            kind: 'attendance_late_pattern',
            ref: pairRef(shift.staffId, String(blockOf(shift.date))),
            title: `${shift.staffName} arrived late ${LATE_PATTERN_COUNT} times within ${LATE_WINDOW_DAYS} days`,
            detail: `Late on ${window.join(', ')}`,
            link: '/app/hr/payroll',
            assignee: { role: 'manager' },
            dueDate: addDays(shift.date, 7),
          },
          db.now(),
        ),
      );
    }
  }
  await db.write(ops, {
    action: previous ? 'hr.attendance_corrected' : 'hr.attendance_logged',
    entityType: 'shift',
    entityId: shiftId,
    entityName: shift.staffName,
    summary: `${shift.staffName}, ${shift.date} ${shift.start}–${shift.end}: ${words(entry)}${previous ? ` (was ${words(previous)})` : ''}`,
  });
  return entry;
}

/** Removes a shift's entry read at `version`. */
export async function removeAttendance(db: TenantDb, shiftId: string, version: number): Promise<void> {
  const entry = await attendanceRepo.get(db, shiftId);
  if (!entry) throw notFound('Attendance entry');
  if (entry.version !== version) throw staleVersion();
  await refuseIfLocked(db, entry.date);
  await db.write([attendanceRepo.deleteOp(db, entry)], {
    action: 'hr.attendance_removed',
    entityType: 'shift',
    entityId: shiftId,
    entityName: entry.staffName,
    summary: `Attendance removed: ${entry.staffName}, ${entry.date} (${words(entry)})`,
  });
}

/** A shift's entry: owners and managers, or the person whose shift it is; 404 for anyone else. */
export async function getAttendance(db: TenantDb, viewer: Viewer, shiftId: string): Promise<Attendance> {
  const entry = await attendanceRepo.get(db, shiftId);
  if (!entry) throw notFound('Attendance entry');
  if (!isAdmin(viewer) && (await staffRepo.idByUser(db, viewer.userId)) !== entry.staffId) {
    throw notFound('Attendance entry');
  }
  return entry;
}

/** Entries on days from `from` to `to`: a manager's for anyone (or everyone), anyone else's own only. */
export async function listAttendance(
  db: TenantDb,
  viewer: Viewer,
  query: { staffId?: string; from?: string; to?: string },
): Promise<{ items: Attendance[] }> {
  const to = query.to ?? (query.from ? addDays(query.from, 30) : await practiceToday(db));
  const from = query.from ?? addDays(to, -30);
  if (from > to)
    throw validationFailed([{ path: 'query.to', message: 'The end must not be before the start' }]);
  if (daysBetween(from, to) > 92) {
    throw validationFailed([{ path: 'query.to', message: 'Ask for at most 92 days at a time' }]);
  }
  const q = { ...query, from, to };
  if (!isAdmin(viewer)) {
    const own = await staffRepo.idByUser(db, viewer.userId);
    if (!own || (q.staffId && q.staffId !== own)) return { items: [] };
    return { items: await attendanceRepo.ofStaff(db, own, q.from, q.to) };
  }
  const items = q.staffId
    ? await attendanceRepo.ofStaff(db, q.staffId, q.from, q.to)
    : await attendanceRepo.between(db, q.from, q.to);
  return { items };
}
