/**
 * Time off: the practice's PTO and sick-leave policies, requests with a manager's decision, and
 * balances projected to any date (shared/hr/accrual.ts walks them). Anyone asks for themselves; an
 * owner or manager decides, and may enter a request for anyone. A new request is a Today item for
 * the managers; the decision is one for the person who asked. A manager deciding sees the hours
 * the absence would leave short of the location's staffing rules (shifts.service.ts).
 * Cross-domain read: getTenant from tenants/settings.service.ts (the practice's today and zone).
 */
import { accrualRateText } from '../../shared/hr/accrual.ts';
import { inRoleGroup } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import {
  TIME_OFF_KIND_LABELS,
  TIME_OFF_KINDS,
  TIME_OFF_STATUS_LABELS,
  type TimeOffBalances,
  type TimeOffDecision,
  type TimeOffListQuery,
  type TimeOffOpeningInput,
  type TimeOffRequest,
  type TimeOffRequestDetail,
  type TimeOffRequestInput,
} from '../../shared/schemas/hr-time-off.ts';
import { addDays } from '../../shared/time.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  validationFailed,
} from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { closeIfOpenOps, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { gapsIfAbsent } from './shifts.service.ts';
import type { StoredStaff } from './staff.repo.ts';
import { staffRepo } from './staff.repo.ts';
import { timeOffRepo } from './time-off.repo.ts';
import { balanceContext, practiceToday, projectKind, weeklyHours } from './time-off-balances.ts';
import { toAccrual } from './time-off-policies.service.ts';

/** Who is asking: their role decides what they may see and do. */
export interface Caller {
  userId: string;
  role: Parameters<typeof inRoleGroup>[0];
}
const isAdmin = (c: Caller) => inRoleGroup(c.role, 'practiceAdmins');

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** The staff record the caller acts for: their own, or (for a manager) anyone's. */
async function staffFor(db: TenantDb, caller: Caller, staffId: string | undefined): Promise<StoredStaff> {
  const own = await staffRepo.idByUser(db, caller.userId);
  const id = staffId ?? own;
  if (!id) {
    throw badRequest('Your login is not linked to a staff record yet: ask your practice manager to link it');
  }
  // Someone else's record is not theirs to see: the same 404 as for an id that does not exist.
  if (id !== own && !isAdmin(caller)) throw notFound('Person');
  const s = await staffRepo.get(db, id);
  if (!s) throw notFound('Person');
  return s;
}

/** Each kind's balance today and on `on`, with what is approved ahead and what waits for a decision. */
export async function balances(
  db: TenantDb,
  caller: Caller,
  staffId: string,
  on: string | undefined,
): Promise<TimeOffBalances> {
  const person = await visiblePerson(db, caller, staffId);
  const ctx = await balanceContext(db, person);
  const date = on ?? ctx.today;
  return {
    staffId: person.id,
    openings: ctx.openings,
    name: fullName(person),
    on: date,
    today: ctx.today,
    assumedWeeklyHours: weeklyHours(person),
    ...(ctx.shiftHours.length ? { shiftsThrough: ctx.shiftHours[ctx.shiftHours.length - 1]!.date } : {}),
    balances: TIME_OFF_KINDS.map((kind) => {
      const now = projectKind(ctx, kind, ctx.today);
      const sum = (f: (r: TimeOffRequest) => boolean) =>
        Math.round(
          ctx.requests.filter((r) => r.kind === kind && f(r)).reduce((s, r) => s + r.hours, 0) * 100,
        ) / 100;
      return {
        kind,
        today: now.balance,
        onDate: projectKind(ctx, kind, date).balance,
        approvedAhead: sum((r) => r.status === 'approved' && r.endDate > ctx.today),
        pending: sum((r) => r.status === 'pending'),
        cappedHours: now.cappedHours,
        policyText: accrualRateText(toAccrual(ctx.policies[kind])),
      };
    }),
  };
}

/** A person the caller may see time off of: themselves, or anyone for a manager; 404 otherwise. */
async function visiblePerson(db: TenantDb, caller: Caller, staffId: string): Promise<StoredStaff> {
  if (!isAdmin(caller) && (await staffRepo.idByUser(db, caller.userId)) !== staffId) throw notFound('Person');
  const person = await staffRepo.get(db, staffId);
  if (!person) throw notFound('Person');
  return person;
}

const dateRange = (r: Pick<TimeOffRequest, 'startDate' | 'endDate'>) =>
  r.startDate === r.endDate ? r.startDate : `${r.startDate} to ${r.endDate}`;

/** Asks for time off (for oneself, or a manager for anyone); the managers get a Today item. */
export async function requestTimeOff(
  db: TenantDb,
  caller: Caller,
  input: TimeOffRequestInput,
): Promise<TimeOffRequestDetail> {
  const person = await staffFor(db, caller, input.staffId);
  if (person.status !== 'active') throw badRequest(`${fullName(person)} no longer works here`);
  if (input.startDate < person.hireDate) {
    throw badRequest('Time off cannot start before the hire date');
  }
  const mine = await timeOffRepo.ofStaff(db, person.id);
  const clash = mine.find(
    (r) =>
      (r.status === 'pending' || r.status === 'approved') &&
      r.startDate <= input.endDate &&
      r.endDate >= input.startDate,
  );
  if (clash) {
    throw conflict(
      `${person.userId === caller.userId ? 'You' : fullName(person)} already asked for ${dateRange(clash)} (${TIME_OFF_STATUS_LABELS[clash.status].toLowerCase()}): change or cancel that request instead`,
    );
  }
  const request: TimeOffRequest = {
    id: newId(),
    staffId: person.id,
    staffName: fullName(person),
    kind: input.kind,
    startDate: input.startDate,
    endDate: input.endDate,
    hours: Math.round(input.hours * 100) / 100,
    ...(input.note ? { note: input.note } : {}),
    status: 'pending',
    requestedAt: db.now().toISOString(),
    requestedBy: db.actor.name,
    version: 1,
  };
  const item = raiseTodayItemOp(
    db,
    {
      source: 'hr',
      kind: 'time_off_request',
      ref: request.id,
      title: `${request.staffName} asks for ${TIME_OFF_KIND_LABELS[request.kind].toLowerCase()}: ${dateRange(request)}`,
      detail: `${request.hours} hours${request.note ? `. “${request.note}”` : ''}`,
      link: `/app/hr/time-off?request=${request.id}`,
      assignee: { role: 'manager' },
      dueDate:
        addDays(request.startDate, -1) < (await practiceToday(db))
          ? request.startDate
          : addDays(request.startDate, -1),
      remindFrom: request.requestedAt.slice(0, 10),
    },
    db.now(),
  );
  await db.write([timeOffRepo.createOp(db, request), item], {
    action: 'hr.time_off_requested',
    entityType: 'time_off_request',
    entityId: request.id,
    entityName: request.staffName,
    summary: `${request.staffName}: ${TIME_OFF_KIND_LABELS[request.kind]} ${dateRange(request)}, ${request.hours} hours`,
  });
  return detailOf(db, caller, request, person);
}

/** The request with its balance before and after and who else in the same role and place is off. */
async function detailOf(
  db: TenantDb,
  caller: Caller,
  r: TimeOffRequest,
  person: StoredStaff,
): Promise<TimeOffRequestDetail> {
  const open = r.status === 'pending' || r.status === 'approved';
  const [ctx, nearby, everyone, coverageGaps] = await Promise.all([
    balanceContext(db, person),
    timeOffRepo.startingBetween(db, addDays(r.startDate, -60), r.endDate),
    staffRepo.all(db),
    isAdmin(caller) && open ? gapsIfAbsent(db, person, r) : [],
  ]);
  const others = ctx.requests.filter((x) => x.id !== r.id);
  const base = { ...ctx, requests: others };
  const before = projectKind(base, r.kind, addDays(r.startDate, -1)).balance;
  const after = projectKind(
    base,
    r.kind,
    r.endDate,
    r.status === 'declined' || r.status === 'cancelled' ? [] : [{ ...r, status: 'approved' }],
  ).balance;
  const peers = new Map(
    everyone
      .filter(
        (s) =>
          s.id !== person.id &&
          s.staffRole === person.staffRole &&
          s.locationIds.some((l) => person.locationIds.includes(l)),
      )
      .map((s) => [s.id, s]),
  );
  const overlaps = nearby
    .filter(
      (x) =>
        peers.has(x.staffId) &&
        (x.status === 'approved' || x.status === 'pending') &&
        x.endDate >= r.startDate &&
        x.startDate <= r.endDate,
    )
    .map((x) => ({
      staffId: x.staffId,
      name: x.staffName,
      startDate: x.startDate,
      endDate: x.endDate,
      status: x.status,
    }));
  return { ...r, balanceBefore: before, balanceAfter: after, overlaps, coverageGaps };
}

/** One request with what deciding it needs; the person's own or, for a manager, anyone's. */
export async function getRequest(db: TenantDb, caller: Caller, id: string): Promise<TimeOffRequestDetail> {
  const r = await timeOffRepo.get(db, id);
  if (!r) throw notFound('Time-off request');
  const person = await visiblePerson(db, caller, r.staffId).catch(() => {
    throw notFound('Time-off request');
  });
  return detailOf(db, caller, r, person);
}

/** Requests by first day: a manager sees everyone's, anyone else only their own. */
export async function listRequests(
  db: TenantDb,
  caller: Caller,
  q: TimeOffListQuery,
  limit: number,
): Promise<Page<TimeOffRequest>> {
  const range = tenantKeys.timeOffRange(q.from, q.to);
  const own = isAdmin(caller) ? undefined : await staffRepo.idByUser(db, caller.userId);
  if (!isAdmin(caller) && !own) return { items: [], nextCursor: null };
  const staffId = own ?? q.staffId;
  const status = q.status === 'all' ? undefined : q.status;
  return staffId
    ? timeOffRepo.pageOf(db, staffId, range, limit, q.cursor, status)
    : timeOffRepo.page(db, range, limit, q.cursor, status);
}

/** Approves or declines a waiting request; the managers' item closes, the person hears of it in Today. */
export async function decideRequest(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: TimeOffDecision,
): Promise<TimeOffRequestDetail> {
  const r = await timeOffRepo.get(db, id);
  if (!r) throw notFound('Time-off request');
  if (r.version !== input.version) throw staleVersion();
  if (r.status !== 'pending') throw badRequest(`This request was already ${r.status}`);
  // A manager's own time off is decided by the owner (or another manager), never by themselves.
  if (caller.role !== 'owner' && (await staffRepo.idByUser(db, caller.userId)) === r.staffId) {
    throw forbidden('Your own time off is decided by the owner or another manager');
  }
  const person = await staffRepo.get(db, r.staffId);
  if (!person) throw notFound('Person');
  const status = input.decision === 'approve' ? 'approved' : 'declined';
  const set = {
    status,
    decidedAt: db.now().toISOString(),
    decidedBy: db.actor.name,
    ...(input.note ? { decisionNote: input.note } : {}),
  } as const;
  const tell = person.userId
    ? [
        raiseTodayItemOp(
          db,
          {
            source: 'hr',
            kind: 'time_off_decided',
            ref: r.id,
            title: `Your ${TIME_OFF_KIND_LABELS[r.kind].toLowerCase()} ${dateRange(r)} was ${status}`,
            ...(input.note ? { detail: input.note } : {}),
            link: '/app/hr/time-off',
            assignee: { userId: person.userId, name: fullName(person) },
            priority: 'low',
          },
          db.now(),
        ),
      ]
    : [];
  const close = await closeIfOpenOps(db, [todayItemId('hr', 'time_off_request', r.id)]);
  await db.write([timeOffRepo.updateOp(db, r, set), ...close, ...tell], {
    action: 'hr.time_off_decided',
    entityType: 'time_off_request',
    entityId: r.id,
    entityName: r.staffName,
    detail: status,
    summary: `${status === 'approved' ? 'Approved' : 'Declined'} ${r.staffName}'s ${TIME_OFF_KIND_LABELS[r.kind].toLowerCase()} ${dateRange(r)}`,
  });
  return detailOf(db, caller, { ...r, ...set, version: r.version + 1 }, person);
}

/** Withdraws a request not yet taken: the person's own, or anyone's for a manager. */
export async function cancelRequest(
  db: TenantDb,
  caller: Caller,
  id: string,
  version: number,
): Promise<TimeOffRequestDetail> {
  const r = await timeOffRepo.get(db, id);
  if (!r) throw notFound('Time-off request');
  const person = await visiblePerson(db, caller, r.staffId).catch(() => {
    throw notFound('Time-off request');
  });
  if (r.version !== version) throw staleVersion();
  if (r.status === 'declined' || r.status === 'cancelled')
    throw badRequest(`This request was already ${r.status}`);
  if (r.status === 'approved' && r.startDate <= (await practiceToday(db)) && !isAdmin(caller)) {
    throw badRequest('Time off that has started can be changed by a manager only');
  }
  const close = await closeIfOpenOps(db, [todayItemId('hr', 'time_off_request', r.id)]);
  const set = { status: 'cancelled' as const, decidedAt: db.now().toISOString(), decidedBy: db.actor.name };
  await db.write([timeOffRepo.updateOp(db, r, set), ...close], {
    action: 'hr.time_off_cancelled',
    entityType: 'time_off_request',
    entityId: r.id,
    entityName: r.staffName,
    summary: `Cancelled ${r.staffName}'s ${TIME_OFF_KIND_LABELS[r.kind].toLowerCase()} ${dateRange(r)}`,
  });
  return detailOf(db, caller, { ...r, ...set, version: r.version + 1 }, person);
}

/** Sets the balances carried in from before Rounds; accrual runs on from each date. */
export async function setOpenings(
  db: TenantDb,
  caller: Caller,
  staffId: string,
  input: TimeOffOpeningInput,
): Promise<TimeOffBalances> {
  const person = await staffRepo.get(db, staffId);
  if (!person) throw notFound('Person');
  for (const kind of TIME_OFF_KINDS) {
    const o = input[kind];
    if (o && o.date < person.hireDate) {
      throw validationFailed([{ path: `${kind}.date`, message: 'The date cannot be before the hire date' }]);
    }
  }
  const said = TIME_OFF_KINDS.flatMap((k) => {
    const o = input[k];
    return o ? [`${TIME_OFF_KIND_LABELS[k]} ${o.hours} h on ${o.date}`] : [];
  });
  await db.write([timeOffRepo.openingsOp(db, staffId, input)], {
    action: 'hr.time_off_opening_set',
    entityType: 'staff',
    entityId: staffId,
    entityName: fullName(person),
    summary: `Balances carried in for ${fullName(person)}: ${said.join(', ') || 'none'}`,
  });
  return balances(db, caller, staffId, undefined);
}
