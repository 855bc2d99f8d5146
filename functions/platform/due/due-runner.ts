import { ROLE_LABELS } from '../../../shared/roles.ts';
import { localParts } from '../../../shared/time.ts';
import { systemKeys, type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import { AppError, ContentionError } from '../errors.ts';
import { queueMail } from '../mail/outbox.ts';
import type { Platform } from '../platform.ts';
import { publicUrl } from '../public-url.ts';
import { openKeys, searchText } from '../today/today-items.ts';
import { DUE_SHARDS, type DueQueueEntry, type DueThing, hourOf } from './due-dates.ts';

type RunnerDeps = Pick<Platform, 'store' | 'clock' | 'logger' | 'jobs' | 'config'>;

/** Before its first run or after a long outage, the runner catches up this far back, no further. */
const LOOK_BACK_HOURS = 48;
const PAGE = 100;

export interface DueRunCounts {
  /** Queue entries read (each one due: the queue is read only up to now). */
  read: number;
  /** Queries made: the day markers, then only partitions that hold entries. */
  queries: number;
  sent: number;
  /** Taken by an overlapping run, or about a thing removed or re-planned since. */
  skipped: number;
  hours: number;
}

/**
 * The due-alerts job: reads each queue partition from the last finished hour up to now and turns
 * each entry into a Today item and an email in one transaction that also deletes the entry, so an
 * alert is sent exactly once even when runs overlap or retry.
 */
export async function runDueAlerts(p: RunnerDeps): Promise<DueRunCounts> {
  const now = p.clock.now().getTime();
  const counts: DueRunCounts = { read: 0, queries: 0, sent: 0, skipped: 0, hours: 0 };
  const cursor = await p.store.get<{ hour: string }>(systemKeys.dueRunnerCursor());
  const current = hourOf(now);
  // After an outage (or before the first run) catch up at most LOOK_BACK_HOURS.
  const oldest = hourOf(now - LOOK_BACK_HOURS * 3600_000);
  const hour = cursor && cursor.hour > oldest ? cursor.hour : oldest;
  for (const day of daysFrom(hour, current)) {
    counts.queries++;
    const markers = await p.store.query<{ hour: string; shard: number }>({
      partition: systemKeys.dueMarkerDay(day),
      skBetween: [`${hour}#`, `${current}#~`],
      limit: 24 * DUE_SHARDS,
    });
    for (const m of markers.items) await runPartition(p, m.hour, m.shard, now, counts);
  }
  counts.hours = hoursBetween(hour, current) + 1;
  // Hours before this one are finished: later runs start here.
  if (hour < current) await p.store.put({ ...systemKeys.dueRunnerCursor(), hour: current });
  return counts;
}

async function runPartition(p: RunnerDeps, hour: string, shard: number, now: number, counts: DueRunCounts) {
  let cursor: string | undefined;
  do {
    counts.queries++;
    const page = await p.store.query<DueQueueEntry & { PK: string; SK: string }>({
      partition: systemKeys.dueQueuePartition(hour, shard),
      skBetween: systemKeys.dueQueueUpTo(now),
      limit: PAGE,
      cursor,
    });
    for (const entry of page.items) {
      counts.read++;
      counts[(await sendAlert(p, entry)) ? 'sent' : 'skipped']++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function sendAlert(p: RunnerDeps, entry: DueQueueEntry & { PK: string; SK: string }): Promise<boolean> {
  const scope = { tenantId: entry.tenantId };
  const dropEntry: WriteOp = { kind: 'delete', key: { PK: entry.PK, SK: entry.SK }, mustExist: true };
  const thing = await p.store.get<DueThing>(tenantKeys.dueThing(scope, entry.thingId));
  const live = thing?.planned.some((a) => a.offset === entry.offset && a.fireAtMs === entry.fireAtMs);
  if (!thing || !live || thing.sent.includes(entry.offset)) {
    await p.store.transact([{ ...dropEntry, mustExist: false }]);
    return false;
  }
  const now = p.clock.now();
  const mails = (await recipients(p, scope, thing)).map((to) =>
    queueMail(
      scope,
      {
        to,
        kind: 'due.alert',
        subject: alertSubject(thing, entry.offset),
        text: alertText(thing, entry.offset, publicUrl(p)),
      },
      now,
    ),
  );
  try {
    await p.store.transact([
      dropEntry,
      {
        kind: 'update',
        key: tenantKeys.dueThing(scope, thing.id),
        set: { sent: [...thing.sent, entry.offset], itemRaised: true },
      },
      todayAlertOp(scope, thing, entry.offset, now),
      ...mails.map((m) => m.op),
    ]);
  } catch (err) {
    // An overlapping run deleted the entry first: it sends, this one stands down.
    if (err instanceof ContentionError || (err instanceof AppError && err.code === 'not_found')) return false;
    throw err;
  }
  for (const m of mails) await p.jobs.mailQueued({ tenantId: scope.tenantId, messageId: m.message.id });
  return true;
}

/** One Today item per thing, raised again (and reopened) at each offset; comments stay. */
function todayAlertOp(scope: TenantScope, thing: DueThing, offset: number, now: Date): WriteOp {
  const assignee =
    'userId' in thing.owner
      ? { assigneeUserId: thing.owner.userId, assigneeName: thing.owner.name }
      : { assigneeRole: thing.owner.role, assigneeName: ROLE_LABELS[thing.owner.role] };
  const title = `${thing.title} ${thing.verb} ${whenWords(thing.dueDate, offset)}`;
  return {
    kind: 'update',
    key: tenantKeys.todayItem(scope, thing.id),
    upsert: true,
    set: {
      type: 'today_item',
      id: thing.id,
      source: thing.source,
      kind: thing.kind,
      title,
      ...(thing.link ? { link: thing.link } : {}),
      ...assignee,
      dueDate: thing.dueDate,
      remindFrom: localParts(now.getTime(), thing.timeZone).date,
      priority: offset <= 7 ? 'high' : 'normal',
      status: 'open',
      ...openKeys(scope, thing.dueDate, thing.id),
      searchText: searchText({ title, assigneeName: assignee.assigneeName }),
    },
    setIfMissing: { comments: [], createdAt: now.toISOString(), createdByName: 'Rounds' },
    add: { version: 1 },
    remove: [
      'GSI2PK',
      'GSI2SK',
      'doneAt',
      'doneByName',
      'snoozedUntil',
      'userId' in thing.owner ? 'assigneeRole' : 'assigneeUserId',
    ],
  };
}

/** The owner's address, or every active member holding the owner role. */
async function recipients(p: RunnerDeps, scope: TenantScope, thing: DueThing): Promise<string[]> {
  if ('userId' in thing.owner) {
    const user = await p.store.get<{ email: string; status: string }>(
      tenantKeys.user(scope, thing.owner.userId),
    );
    return user?.status === 'active' ? [user.email] : [];
  }
  const role = thing.owner.role;
  const users = await p.store.query<{ email: string; status: string; role: string }>({
    partition: tenantKeys.orgPartition(scope),
    skPrefix: tenantKeys.userPrefix,
    limit: 100,
    filter: {
      expression: '#role = :role AND #status = :active',
      names: { '#role': 'role', '#status': 'status' },
      values: { ':role': role, ':active': 'active' },
    },
  });
  return users.items.map((u) => u.email);
}

function whenWords(dueDate: string, offset: number): string {
  const date = new Date(`${dueDate}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  if (offset === 0) return `today (${date})`;
  return offset === 1 ? `tomorrow (${date})` : `in ${offset} days (${date})`;
}

function alertSubject(thing: DueThing, offset: number): string {
  return `${thing.title} ${thing.verb} ${whenWords(thing.dueDate, offset)}`;
}

function alertText(thing: DueThing, offset: number, origin: string): string {
  return [
    `${alertSubject(thing, offset)}.`,
    '',
    'It is on your Today list in Rounds until it is dealt with.',
    ...(thing.link ? ['', `Open it: ${origin}${thing.link}`] : []),
  ].join('\n');
}

const hourMs = (hour: string) => Date.parse(`${hour}:00:00Z`);

function hoursBetween(from: string, to: string): number {
  return Math.round((hourMs(to) - hourMs(from)) / 3600_000);
}

/** The UTC days the hours from..to touch. */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from.slice(0, 10)}T00:00:00Z`); ms <= hourMs(to); ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}
