/**
 * Today: what needs each person now. Cross-domain reads go through functions tenants exports for
 * that purpose: getTenant (the practice's time zone, whose "today"), getActiveMember (the name
 * of a person an item is reassigned to) and listUsers (the people an item can be assigned to).
 */
import { inRoleGroup, PRACTICE_ROLES, type PracticeRole } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import {
  type Assignee,
  type TodayAction,
  type TodayAssignees,
  type TodayCounts,
  type TodayItem,
  TodayItemSchema,
  type TodayPreferences,
  type TodayRequestInput,
  type TodayView,
  UPCOMING_DAYS,
} from '../../shared/schemas/today.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import {
  doneKeys,
  openKeys,
  roleAssigneeName,
  searchText,
  todayItemRecord,
} from '../platform/today/today-items.ts';
import { getActiveMember, listUsers } from '../tenants/members.service.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { type StoredItem, todayRepo } from './today.repo.ts';

const MAX_COMMENTS = 50;
const PRIORITY_ORDER = { high: 0, normal: 1, low: 2 } as const;
const AUDIT_ACTIONS: Record<TodayAction['action'], string> = {
  done: 'today.done',
  reopen: 'today.reopened',
  snooze: 'today.snoozed',
  reassign: 'today.reassigned',
  comment: 'today.commented',
};

/** Who is looking: Today answers "what needs me". */
export interface Viewer {
  userId: string;
  role: string;
}

/** An item needs this viewer: assigned to them, to their role, or (unassigned) to the admins. */
export function isFor(item: TodayItem, v: Viewer): boolean {
  if (item.assigneeUserId) return item.assigneeUserId === v.userId;
  if (item.assigneeRole) return item.assigneeRole === v.role;
  return inRoleGroup(v.role, 'practiceAdmins');
}

/** The viewer asked someone else for it and it is still open: "waiting on others". */
export function isWaitingOn(item: TodayItem, v: Viewer): boolean {
  return item.createdByUserId === v.userId && !isFor(item, v);
}

/**
 * Sorts open items into overdue, due today, upcoming (the next UPCOMING_DAYS, and undated) and
 * waiting on others, for the practice's local `date`; snoozed and later ones are only counted.
 */
export function sortIntoSections(
  items: readonly StoredItem[],
  v: Viewer,
  scope: TodayView['scope'],
  date: string,
  nowMs: number,
): TodayView {
  const view: TodayView = {
    date,
    scope,
    overdue: [],
    today: [],
    upcoming: [],
    waiting: [],
    later: 0,
    snoozed: 0,
  };
  const horizon = addDays(date, UPCOMING_DAYS);
  for (const stored of items) {
    if (stored.expiresAt !== undefined && stored.expiresAt * 1000 <= nowMs) continue;
    const item = toDto(stored);
    const mine = scope === 'everyone' || isFor(item, v);
    if (!mine) {
      if (isWaitingOn(item, v)) view.waiting.push(item);
      continue;
    }
    if (item.snoozedUntil && item.snoozedUntil > date) view.snoozed++;
    else if (!item.dueDate) view.upcoming.push(item);
    else if (item.dueDate < date) view.overdue.push(item);
    else if (item.dueDate === date) view.today.push(item);
    else if (item.dueDate <= horizon || (item.remindFrom && item.remindFrom <= date))
      view.upcoming.push(item);
    else view.later++;
  }
  for (const list of [view.overdue, view.today, view.upcoming, view.waiting]) list.sort(byUrgency);
  return view;
}

