import { createHash } from 'node:crypto';
import { ROLE_LABELS } from '../../../shared/roles.ts';
import type { Assignee, TodayItem, TodayPriority, TodaySource } from '../../../shared/schemas/today.ts';
import { type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { AppError } from '../errors.ts';

/**
 * Today items, the platform side: a module raises, moves and closes items about its own things
 * inside its own write's transaction (these functions only build the ops), never through another
 * module. The Today domain (functions/today) shows them, and people act on them there.
 */
export interface RaisedItem {
  source: TodaySource;
  /** What kind of thing within the source ("recall", "reminder_failed"). */
  kind: string;
  /** The thing's own id: one open item per (source, kind, ref). */
  ref: string;
  title: string;
  detail?: string;
  link?: string;
  /** A person (with their name for display) or everyone holding a role. */
  assignee: { userId: string; name: string } | { role: Extract<Assignee, { role: string }>['role'] };
  dueDate?: string;
  /** Listed among upcoming from this day even when due later (a request to act on now). */
  remindFrom?: string;
  priority?: TodayPriority;
  /** When the item stops mattering (a freed time that has passed): hidden then, and deleted by TTL. */
  expiresAt?: Date;
  requestedBy?: string;
  forWhom?: string;
}

/** The id of a module's item about one of its things: stable, so closing needs no lookup. */
export function todayItemId(source: TodaySource, kind: string, ref: string): string {
  return `${source}-${kind}-${ref}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/**
 * A short, stable ref for a module's item about a pair of things (a document and a person): two
 * ids side by side would pass the 64 characters an item id may have, so the pair is hashed.
 */
export function pairRef(a: string, b: string): string {
  return createHash('sha256').update(`${a}:${b}`).digest('base64url').slice(0, 22);
}

/** Who raised an item: a person, or Rounds itself for module items. */
export interface Raiser {
  userId?: string;
  name: string;
}

/** The stored item (DTO plus keys and the lowercased text the done search matches). */
export function todayItemRecord(
  scope: TenantScope,
  id: string,
  input: Omit<RaisedItem, 'ref'>,
  by: Raiser,
  now: Date,
): Record<string, unknown> & { PK: string; SK: string } {
  const assignee =
    'userId' in input.assignee
      ? { assigneeUserId: input.assignee.userId, assigneeName: input.assignee.name }
      : { assigneeRole: input.assignee.role, assigneeName: roleAssigneeName(input.assignee.role) };
  const item: TodayItem = {
    id,
    source: input.source,
    kind: input.kind,
    title: input.title,
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.link ? { link: input.link } : {}),
    ...assignee,
    ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
    ...(input.forWhom ? { forWhom: input.forWhom } : {}),
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    ...(input.remindFrom ? { remindFrom: input.remindFrom } : {}),
    priority: input.priority ?? 'normal',
    status: 'open',
    createdAt: now.toISOString(),
    ...(by.userId ? { createdByUserId: by.userId } : {}),
    createdByName: by.name,
    comments: [],
    version: 1,
  };
  return {
    ...tenantKeys.todayItem(scope, id),
    type: 'today_item',
    ...item,
    ...openKeys(scope, item.dueDate, id),
    searchText: searchText(item),
    ...(input.expiresAt ? { expiresAt: Math.floor(input.expiresAt.getTime() / 1000) } : {}),
  };
}

/** Raises (or re-raises, replacing) a module's item about one of its things. */
/**
 * Creates the item unless one with its id exists, in its own write: for a scheduled check that
 * raises one item a day (a person may have closed that day's already). True when it was created.
 */
export async function raiseTodayItemOnce(
  db: TenantDb,
  id: string,
  input: Omit<RaisedItem, 'ref'>,
  by: Raiser,
  audit: { action: string; summary: string },
): Promise<boolean> {
  const record = todayItemRecord(db, id, input, by, db.now());
  try {
    await db.write([{ kind: 'create', item: record }], { ...audit, entityType: 'today_item', entityId: id });
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') return false;
    throw err;
  }
}

export function raiseTodayItemOp(scope: TenantScope, item: RaisedItem, now: Date): WriteOp {
  const id = todayItemId(item.source, item.kind, item.ref);
  return { kind: 'put', item: todayItemRecord(scope, id, item, { name: 'Rounds' }, now) };
}

/** Closes a module's item (the thing was dealt with). Fails the write if the item was never raised. */
export function closeTodayItemOp(
  scope: TenantScope,
  id: string,
  by: { name: string },
  now: Date,
  extra: { expectedVersion?: number } = {},
): WriteOp {
  const doneAt = now.toISOString();
  return {
    kind: 'update',
    key: tenantKeys.todayItem(scope, id),
    set: { status: 'done', doneAt, doneByName: by.name, ...doneKeys(scope, doneAt, id) },
    remove: ['GSI1PK', 'GSI1SK', 'snoozedUntil'],
    expectedVersion: extra.expectedVersion,
  };
}

/**
 * Closes those of a module's items that are open (an item never raised, or already done, is left
 * alone: closing it would fail the write). One BatchGet per hundred.
 */
export async function closeIfOpenOps(db: TenantDb, ids: readonly string[]): Promise<WriteOp[]> {
  const items: { id: string; status: string }[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const keys = ids.slice(i, i + 100).map((id) => tenantKeys.todayItem(db, id));
    items.push(...(await db.batchGet<{ id: string; status: string }>(keys)));
  }
  return items
    .filter((i) => i.status === 'open')
    .map((i) => closeTodayItemOp(db, i.id, { name: db.actor.name }, db.now()));
}

/** Moves an open item's due date (the thing's date changed). */
export function moveTodayItemOp(scope: TenantScope, id: string, dueDate: string): WriteOp {
  return {
    kind: 'update',
    key: tenantKeys.todayItem(scope, id),
    set: { dueDate, GSI1SK: tenantKeys.todayOpenSort(dueDate, id) },
    condition: { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' } },
  };
}

export function openKeys(scope: TenantScope, dueDate: string | undefined, id: string) {
  return { GSI1PK: tenantKeys.todayOpenPartition(scope), GSI1SK: tenantKeys.todayOpenSort(dueDate, id) };
}

export function doneKeys(scope: TenantScope, doneAt: string, id: string) {
  return { GSI2PK: tenantKeys.todayDonePartition(scope), GSI2SK: tenantKeys.todayDoneSort(doneAt, id) };
}

/** "Front desk / staff" reads as a role's display name on an item. */
export function roleAssigneeName(role: keyof typeof ROLE_LABELS): string {
  return ROLE_LABELS[role];
}

/** What the done search matches: every word a person would type to find the item again. */
export function searchText(
  item: Pick<TodayItem, 'title' | 'detail' | 'requestedBy' | 'forWhom' | 'assigneeName'>,
) {
  return [item.title, item.detail, item.requestedBy, item.forWhom, item.assigneeName]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}
