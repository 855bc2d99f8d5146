import { addDays, localParts } from '../../shared/time.ts';
import { addLeaveEntry, markKeyDateDone, openLeaveCase } from '../hr/leave.service.ts';
import { staffRepo } from '../hr/staff.repo.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import type { SeedMember } from './seed-hr.ts';

/**
 * The demo's leave case: Hannah Price's intermittent FMLA leave to care for a parent, asked for 12
 * days ago (the notice went out; the certification is due in three days), with two half days
 * taken. The practice counts the employees of its group within 75 miles (58) and payroll's 1,310 hours,
 * so she is eligible.
 * Run after seedHr (it needs the directory).
 */
export async function seedLeave(
  p: Platform,
  scope: TenantScope,
  manager: Pick<SeedMember, 'userId' | 'name' | 'role'>,
  timeZone: string,
): Promise<void> {
  const db = new TenantDb(p.store, scope, manager, 'seed', p.clock);
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const hannah = (await staffRepo.all(db)).find((s) => s.firstName === 'Hannah' && s.lastName === 'Price');
  if (!hannah) return;
  const requestedOn = addDays(today, -12);
  let c = await openLeaveCase(db, {
    staffId: hannah.id,
    kind: 'fmla',
    reason: 'family_care',
    schedule: 'intermittent',
    requestedOn,
    startDate: addDays(today, -8),
    employeesWithin75Miles: 58,
    // From payroll: at 0.6 FTE the estimate (1,248) would fall two hours short of 1,250.
    hoursWorkedLast12Months: 1310,
  });
  for (const day of [addDays(today, -8), addDays(today, -3)]) {
    c = await addLeaveEntry(db, c.id, { start: day, end: day, hoursPerDay: 4, version: c.version });
  }
  await markKeyDateDone(db, c.id, {
    kind: 'designation_notice',
    doneOn: addDays(requestedOn, 3),
    version: c.version,
  });
}
