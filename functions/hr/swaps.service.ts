/**
 * Shift swap requests. A person asks to hand one of their upcoming shifts to a colleague at the
 * same location (a Today item for the managers); a manager approves, which gives the shift to the
 * colleague in the same transaction (checked again for clashes, and refused if the shift changed
 * since the request), or declines; the person may withdraw while it waits. Either outcome is a
 * Today item for the person. Owners and managers see every request; anyone else the ones that
 * name them. With the practice's setting "colleague accepts first" on, a request first waits for
 * the colleague (their Today item); accepting hands it to the managers, declining ends it with a
 * note for the person, and managers cannot decide before. Cross-domain read: getTenant and
 * getLocation from tenants/settings.service.ts.
 */
import { staffDateTime, staffTimeOfDay } from '../../shared/locale.ts';
import { inRoleGroup, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type {
  SwapAnswer,
  SwapAsk,
  SwapCancel,
  SwapDecision,
  SwapListQuery,
  SwapRequest,
  SwapSettings,
  SwapSettingsInput,
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
const colleagueItemId = (id: string) => todayItemId('hr', 'swap_ask', id);
const waiting = (r: Pick<SwapRequest, 'status'>) =>
  r.status === 'pending' || r.status === 'awaiting_colleague';
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
  const [colleague, location, settings] = await Promise.all([
    staffRepo.get(db, input.toStaffId),
    getLocation(db, shift.locationId),
    swapsRepo.settings(db),
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
    // A colleague without a login cannot answer in Rounds: the managers decide as without the setting.
    status: settings.colleagueAccepts && colleague.userId ? 'awaiting_colleague' : 'pending',
    askedAt: db.now().toISOString(),
    version: 1,
  };
  const item =
    request.status === 'awaiting_colleague' && colleague.userId
      ? colleagueItem(db, request, { userId: colleague.userId, name: request.toName }, today)
      : managersItem(db, request, today);
  await db.write([...swapsRepo.createOps(db, request), item], {
    action: 'hr.swap_requested',
    entityType: 'shift',
    entityId: shift.id,
    entityName: shift.staffName,
    summary: `${request.fromName} asked to hand the shift on ${when(request)} at ${location.name} to ${request.toName}`,
  });
  return toDto(request);
}

/** The managers' Today item to decide a request. */
const managersItem = (db: TenantDb, r: StoredSwap, today: string) =>
  raiseTodayItemOp(
    db,
    {
      source: 'hr',
      kind: 'swap_request',
      ref: r.id,
      title: `${r.fromName} asks to hand their shift on ${when(r)} to ${r.toName}`,
      ...(r.note ? { detail: `“${r.note}”` } : {}),
      link: LINK,
      assignee: { role: 'manager' },
      dueDate: r.date,
      remindFrom: today,
    },
    db.now(),
  );

/** The colleague's Today item to accept or decline taking the shift. */
const colleagueItem = (
  db: TenantDb,
  r: StoredSwap,
  colleague: { userId: string; name: string },
  today: string,
) =>
  raiseTodayItemOp(
    db,
    {
      source: 'hr',
      kind: 'swap_ask',
      ref: r.id,
      title: `${r.fromName} asks you to take their shift on ${when(r)}`,
      ...(r.note ? { detail: `“${r.note}”` } : {}),
      link: LINK,
      assignee: colleague,
      dueDate: r.date,
      remindFrom: today,
    },
    db.now(),
  );

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
  const rows = all.filter((r) => visibleTo(r, caller, own) && (show === 'all' || waiting(r)));
  // The cursor is bound to the list and to who asked: another person's cursor is refused.
  const signature = JSON.stringify(['swaps', show, isAdmin(caller) ? 'admin' : own]);
  const start = q.cursor ? decodeOffset(q.cursor, signature) : 0;
  const end = start + limit;
  return {
    items: rows.slice(start, end).map(toDto),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** A request still waiting (for the colleague or a manager) at the version read, else 404 / 409. */
async function pending(db: TenantDb, id: string, version: number): Promise<StoredSwap> {
  const r = await swapsRepo.get(db, id);
  if (!r) throw notFound('Swap request');
  if (r.version !== version) throw staleVersion();
  if (!waiting(r)) throw conflict('That request was already settled');
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
  if (r.status === 'awaiting_colleague') {
    throw conflict(
      `${r.toName} has not accepted the swap yet: a manager decides once they do (or ${r.fromName} withdraws it)`,
    );
  }
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
    [
      ...swapsRepo.settleOps(db, current, set),
      ...(await closeIfOpenOps(db, [managersItemId(r.id), colleagueItemId(r.id)])),
    ],
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

/**
 * The colleague asked answers a request waiting for them: accepting hands it to the managers (their
 * Today item, as without the setting), declining ends it with a Today item and note for the person.
 */
export async function answerSwap(
  db: TenantDb,
  caller: Caller,
  id: string,
  input: SwapAnswer,
): Promise<SwapRequest> {
  const [r, own] = await Promise.all([swapsRepo.get(db, id), staffRepo.idByUser(db, caller.userId)]);
  if (!r || !visibleTo(r, caller, own)) throw notFound('Swap request');
  if (r.toStaffId !== own) throw forbidden(`Only ${r.toName} answers this request`);
  if (r.version !== input.version) throw staleVersion();
  if (r.status !== 'awaiting_colleague') throw conflict('That request is not waiting for your answer');
  const now = db.now().toISOString();
  const close = await closeIfOpenOps(db, [colleagueItemId(r.id)]);
  if (input.answer === 'accept') {
    const set: Partial<StoredSwap> = { status: 'pending', acceptedAt: now };
    const after = { ...r, ...set };
    await db.write(
      [swapsRepo.updateOp(db, r, set), ...close, managersItem(db, after, await practiceToday(db))],
      {
        action: 'hr.swap_accepted',
        entityType: 'shift',
        entityId: r.shiftId,
        entityName: r.fromName,
        summary: `${r.toName} agreed to take ${r.fromName}'s shift on ${when(r)}; a manager decides next`,
      },
    );
    return toDto({ ...after, version: r.version + 1 });
  }
  const set: Partial<StoredSwap> = {
    status: 'declined',
    decidedAt: now,
    decidedBy: r.toName,
    ...(input.note ? { decisionNote: input.note } : {}),
  };
  await db.write(
    [
      ...swapsRepo.settleOps(db, r, set),
      ...close,
      ...(await outcomeItem(db, r, `${r.toName} cannot take your shift on ${when(r)}`, input.note)),
    ],
    {
      action: 'hr.swap_colleague_declined',
      entityType: 'shift',
      entityId: r.shiftId,
      entityName: r.fromName,
      summary: `${r.toName} declined to take ${r.fromName}'s shift on ${when(r)}`,
    },
  );
  return toDto({ ...r, ...set, version: r.version + 1 });
}

export const getSwapSettings = (db: TenantDb): Promise<SwapSettings> => swapsRepo.settings(db);

/** Saves the practice's swap settings at the version read; requests already asked keep their course. */
export async function saveSwapSettings(db: TenantDb, input: SwapSettingsInput): Promise<SwapSettings> {
  const current = await swapsRepo.settings(db);
  if (current.version !== input.version) throw staleVersion();
  await db.write([swapsRepo.settingsOp(db, input.colleagueAccepts, input.version)], {
    action: 'hr.swap_settings_saved',
    entityType: 'hr_swap_settings',
    entityId: 'swap-settings',
    entityName: 'Shift swaps',
    summary: input.colleagueAccepts
      ? 'Shift swaps: the colleague accepts before a manager decides'
      : 'Shift swaps: managers decide without asking the colleague first',
  });
  return { colleagueAccepts: input.colleagueAccepts, version: input.version + 1 };
}