function byUrgency(a: TodayItem, b: TodayItem): number {
  return (
    PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/** The practice's local date now. */
async function practiceToday(db: TenantDb): Promise<string> {
  const tenant = await getTenant(db);
  return localParts(db.now().getTime(), tenant.timeZone).date;
}

/** Today for the caller: one GetItem (the practice's time zone) and one Query (the open items). */
export async function todayView(db: TenantDb, v: Viewer, scope: TodayView['scope']): Promise<TodayView> {
  if (scope === 'everyone' && !inRoleGroup(v.role, 'practiceAdmins'))
    throw forbidden('Only owners and managers see everyone’s items');
  const [date, open] = await Promise.all([practiceToday(db), todayRepo.open(db)]);
  return sortIntoSections(open.items, v, scope, date, db.now().getTime());
}

/** The navigation badge. */
export async function todayCounts(db: TenantDb, v: Viewer): Promise<TodayCounts> {
  const view = await todayView(db, v, 'mine');
  return {
    overdue: view.overdue.length,
    due: view.overdue.length + view.today.length,
    open: view.overdue.length + view.today.length + view.upcoming.length + view.later + view.snoozed,
  };
}

/** Jots down a request (assigned to the writer unless they say otherwise). */
export async function addRequest(db: TenantDb, input: TodayRequestInput): Promise<TodayItem> {
  const assignee = await resolveAssignee(db, input.assignee ?? { userId: db.actor.userId });
  const id = newId(db.now().getTime());
  const record = todayItemRecord(
    db,
    id,
    { ...input, source: 'today', kind: 'request', assignee, link: undefined },
    { userId: db.actor.userId, name: db.actor.name },
    db.now(),
  );
  await db.write([todayRepo.createOp(record)], {
    action: 'today.request_added',
    entityType: 'today_item',
    entityId: id,
    entityName: input.title,
    summary: `Request added for ${assigneeLabel(assignee)}`,
  });
  return toDto(record as unknown as StoredItem);
}

export async function getItem(db: TenantDb, id: string): Promise<TodayItem> {
  const item = await todayRepo.get(db, id);
  if (!item) throw notFound('Item');
  return toDto(item);
}

/** The active team by name and the practice roles: everyone may assign to anyone. */
export async function assignees(db: TenantDb): Promise<TodayAssignees> {
  const team = await listUsers(db, { limit: 100, status: 'active' });
  const people = team.items
    .filter((u): u is typeof u & { role: PracticeRole } => inRoleGroup(u.role, 'practice'))
    .map((u) => ({ userId: u.id, name: u.name, role: u.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { people, roles: PRACTICE_ROLES.map((role) => ({ role, label: roleAssigneeName(role) })) };
}

/** The caller's preferences (the morning email is on until turned off). */
export async function getPreferences(db: TenantDb): Promise<TodayPreferences> {
  const stored = await todayRepo.getPreferences(db, db.actor.userId);
  return { digest: stored?.digest ?? true };
}

export async function setPreferences(db: TenantDb, input: TodayPreferences): Promise<TodayPreferences> {
  await db.write([todayRepo.putPreferencesOp(db, db.actor.userId, input.digest)], {
    action: 'today.preferences_changed',
    entityType: 'user',
    entityId: db.actor.userId,
    entityName: db.actor.name,
    summary: `Morning email ${input.digest ? 'on' : 'off'}`,
  });
  return input;
}

/** Done items newest first, optionally only those whose words contain `q`. */
export async function listDone(
  db: TenantDb,
  page: { limit: number; cursor?: string },
  q?: string,
): Promise<Page<TodayItem>> {
  const found = await todayRepo.done(db, page, q?.toLowerCase() || undefined);
  return { items: found.items.map(toDto), nextCursor: found.nextCursor };
}

/** Done, reopen, snooze, reassign or comment: one change at the version the caller read. */
export async function actOnItem(
  db: TenantDb,
  v: Viewer,
  id: string,
  action: TodayAction,
): Promise<TodayItem> {
  const item = await getItem(db, id);
  if (action.action !== 'comment') assertMayChange(item, v);
  const change = await changeFor(db, item, action);
  await db.write([todayRepo.updateOp(db, id, change.set, action.version, change.remove)], {
    action: AUDIT_ACTIONS[action.action],
    entityType: 'today_item',
    entityId: id,
    entityName: item.title,
    summary: change.summary,
  });
  const next = { ...item, ...change.set, version: action.version + 1 } as Record<string, unknown>;
  for (const f of change.remove) delete next[f];
  return toDto(next as StoredItem);
}

/** People act on what is theirs, what they asked for, or anything when they run the practice. */
function assertMayChange(item: TodayItem, v: Viewer): void {
  if (inRoleGroup(v.role, 'practiceAdmins') || isFor(item, v) || item.createdByUserId === v.userId) return;
  throw forbidden('This item is assigned to someone else; ask them or a manager');
}

interface Change {
  set: Record<string, unknown>;
  remove: string[];
  summary: string;
}

async function changeFor(db: TenantDb, item: TodayItem, action: TodayAction): Promise<Change> {
  const now = db.now().toISOString();
  switch (action.action) {
    case 'done':
      if (item.status === 'done') throw conflict('This item is already done');
      return {
        set: { status: 'done', doneAt: now, doneByName: db.actor.name, ...doneKeys(db, now, item.id) },
        remove: ['GSI1PK', 'GSI1SK', 'snoozedUntil'],
        summary: 'Marked done',
      };
    case 'reopen':
      if (item.status === 'open') throw conflict('This item is already open');
      return {
        set: { status: 'open', ...openKeys(db, item.dueDate, item.id) },
        remove: ['GSI2PK', 'GSI2SK', 'doneAt', 'doneByName'],
        summary: 'Reopened',
      };
    case 'snooze': {
      const today = await practiceToday(db);
      if (action.until <= today) {
        throw validationFailed([{ path: 'until', message: 'Choose a date after today' }]);
      }
      if (item.status === 'done') throw conflict('A done item cannot be snoozed; reopen it first');
      return { set: { snoozedUntil: action.until }, remove: [], summary: `Snoozed until ${action.until}` };
    }
    case 'reassign': {
      const assignee = await resolveAssignee(db, action.assignee);
      const fields =
        'userId' in assignee
          ? { assigneeUserId: assignee.userId, assigneeName: assignee.name }
          : { assigneeRole: assignee.role, assigneeName: roleAssigneeName(assignee.role) };
      const set = { ...fields, searchText: searchText({ ...item, assigneeName: fields.assigneeName }) };
      return {
        set,
        remove: 'userId' in assignee ? ['assigneeRole'] : ['assigneeUserId'],
        summary: `Reassigned to ${fields.assigneeName}`,
      };
    }
    case 'comment': {
      if (item.comments.length >= MAX_COMMENTS)
        throw conflict(`An item keeps at most ${MAX_COMMENTS} comments`);
      const comment = { at: now, by: db.actor.name, byUserId: db.actor.userId, text: action.text };
      return { set: { comments: [...item.comments, comment] }, remove: [], summary: 'Commented' };
    }
  }
}

type ResolvedAssignee =
  | { userId: string; name: string }
  | { role: Extract<Assignee, { role: string }>['role'] };

async function resolveAssignee(db: TenantDb, a: Assignee): Promise<ResolvedAssignee> {
  if ('role' in a) return { role: a.role };
  if (a.userId === db.actor.userId) return { userId: a.userId, name: db.actor.name };
  const member = await getActiveMember(db, a.userId).catch(() => {
    throw validationFailed([{ path: 'assignee', message: 'Choose an active member of your team' }]);
  });
  return { userId: member.id, name: member.name };
}

function assigneeLabel(a: ResolvedAssignee): string {
  return 'userId' in a ? a.name : roleAssigneeName(a.role);
}

/**
 * The wire shape: only the fields TodayItemSchema documents. Keys, search text, the TTL and what a
 * module keeps on its own items (a sign-off's round) stay in the table.
 */
const WIRE_FIELDS = Object.keys(TodayItemSchema.shape);

function toDto(stored: StoredItem | Record<string, unknown>): TodayItem {
  const item = stored as Record<string, unknown>;
  return Object.fromEntries(
    WIRE_FIELDS.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]),
  ) as unknown as TodayItem;
}
