import { addDays, localParts } from '../../shared/time.ts';
import { recordAttendance } from '../hr/attendance.service.ts';
import { addAdjustment, openPeriod, saveSchedule } from '../hr/payroll.service.ts';
import { addShift, mondayOf } from '../hr/shifts.service.ts';
import { staffRepo } from '../hr/staff.repo.ts';
import { timeOffRepo } from '../hr/time-off.repo.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import type { SeedMember } from './seed-hr.ts';

/**
 * The demo's payroll: a pay schedule every two weeks from this week's Monday, so the two weeks
 * before it are one ended period ready to lock. Every hourly person gets that period's shifts
 * (weekdays 08:00–17:00 at their first location, except days they had off), the first of them a
 * Saturday morning in the first week (45 + 4 hours: 9 overtime), a late arrival and a no-show; the
 * period is opened for review with a 1.5-hour adjustment. Run after seedHr (it needs the directory).
 */
export async function seedPayroll(
  p: Platform,
  scope: TenantScope,
  manager: Pick<SeedMember, 'userId' | 'name' | 'role'>,
  timeZone: string,
): Promise<void> {
  const db = new TenantDb(p.store, scope, manager, 'seed', p.clock);
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const thisMonday = mondayOf(today);
  const start = addDays(thisMonday, -14);
  await saveSchedule(db, { frequency: 'biweekly', anchorDate: thisMonday, version: 0 });
  const [people, requests] = await Promise.all([
    staffRepo.all(db),
    timeOffRepo.startingBetween(db, addDays(start, -60), addDays(start, 13)),
  ]);
  const off = (staffId: string, date: string) =>
    requests.some(
      (r) => r.staffId === staffId && r.status === 'approved' && r.startDate <= date && r.endDate >= date,
    );
  const hourly = people
    .filter((s) => s.status === 'active' && s.pay?.type === 'hourly' && s.hireDate <= start)
    .sort((a, b) => a.lastName.localeCompare(b.lastName));
  const days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((n) => addDays(start, n));
  const firstShifts: string[] = [];
  for (const [i, person] of hourly.entries()) {
    const locationId = person.locationIds[0];
    if (!locationId) continue;
    for (const date of days) {
      if (off(person.id, date)) continue;
      const s = await addShift(db, { staffId: person.id, locationId, date, start: '08:00', end: '17:00' });
      if (i === 0) firstShifts.push(s.id);
    }
    if (i === 0) {
      await addShift(db, {
        staffId: person.id,
        locationId,
        date: addDays(start, 5),
        start: '08:00',
        end: '12:00',
      });
    }
  }
  const [first] = hourly;
  if (!first || firstShifts.length < 8) return;
  await recordAttendance(db, firstShifts[1]!, { lateMinutes: 20, note: 'Car trouble', version: 0 });
  await recordAttendance(db, firstShifts[7]!, { noShow: true, note: 'Did not call in', version: 0 });
  await openPeriod(db, start);
  await addAdjustment(db, start, {
    staffId: first.id,
    hours: 1.5,
    reason: 'Stayed for the fire-safety training after hours',
    version: 1,
  });
}
