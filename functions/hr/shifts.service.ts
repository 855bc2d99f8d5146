/**
 * The shift schedule: shifts per location and week, copying last week, publishing to staff, each
 * location's staffing rules, and coverage against the patients actually booked (shared/hr/coverage.ts).
 * Cross-domain reads: `weekLoad` from scheduling/load.service.ts (visits booked and providers in
 * session, hour by hour) and `getLocation` from tenants/settings.service.ts (the location exists;
 * its time zone decides "this week"; getTenant: the practice's today).
 */
import { coverage, gaps, type StaffingRule } from '../../shared/hr/coverage.ts';
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Shift, ShiftInput, ShiftUpdate, ShiftWeekView } from '../../shared/schemas/hr-shifts.ts';
import { addDays, localParts, minutesOf } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { weekLoad } from '../scheduling/load.service.ts';
import { getLocation, getTenant } from '../tenants/settings.service.ts';
import { shiftRepo } from './shifts.repo.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';
import { ruleText } from './staffing-rules.service.ts';
import { timeOffRepo } from './time-off.repo.ts';

/** Who is asking: staff see a published week's shifts; owners and managers everything. */
export interface Viewer {
  role: Role;
}
const isAdmin = (v: Viewer) => inRoleGroup(v.role, 'practiceAdmins');
const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** Monday of the week holding `date`. */
export const mondayOf = (date: string) =>
  addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The week of a location: shifts (staff: only once published), time off and, for managers, coverage. */
export async function weekView(
  db: TenantDb,
  viewer: Viewer,
  locationId: string,
  weekOf: string | undefined,
  /** Time off counted as if approved (a request being decided: what would it leave uncovered?). */
  also?: { staffId: string; startDate: string; endDate: string },
): Promise<ShiftWeekView> {
  const location = await getLocation(db, locationId);
  const weekStart = mondayOf(weekOf ?? localParts(db.now().getTime(), location.timeZone).date);
  const weekEnd = addDays(weekStart, 6);
  // Scheduling's load is read alongside, for managers only: the view is one round of reads.
  const [published, shifts, everyone, requests, rules, load] = await Promise.all([
    shiftRepo.week(db, locationId, weekStart),
    shiftRepo.ofLocation(db, locationId, weekStart, weekEnd),
    staffRepo.all(db),
    timeOffRepo.startingBetween(db, addDays(weekStart, -60), weekEnd),
    shiftRepo.rules(db, locationId),
    isAdmin(viewer) ? weekLoad(db, locationId, weekStart) : undefined,
  ]);
  const here = new Set(everyone.filter((s) => s.locationIds.includes(locationId)).map((s) => s.id));
  const off = requests.filter(
    (r) => r.status === 'approved' && here.has(r.staffId) && r.endDate >= weekStart && r.startDate <= weekEnd,
  );
  const base = {
    locationId,
    weekStart,
    timeZone: location.timeZone,
    published: Boolean(published),
    ...(published ? { publishedAt: published.publishedAt, publishedBy: published.publishedBy } : {}),
    timeOff: off.map((r) => ({
      staffId: r.staffId,
      name: r.staffName,
      startDate: r.startDate,
      endDate: r.endDate,
    })),
    rulesText: rules.rules.map(ruleText),
  };
  if (!load) return { ...base, shifts: published ? shifts : [], coverage: [], gapHours: 0 };
  const roles = new Map(everyone.map((s) => [s.id, s.staffRole]));
  const absent = new Set<string>();
  for (const r of also ? [...off, also] : off) {
    for (let d = r.startDate; d <= r.endDate; d = addDays(d, 1)) absent.add(`${r.staffId}|${d}`);
  }
  const hours = coverage(
    rules.rules as StaffingRule[],
    load.hours,
    shifts.map((s) => ({ ...s, staffRole: roles.get(s.staffId) ?? s.staffRole })),
    absent,
  );
  return { ...base, shifts, coverage: hours, gapHours: gaps(hours).length };
}

/** Most weeks a request's coverage check reads (a longer leave is checked on its first three). */
const MAX_CHECKED_WEEKS = 3;

/**
 * The hours a person's time off would leave short: on each day off they have a shift, the hours
 * where their role falls below the location's rules with them (and everyone already off) away.
 */
export async function gapsIfAbsent(
  db: TenantDb,
  person: { id: string; staffRole: string; locationIds: string[] },
  off: { startDate: string; endDate: string },
): Promise<
  { date: string; locationId: string; locationName: string; hours: number; from: string; to: string }[]
