/**
 * Leave and accommodation cases (FMLA, ADA, state leave). A case is opened by an owner or manager
 * for a person in the directory; the FMLA and ADA tests are worked out on the day it opens from the
 * directory's headcount and the person's service (shared/hr/leave-eligibility.ts) and kept with it.
 * Leave taken or scheduled is logged on the case; the person's FMLA 12 weeks count over all their
 * FMLA cases (shared/hr/leave-cases.ts). The notice and certification dates, and the expected
 * return, are due dates with alerts for the managers until marked done or the case closes.
 * Case notes (medical detail) are the owner's alone, in their own items, never in an audit summary.
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today and zone).
 */
import {
  estimatedHoursWorked,
  fmlaCounter,
  leaveKeyDates,
  stretchHours,
} from '../../shared/hr/leave-cases.ts';
import { adaCovered, fmlaEligibility } from '../../shared/hr/leave-eligibility.ts';
import type { Page } from '../../shared/schemas/common.ts';
import {
  KEY_DATE_LABELS,
  LEAVE_KIND_LABELS,
  type LeaveCase,
  type LeaveCaseClose,
  type LeaveCaseListQuery,
  type LeaveCaseOpen,
  type LeaveEntryAdd,
  type LeaveEntryRemove,
  type LeaveKeyDateDone,
} from '../../shared/schemas/hr-leave.ts';
import { localParts } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { mergeQueueMarkers } from '../platform/due/due-dates.ts';
import { badRequest, conflict, notFound, staleVersion } from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import { newId } from '../platform/ids.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { leaveRepo, MAX_LEAVE_ENTRIES, type StoredLeaveCase } from './leave.repo.ts';
import { cancelKeyDate, planKeyDate } from './leave-alerts.ts';
import { type StoredStaff, staffRepo } from './staff.repo.ts';

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

async function practiceDay(db: TenantDb): Promise<{ today: string; timeZone: string }> {
  const tenant = await getTenant(db);
  return { today: localParts(db.now().getTime(), tenant.timeZone).date, timeZone: tenant.timeZone };
}

/** A person's usual workweek in hours: their FTE of 40 (a week of FMLA leave is one of these). */
const workweekOf = (person: StoredStaff | undefined) => Math.round((person?.fte ?? 1) * 40 * 100) / 100;

/** The case as sent: entries with their hours, key dates with overdue, the FMLA counter for FMLA cases. */
function toDto(
  c: StoredLeaveCase,
  theirCases: readonly StoredLeaveCase[],
  person: StoredStaff | undefined,
  today: string,
): LeaveCase {
  const fmlaStretches = theirCases.filter((x) => x.kind === 'fmla').flatMap((x) => x.entries);
  const usage = c.kind === 'fmla' ? fmlaCounter(fmlaStretches, workweekOf(person), today) : null;
  return {
    ...c,
    entries: c.entries.map((e) => ({ ...e, hours: stretchHours(e) })),
    usage,
    keyDates: c.keyDates.map((k) => ({
      ...k,
      overdue: !k.doneOn && c.status === 'open' && k.date < today,
    })),
  };
}

/** The case of this id, with the person's other cases and directory entry, else 404. */
async function load(db: TenantDb, id: string) {
  const c = await leaveRepo.get(db, id);
  if (!c) throw notFound('Leave case');
  const [theirs, person, day] = await Promise.all([
    leaveRepo.ofStaff(db, c.staffId),
    staffRepo.get(db, c.staffId),
    practiceDay(db),
  ]);
  return { c, theirs, person, ...day };
}

const answer = (
  c: StoredLeaveCase,
  theirs: StoredLeaveCase[],
  person: StoredStaff | undefined,
  today: string,
) =>
  toDto(
    c,
    theirs.map((x) => (x.id === c.id ? c : x)),
    person,
    today,
  );

export async function getLeaveCase(db: TenantDb, id: string): Promise<LeaveCase> {
  const { c, theirs, person, today } = await load(db, id);
  return answer(c, theirs, person, today);
}

const SORTERS: Record<
  NonNullable<LeaveCaseListQuery['sort']>,
  (a: StoredLeaveCase, b: StoredLeaveCase) => number
> = {
  startDate: (a, b) => a.startDate.localeCompare(b.startDate),
  name: (a, b) => a.staffName.localeCompare(b.staffName),
  kind: (a, b) => LEAVE_KIND_LABELS[a.kind].localeCompare(LEAVE_KIND_LABELS[b.kind]),
};

