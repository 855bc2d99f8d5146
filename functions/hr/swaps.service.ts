/**
 * Shift swap requests. A person asks to hand one of their upcoming shifts to a colleague at the
 * same location (a Today item for the managers); a manager approves, which gives the shift to the
 * colleague in the same transaction (checked again for clashes, and refused if the shift changed
 * since the request), or declines; the person may withdraw while it waits. Either outcome is a
 * Today item for the person. Owners and managers see every request; anyone else the ones that
 * name them. Cross-domain read: getTenant and getLocation from tenants/settings.service.ts.
 */
import { staffDateTime, staffTimeOfDay } from '../../shared/locale.ts';
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type {
  SwapAsk,
  SwapCancel,
  SwapDecision,
  SwapListQuery,
  SwapRequest,
} from '../../shared/schemas/hr-swaps.ts';
import { localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  validationFailed,
} from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import { newId } from '../platform/ids.ts';
import { closeIfOpenOps, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { getLocation, getTenant } from '../tenants/settings.service.ts';
import { shiftRepo } from './shifts.repo.ts';
import { reassignShiftOp } from './shifts.service.ts';
import { staffRepo } from './staff.repo.ts';
import { type StoredSwap, swapsRepo } from './swaps.repo.ts';

export interface Caller {
  userId: string;
  role: Role;
}
const isAdmin = (c: Caller) => inRoleGroup(c.role, 'practiceAdmins');
const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const LINK = '/app/hr/shifts';
const managersItemId = (id: string) => todayItemId('hr', 'swap_request', id);
const when = (r: Pick<SwapRequest, 'date' | 'start' | 'end'>) =>
  `${staffDateTime(r.date, r.start)}–${staffTimeOfDay(r.end)}`;

/** The wire shape: the shift's version at asking time stays inside. */
const toDto = ({ shiftVersion: _v, ...r }: StoredSwap): SwapRequest => r;

async function practiceToday(db: TenantDb): Promise<string> {
  return localParts(db.now().getTime(), (await getTenant(db)).timeZone).date;
}

/** Asks to hand the caller's own upcoming shift to a colleague. */
export async function askSwap(
  db: TenantDb,
  caller: Caller,
  shiftId: string,
  input: SwapAsk,
): Promise<SwapRequest> {
  const [shift, own, today] = await Promise.all([
    shiftRepo.get(db, shiftId),
    staffRepo.idByUser(db, caller.userId),
    practiceToday(db),
  ]);
  // Someone else's shift is not the caller's to hand over: as good as absent.
  if (!shift || shift.staffId !== own) throw notFound('Shift');
  if (shift.date < today) throw badRequest('That shift has passed: only upcoming shifts can be swapped');
  if (input.toStaffId === own) {
    throw validationFailed([{ path: 'toStaffId', message: 'Choose a colleague, not yourself' }]);
  }
  const [colleague, location] = await Promise.all([
    staffRepo.get(db, input.toStaffId),
    getLocation(db, shift.locationId),
  ]);
  if (colleague?.status !== 'active') {
    throw validationFailed([{ path: 'toStaffId', message: 'Choose a current colleague' }]);
  }
  if (!colleague.locationIds.includes(shift.locationId)) {
    throw validationFailed([
      { path: 'toStaffId', message: `${fullName(colleague)} does not work at ${location.name}` },
    ]);
  }
  const theirs = await shiftRepo.ofStaff(db, colleague.id, shift.date, shift.date);
  const clash = theirs.find((x) => x.start < shift.end && x.end > shift.start);
  if (clash) {
    throw validationFailed([
      {
        path: 'toStaffId',
        message: `${fullName(colleague)} already works ${clash.start}–${clash.end} that day`,
      },
    ]);
  }
  const request: StoredSwap = {
    id: newId(),
    shiftId: shift.id,
    shiftVersion: shift.version,
    locationId: shift.locationId,
    locationName: location.name,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    fromStaffId: shift.staffId,
    fromName: shift.staffName,
    toStaffId: colleague.id,
    toName: fullName(colleague),
    ...(input.note ? { note: input.note } : {}),
    status: 'pending',
    askedAt: db.now().toISOString(),
    version: 1,
  };
  const item = raiseTodayItemOp(
    db,
    {
      source: 'hr',
      kind: 'swap_request',
      ref: request.id,
      title: `${request.fromName} asks to hand their shift on ${when(request)} to ${request.toName}`,
      ...(input.note ? { detail: `“${input.note}”` } : {}),
      link: LINK,
      assignee: { role: 'manager' },
      dueDate: shift.date,
      remindFrom: today,
    },
    db.now(),
  );
  await db.write([...swapsRepo.createOps(db, request), item], {
    action: 'hr.swap_requested',
    entityType: 'shift',
    entityId: shift.id,
    entityName: shift.staffName,
    summary: `${request.fromName} asked to hand the shift on ${when(request)} at ${location.name} to ${request.toName}`,
  });
  return toDto(request);
}

const visibleTo = (r: StoredSwap, caller: Caller, own: string | undefined) =>
  isAdmin(caller) || (own !== undefined && (r.fromStaffId === own || r.toStaffId === own));

/** Requests newest first, pending only by default: a manager's all, anyone else's their own. */
export async function listSwaps(
  db: TenantDb,
  caller: Caller,
  q: SwapListQuery,
  limit: number,
): Promise<Page<SwapRequest>> {
  const [all, own] = await Promise.all([swapsRepo.all(db), staffRepo.idByUser(db, caller.userId)]);
  const show = q.status ?? 'pending';
  const rows = all.filter((r) => visibleTo(r, caller, own) && (show === 'all' || r.status === 'pending'));
  // The cursor is bound to the list and to who asked: another person's cursor is refused.
  const signature = JSON.stringify(['swaps', show, isAdmin(caller) ? 'admin' : own]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  return {
    items: rows.slice(start, end).map(toDto),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** A pending request at the version read, else 404 / 409. */
async function pending(db: TenantDb, id: string, version: number): Promise<StoredSwap> {
  const r = await swapsRepo.get(db, id);
  if (!r) throw notFound('Swap request');
  if (r.version !== version) throw staleVersion();
  if (r.status !== 'pending') throw conflict('That request was already settled');
  return r;
}

/** The person's Today item telling them how it went. */
const outcomeItem = async (db: TenantDb, r: StoredSwap, title: string, detail?: string) => {
  const person = await staffRepo.get(db, r.fromStaffId);
  if (!person?.userId) return [];
  return [
    raiseTodayItemOp(
      db,
      {
        source: 'hr',
        kind: 'swap_outcome',
        ref: r.id,
        title,
        ...(detail ? { detail } : {}),
        link: LINK,
        assignee: { userId: person.userId, name: fullName(person) },
        dueDate: r.date,
      },
      db.now(),
    ),
  ];
};

/** Approves (the shift becomes the colleague's) or declines a pending request. */
export async function decideSwap(db: TenantDb, id: string, input: SwapDecision): Promise<SwapRequest> {
  const r = await pending(db, id, input.version);
  const set: Partial<StoredSwap> = {
    status: input.decision === 'approve' ? 'approved' : 'declined',
    decidedAt: db.now().toISOString(),
    decidedBy: db.actor.name,
    ...(input.note ? { decisionNote: input.note } : {}),
  };
  const shiftOps = [];
  if (input.decision === 'approve') {
    const shift = await shiftRepo.get(db, r.shiftId);
    if (!shift || shift.version !== r.shiftVersion || shift.staffId !== r.fromStaffId) {
      throw conflict('The shift changed since the request: decline it and ask for a new one');
    }
    shiftOps.push((await reassignShiftOp(db, shift, r.toStaffId)).op);
  }
  const verb = input.decision === 'approve' ? 'approved' : 'declined';
  const ops = [
    ...swapsRepo.settleOps(db, r, set),
    ...shiftOps,
    ...(await closeIfOpenOps(db, [managersItemId(r.id)])),
    ...(await outcomeItem(db, r, `Your swap of ${when(r)} to ${r.toName} was ${verb}`, input.note)),
  ];
  await db.write(ops, {
    action: `hr.swap_${verb}`,
    entityType: 'shift',
    entityId: r.shiftId,
    entityName: r.fromName,
    summary: `${db.actor.name} ${verb} ${r.fromName}'s swap of ${when(r)} to ${r.toName}`,
  });
  return toDto({ ...r, ...set, version: r.version + 1 });
}

/** The person withdraws their own pending request. */
export async function cancelSwap(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: SwapCancel,
): Promise<SwapRequest> {
  const [r, own] = await Promise.all([swapsRepo.get(db, id), staffRepo.idByUser(db, caller.userId)]);
  if (!r || !visibleTo(r, caller, own)) throw notFound('Swap request');
  if (r.fromStaffId !== own) throw forbidden('Only the person who asked withdraws a request');
  const current = await pending(db, id, input.version);
  const set: Partial<StoredSwap> = {
    status: 'cancelled',
    decidedAt: db.now().toISOString(),
    decidedBy: db.actor.name,
  };
  await db.write(
    [...swapsRepo.settleOps(db, current, set), ...(await closeIfOpenOps(db, [managersItemId(r.id)]))],
    {
      action: 'hr.swap_cancelled',
      entityType: 'shift',
      entityId: r.shiftId,
      entityName: r.fromName,
      summary: `${r.fromName} withdrew the swap of ${when(r)} to ${r.toName}`,
    },
  );
  return toDto({ ...current, ...set, version: current.version + 1 });
}