> {
  const shifts = await shiftRepo.ofStaff(db, person.id, off.startDate, off.endDate);
  const worked = new Set(shifts.map((s) => `${s.locationId}|${s.date}`));
  const out: Awaited<ReturnType<typeof gapsIfAbsent>> = [];
  for (const locationId of person.locationIds) {
    if (![...worked].some((w) => w.startsWith(`${locationId}|`))) continue;
    const location = await getLocation(db, locationId);
    for (let w = 0, monday = mondayOf(off.startDate); w < MAX_CHECKED_WEEKS && monday <= off.endDate; w++) {
      const view = await weekView(db, { role: 'manager' }, locationId, monday, {
        staffId: person.id,
        ...off,
      });
      const byDay = new Map<string, number[]>();
      for (const h of view.coverage) {
        if (h.date < off.startDate || h.date > off.endDate || !worked.has(`${locationId}|${h.date}`))
          continue;
        if (h.roles.some((r) => r.staffRole === person.staffRole && r.short > 0)) {
          byDay.set(h.date, [...(byDay.get(h.date) ?? []), h.hour]);
        }
      }
      for (const [date, hs] of byDay) {
        const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
        out.push({
          date,
          locationId,
          locationName: location.name,
          hours: hs.length,
          from: hh(Math.min(...hs)),
          to: hh(Math.max(...hs) + 1),
        });
      }
      monday = addDays(monday, 7);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  minutesOf(a.start) < minutesOf(b.end) && minutesOf(a.end) > minutesOf(b.start);

/** The person may work this shift: current, at the location, and not already working then. */
async function checkShift(
  db: TenantDb,
  s: { staffId: string; locationId: string; date: string; start: string; end: string },
  ignore?: string,
): Promise<StoredStaff> {
  const person = await staffRepo.get(db, s.staffId);
  if (person?.status !== 'active') {
    throw validationFailed([{ path: 'staffId', message: 'Choose a current member of staff' }]);
  }
  if (!person.locationIds.includes(s.locationId)) {
    throw validationFailed([
      { path: 'staffId', message: `${fullName(person)} does not work at this location` },
    ]);
  }
  if (person.endDate && s.date > person.endDate) {
    throw validationFailed([
      { path: 'date', message: `${fullName(person)}'s last day is ${person.endDate}` },
    ]);
  }
  const same = (await shiftRepo.ofStaff(db, s.staffId, s.date, s.date)).filter((x) => x.id !== ignore);
  const clash = same.find((x) => overlaps(x, s));
  if (clash) {
    throw validationFailed([
      { path: 'start', message: `${fullName(person)} already works ${clash.start}–${clash.end} that day` },
    ]);
  }
  return person;
}

const shiftWords = (s: Shift) => `${s.staffName}, ${s.date} ${s.start}–${s.end}`;

/** Adds a shift. */
export async function addShift(db: TenantDb, input: ShiftInput): Promise<Shift> {
  await getLocation(db, input.locationId);
  const person = await checkShift(db, input);
  const shift: Shift = {
    id: newId(),
    ...input,
    staffName: fullName(person),
    staffRole: person.staffRole,
    version: 1,
  };
  await db.write([shiftRepo.createOp(db, shift)], {
    action: 'hr.shift_added',
    entityType: 'shift',
    entityId: shift.id,
    entityName: shift.staffName,
    summary: `Shift added: ${shiftWords(shift)}`,
  });
  return shift;
}

/** Moves or retimes a shift (or gives it to someone else at the same location) at the version read. */
export async function updateShift(db: TenantDb, id: string, input: ShiftUpdate): Promise<Shift> {
  const previous = await shiftRepo.get(db, id);
  if (!previous) throw notFound('Shift');
  if (previous.version !== input.version) throw staleVersion();
  const { version: _v, ...fields } = input;
  const person = await checkShift(db, { ...fields, locationId: previous.locationId }, id);
  const next: Shift = {
    id,
    locationId: previous.locationId,
    ...fields,
    staffName: fullName(person),
    staffRole: person.staffRole,
    version: previous.version + 1,
  };
  await db.write([shiftRepo.updateOp(db, previous, next)], {
    action: 'hr.shift_changed',
    entityType: 'shift',
    entityId: id,
    entityName: next.staffName,
    summary: `Shift changed: ${shiftWords(previous)} → ${shiftWords(next)}`,
  });
  return next;
}

/**
 * The write that gives a shift to someone else (a swap approved), checked like any edit: the
 * colleague is current, works at the location and is free then. Fails on write if the shift moved on.
 */
export async function reassignShiftOp(
  db: TenantDb,
  shift: Shift,
  toStaffId: string,
): Promise<{ op: WriteOp; next: Shift }> {
  const person = await checkShift(db, { ...shift, staffId: toStaffId }, shift.id);
  const next: Shift = {
    ...shift,
    staffId: person.id,
    staffName: fullName(person),
    staffRole: person.staffRole,
    version: shift.version + 1,
  };
  return { op: shiftRepo.updateOp(db, shift, next), next };
}

/** Removes a shift read at `version`. */
export async function removeShift(db: TenantDb, id: string, version: number): Promise<void> {
  const s = await shiftRepo.get(db, id);
  if (!s) throw notFound('Shift');
  if (s.version !== version) throw staleVersion();
  await db.write([shiftRepo.deleteOp(db, s)], {
    action: 'hr.shift_removed',
    entityType: 'shift',
    entityId: id,
    entityName: s.staffName,
    summary: `Shift removed: ${shiftWords(s)}`,
  });
}

/** Most shifts one copy writes: a transaction holds 100 items, less the audit's two. */
const MAX_COPY = 98;

/**
 * Copies last week's shifts of the location into this week, a day for a day. A person who left,
 * is off that day, or already works then this week is skipped, and said so.
 */
export async function copyLastWeek(
  db: TenantDb,
  input: { locationId: string; weekOf: string },
): Promise<{ copied: number; skipped: { name: string; date: string; reason: string }[] }> {
  const location = await getLocation(db, input.locationId);
  const weekStart = mondayOf(input.weekOf);
  const lastStart = addDays(weekStart, -7);
  const [last, current, everyone, requests] = await Promise.all([
    shiftRepo.ofLocation(db, input.locationId, lastStart, addDays(lastStart, 6)),
    shiftRepo.ofLocation(db, input.locationId, weekStart, addDays(weekStart, 6)),
    staffRepo.all(db),
    timeOffRepo.startingBetween(db, addDays(weekStart, -60), addDays(weekStart, 6)),
  ]);
  if (last.length === 0) throw badRequest('Last week has no shifts at this location to copy');
  const people = new Map(everyone.map((s) => [s.id, s]));
  const offOn = (staffId: string, date: string) =>
    requests.some(
      (r) => r.staffId === staffId && r.status === 'approved' && r.startDate <= date && r.endDate >= date,
    );
  const skipped: { name: string; date: string; reason: string }[] = [];
  const copies: Shift[] = [];
  for (const s of last) {
    const date = addDays(s.date, 7);
    const person = people.get(s.staffId);
    const skip = (reason: string) => skipped.push({ name: s.staffName, date, reason });
    if (person?.status !== 'active' || !person.locationIds.includes(input.locationId))
      skip('no longer works here');
    else if (offOn(s.staffId, date)) skip('has approved time off that day');
    else if (
      [...current, ...copies].some((x) => x.staffId === s.staffId && x.date === date && overlaps(x, s))
    ) {
      skip('already has a shift then');
    } else {
      copies.push({
        ...s,
        id: newId(),
        date,
        staffName: fullName(person),
        staffRole: person.staffRole,
        version: 1,
      });
    }
  }
  if (copies.length > MAX_COPY)
    throw badRequest(`Copy at most ${MAX_COPY} shifts at once (last week has ${copies.length})`);
  if (copies.length > 0) {
    await db.write(
      copies.map((c) => shiftRepo.createOp(db, c)),
      {
        action: 'hr.week_copied',
        entityType: 'location',
        entityId: input.locationId,
        entityName: location.name,
        summary: `Copied ${copies.length} shifts of the week of ${lastStart} into the week of ${weekStart} at ${location.name}`,
      },
    );
  }
  return { copied: copies.length, skipped };
}

/** Publishes a location's week: staff see its shifts from now on. */
export async function publishWeek(
  db: TenantDb,
  input: { locationId: string; weekOf: string },
): Promise<ShiftWeekView> {
  const location = await getLocation(db, input.locationId);
  const weekStart = mondayOf(input.weekOf);
  const shifts = await shiftRepo.ofLocation(db, input.locationId, weekStart, addDays(weekStart, 6));
  if (shifts.length === 0) throw badRequest('The week has no shifts to publish');
  await db.write(
    [
      shiftRepo.publishOp(db, {
        locationId: input.locationId,
        weekStart,
        publishedAt: db.now().toISOString(),
        publishedBy: db.actor.name,
      }),
    ],
    {
      action: 'hr.week_published',
      entityType: 'location',
      entityId: input.locationId,
      entityName: location.name,
      summary: `Published the week of ${weekStart} at ${location.name} (${shifts.length} shifts)`,
    },
  );
  return weekView(db, { role: 'manager' }, input.locationId, weekStart);
}

/** The caller's own shifts in published weeks from `from` for four weeks, every location. */
export async function myShifts(db: TenantDb, userId: string, fromDate?: string): Promise<{ items: Shift[] }> {
  const staffId = await staffRepo.idByUser(db, userId);
  if (!staffId) return { items: [] };
  const from = fromDate ?? localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
  const shifts = await shiftRepo.ofStaff(db, staffId, from, addDays(from, 27));
  const weeks = new Map<string, boolean>();
  for (const s of shifts) {
    const key = `${s.locationId}|${mondayOf(s.date)}`;
    if (!weeks.has(key)) weeks.set(key, Boolean(await shiftRepo.week(db, s.locationId, mondayOf(s.date))));
  }
  return { items: shifts.filter((s) => weeks.get(`${s.locationId}|${mondayOf(s.date)}`)) };
}