/** The practice's cases, filtered, sorted (newest first day by default) and paged: two Queries. */
export async function listLeaveCases(
  db: TenantDb,
  q: LeaveCaseListQuery,
  limit: number,
): Promise<Page<LeaveCase>> {
  const [cases, staff, { today }] = await Promise.all([
    leaveRepo.all(db),
    staffRepo.all(db),
    practiceDay(db),
  ]);
  const people = new Map(staff.map((s) => [s.id, s]));
  const show = q.status ?? 'open';
  const rows = cases.filter(
    (c) => (show === 'all' || c.status === show) && (!q.staffId || c.staffId === q.staffId),
  );
  const sorter = SORTERS[q.sort ?? 'startDate'];
  const dir = (q.dir ?? (q.sort && q.sort !== 'startDate' ? 'asc' : 'desc')) === 'desc' ? -1 : 1;
  rows.sort(
    (a, b) => dir * sorter(a, b) || a.staffName.localeCompare(b.staffName) || a.id.localeCompare(b.id),
  );
  const signature = JSON.stringify(['leave-cases', show, q.staffId, q.sort, q.dir]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  const byStaff = new Map<string, StoredLeaveCase[]>();
  for (const c of cases) byStaff.set(c.staffId, [...(byStaff.get(c.staffId) ?? []), c]);
  return {
    items: rows
      .slice(start, end)
      .map((c) => toDto(c, byStaff.get(c.staffId) ?? [], people.get(c.staffId), today)),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** FMLA and ADA on the case's first day, from the directory and what the manager entered. */
function eligibilityFor(
  input: LeaveCaseOpen,
  person: StoredStaff,
  headcount: number,
): StoredLeaveCase['eligibility'] {
  const employeesWithin75Miles = input.employeesWithin75Miles ?? headcount;
  const hoursEstimated = input.hoursWorkedLast12Months === undefined;
  const hoursWorkedLast12Months =
    input.hoursWorkedLast12Months ?? estimatedHoursWorked(person.fte, person.hireDate, input.startDate);
  const fmla = fmlaEligibility({
    employeesWithin75Miles,
    hireDate: person.hireDate,
    asOf: input.startDate,
    hoursWorkedLast12Months,
    priorEmploymentMonths: input.priorEmploymentMonths,
  });
  const ada = adaCovered(headcount);
  return {
    fmla: { ...fmla, employeesWithin75Miles, hoursWorkedLast12Months, hoursEstimated },
    ada: { ...ada, employeeCount: headcount },
  };
}

/** Opens a case: eligibility worked out and kept, key dates planned as alerts for the managers. */
export async function openLeaveCase(db: TenantDb, input: LeaveCaseOpen): Promise<LeaveCase> {
  const [staff, { today, timeZone }] = await Promise.all([staffRepo.all(db), practiceDay(db)]);
  const person = staff.find((s) => s.id === input.staffId);
  if (!person) throw notFound('Person');
  if (person.status !== 'active') throw badRequest(`${fullName(person)} no longer works here`);
  const headcount = staff.filter((s) => s.status === 'active').length;
  const requestedOn = input.requestedOn ?? today;
  const due = leaveKeyDates(requestedOn);
  const c: StoredLeaveCase = {
    id: newId(),
    staffId: person.id,
    staffName: fullName(person),
    kind: input.kind,
    reason: input.reason,
    schedule: input.schedule,
    requestedOn,
    startDate: input.startDate,
    ...(input.expectedReturnDate ? { expectedReturnDate: input.expectedReturnDate } : {}),
    status: 'open',
    eligibility: eligibilityFor(input, person, headcount),
    entries: [],
    keyDates: [
      { kind: 'designation_notice', date: due.designationNotice },
      { kind: 'certification', date: due.certification },
      ...(input.expectedReturnDate
        ? [{ kind: 'expected_return' as const, date: input.expectedReturnDate }]
        : []),
    ],
    openedAt: db.now().toISOString(),
    openedBy: db.actor.name,
    version: 1,
  };
  const planned = await Promise.all(c.keyDates.map((k) => planKeyDate(db, c, k.kind, k.date, timeZone)));
  await db.writeWithPlatformItems(
    [leaveRepo.createOp(db, c), ...planned.flatMap((p) => p.ops)],
    mergeQueueMarkers(planned.flatMap((p) => p.platformOps)),
    {
      action: 'hr.leave_case_opened',
      entityType: 'hr_leave_case',
      entityId: c.id,
      entityName: c.staffName,
      summary: `Opened a ${LEAVE_KIND_LABELS[c.kind]} case for ${c.staffName} from ${c.startDate}`,
    },
  );
  const theirs = await leaveRepo.ofStaff(db, c.staffId);
  return answer(c, theirs.some((x) => x.id === c.id) ? theirs : [...theirs, c], person, today);
}

function assertOpen(c: StoredLeaveCase, version: number) {
  if (c.version !== version) throw staleVersion();
  if (c.status === 'closed') throw conflict(`${c.staffName}'s case is closed: open a new one for more leave`);
}

/** Writes the case's change at the version read and answers the case as it now stands. */
async function save(
  db: TenantDb,
  loaded: Awaited<ReturnType<typeof load>>,
  set: Partial<StoredLeaveCase>,
  version: number,
  audit: { action: string; summary: string },
  due: { ops: WriteOp[]; platformOps: WriteOp[] } = { ops: [], platformOps: [] },
): Promise<LeaveCase> {
  const { c } = loaded;
  await db.writeWithPlatformItems(
    [leaveRepo.updateOp(db, c, set, version), ...due.ops],
    mergeQueueMarkers(due.platformOps),
    {
      ...audit,
      entityType: 'hr_leave_case',
      entityId: c.id,
      entityName: c.staffName,
    },
  );
  const next = { ...c, ...set, version: version + 1 };
  return answer(next, loaded.theirs, loaded.person, loaded.today);
}

/** Logs leave taken or scheduled on the case. */
export async function addLeaveEntry(db: TenantDb, id: string, input: LeaveEntryAdd): Promise<LeaveCase> {
  const loaded = await load(db, id);
  const { c, person } = loaded;
  assertOpen(c, input.version);
  if (input.start < c.startDate)
    throw badRequest(`Leave on this case starts ${c.startDate}: log earlier days on a case of their own`);
  if (c.entries.length >= MAX_LEAVE_ENTRIES)
    throw conflict(`A case holds at most ${MAX_LEAVE_ENTRIES} entries: open a new case`);
  const overlapping = c.entries.find((e) => e.start <= input.end && e.end >= input.start);
  if (overlapping)
    throw conflict(
      `Leave from ${overlapping.start} to ${overlapping.end} is already logged: remove it first`,
    );
  const entry = {
    id: newId(),
    start: input.start,
    end: input.end,
    hoursPerDay: input.hoursPerDay ?? Math.round((workweekOf(person) / 5) * 100) / 100,
    addedAt: db.now().toISOString(),
    addedBy: db.actor.name,
  };
  if (stretchHours(entry) === 0) throw badRequest('Those days are a weekend: log a weekend day on its own');
  const entries = [...c.entries, entry].sort((a, b) => a.start.localeCompare(b.start));
  return save(db, loaded, { entries }, input.version, {
    action: 'hr.leave_logged',
    summary: `Logged ${stretchHours(entry)} hours of leave for ${c.staffName} (${entry.start} to ${entry.end})`,
  });
}

/** Removes a logged entry (a mistake): the counter gives the hours back. */
export async function removeLeaveEntry(
  db: TenantDb,
  id: string,
  input: LeaveEntryRemove,
): Promise<LeaveCase> {
  const loaded = await load(db, id);
  const { c } = loaded;
  assertOpen(c, input.version);
  const entry = c.entries.find((e) => e.id === input.entryId);
  if (!entry) throw notFound('Leave entry');
  return save(db, loaded, { entries: c.entries.filter((e) => e.id !== entry.id) }, input.version, {
    action: 'hr.leave_removed',
    summary: `Removed ${c.staffName}'s leave from ${entry.start} to ${entry.end}`,
  });
}

/** Marks the notice sent or the certification received: its alert stops. */
export async function markKeyDateDone(db: TenantDb, id: string, input: LeaveKeyDateDone): Promise<LeaveCase> {
  const loaded = await load(db, id);
  const { c } = loaded;
  assertOpen(c, input.version);
  const keyDate = c.keyDates.find((k) => k.kind === input.kind);
  if (!keyDate) throw notFound('Key date');
  if (keyDate.doneOn) throw conflict('That is already marked done');
  const keyDates = c.keyDates.map((k) => (k.kind === input.kind ? { ...k, doneOn: input.doneOn } : k));
  return save(
    db,
    loaded,
    { keyDates },
    input.version,
    {
      action: 'hr.leave_key_date_done',
      summary: `${KEY_DATE_LABELS[input.kind].split(' (')[0]} for ${c.staffName}: done ${input.doneOn}`,
    },
    await cancelKeyDate(db, c.id, input.kind),
  );
}

/** Closes the case on the person's return: every alert still planned stops. */
export async function closeLeaveCase(db: TenantDb, id: string, input: LeaveCaseClose): Promise<LeaveCase> {
  const loaded = await load(db, id);
  const { c } = loaded;
  assertOpen(c, input.version);
  if (input.returnDate < c.startDate)
    throw badRequest('The return date must not be before the first day of leave');
  const cancels = await Promise.all(
    c.keyDates.filter((k) => !k.doneOn).map((k) => cancelKeyDate(db, c.id, k.kind)),
  );
  return save(
    db,
    loaded,
    {
      status: 'closed',
      returnDate: input.returnDate,
      closedAt: db.now().toISOString(),
      closedBy: db.actor.name,
    },
    input.version,
    {
      action: 'hr.leave_case_closed',
      summary: `Closed ${c.staffName}'s ${LEAVE_KIND_LABELS[c.kind]} case (back ${input.returnDate})`,
    },
    { ops: cancels.flatMap((x) => x.ops), platformOps: cancels.flatMap((x) => x.platformOps) },
  );
}
