import { createHash } from 'node:crypto';
import type { PracticeRole } from '../../../shared/roles.ts';
import type { TodaySource } from '../../../shared/schemas/today.ts';
import { addDays, zonedInstant } from '../../../shared/time.ts';
import { systemKeys, type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { closeTodayItemOp, todayItemId } from '../today/today-items.ts';

/**
 * Due dates with alerts, the planning side. A module registers a dated thing (a license expiry, a
 * contract renewal) with offsets in days (90/60/30/0); each future offset becomes one entry in the
 * time-ordered due queue, at the alert time in the thing's time zone. The due runner (due-runner.ts)
 * turns each entry into a Today item and an email exactly once. Moving the date re-plans; removing
 * the thing cancels. Every op here joins the module's own write (queue entries are platform items).
 */

/** Queue partitions per UTC hour: writes of one busy hour spread over this many partitions. */
export const DUE_SHARDS = 16;
/** Alerts go out at this local time unless the module says otherwise. */
export const DEFAULT_ALERT_TIME = '08:00';

export type DueOwner = { role: PracticeRole } | { userId: string; name: string };

export interface DueThingInput {
  source: TodaySource;
  kind: string;
  ref: string;
  /** What is due, as a subject: "Dr. Priya Raman's state medical license". */
  title: string;
  /** What happens on the date: "expires", "is due", "renews". */
  verb: string;
  link?: string;
  owner: DueOwner;
  dueDate: string;
  timeZone: string;
  offsets: readonly number[];
  alertTime?: string;
}

export interface PlannedAlert {
  offset: number;
  fireAtMs: number;
  hour: string;
  shard: number;
}

export interface DueThing extends Omit<DueThingInput, 'offsets'> {
  id: string;
  offsets: number[];
  alertTime: string;
  planned: PlannedAlert[];
  /** Offsets already sent for this date (a moved date starts over). */
  sent: number[];
  /** Whether an alert raised its Today item (so removing the thing closes it). */
  itemRaised: boolean;
  tenantId: string;
}

/** What the queue entry carries: enough to find the thing. */
export interface DueQueueEntry {
  tenantId: string;
  thingId: string;
  offset: number;
  fireAtMs: number;
}

export const dueThingId = (source: TodaySource, kind: string, ref: string) => todayItemId(source, kind, ref);

/** What is stored for a module's dated thing now, if anything (to re-plan or cancel it). */
export function loadDueThing(db: TenantDb, source: TodaySource, kind: string, ref: string) {
  return db.get<DueThing>(tenantKeys.dueThing(db, dueThingId(source, kind, ref)));
}

/**
 * The ops that register or re-plan a dated thing (`previous`: what is stored now, if anything).
 * Saving the same date and offsets again changes no queue entry; a new date plans afresh.
 */
export function planDueDateOps(
  scope: TenantScope,
  previous: DueThing | undefined,
  input: DueThingInput,
  now: Date,
): { ops: WriteOp[]; platformOps: WriteOp[]; thing: DueThing } {
  const id = dueThingId(input.source, input.kind, input.ref);
  const alertTime = input.alertTime ?? DEFAULT_ALERT_TIME;
  const offsets = [...new Set(input.offsets)].sort((a, b) => b - a);
  const samePlan =
    previous &&
    previous.dueDate === input.dueDate &&
    previous.timeZone === input.timeZone &&
    previous.alertTime === alertTime &&
    previous.offsets.join() === offsets.join();
  const planned = samePlan
    ? previous.planned
    : plan(scope.tenantId, id, input.dueDate, input.timeZone, alertTime, offsets, now);
  const thing: DueThing = {
    ...input,
    id,
    tenantId: scope.tenantId,
    offsets,
    alertTime,
    planned,
    sent: samePlan ? previous.sent : [],
    itemRaised: previous?.itemRaised ?? false,
  };
  const platformOps = samePlan
    ? []
    : [
        ...(previous ? dropEntries(previous) : []),
        ...planned.flatMap((a) => entryOps(scope.tenantId, id, a)),
      ];
  return {
    ops: [{ kind: 'put', item: { ...tenantKeys.dueThing(scope, id), type: 'due_thing', ...thing } }],
    platformOps,
    thing,
  };
}

/** The ops that remove a dated thing: its pending alerts go, and its open Today item closes. */
export function cancelDueDateOps(
  scope: TenantScope,
  thing: DueThing,
  by: { name: string },
  now: Date,
): { ops: WriteOp[]; platformOps: WriteOp[] } {
  return {
    ops: [
      { kind: 'delete', key: tenantKeys.dueThing(scope, thing.id) },
      ...(thing.itemRaised ? [closeTodayItemOp(scope, thing.id, by, now)] : []),
    ],
    platformOps: dropEntries(thing),
  };
}

/** Each offset's alert instant, local alert time on (due date − offset); past ones are skipped. */
function plan(
  tenantId: string,
  id: string,
  dueDate: string,
  timeZone: string,
  alertTime: string,
  offsets: number[],
  now: Date,
): PlannedAlert[] {
  const shard = shardOf(tenantId, id);
  return offsets
    .map((offset) => {
      const fireAtMs = zonedInstant(addDays(dueDate, -offset), alertTime, timeZone);
      return { offset, fireAtMs, hour: hourOf(fireAtMs), shard };
    })
    .filter((a) => a.fireAtMs > now.getTime());
}

/** The queue entry, and the marker telling the runner that its partition has something (kept a week). */
function entryOps(tenantId: string, thingId: string, a: PlannedAlert): WriteOp[] {
  const entry: DueQueueEntry = { tenantId, thingId, offset: a.offset, fireAtMs: a.fireAtMs };
  return [
    {
      kind: 'put',
      item: {
        ...systemKeys.dueQueueEntry(a.hour, a.shard, a.fireAtMs, tenantId, `${thingId}#${a.offset}`),
        ...entry,
      },
    },
    {
      kind: 'put',
      item: {
        ...systemKeys.dueMarker(a.hour, a.shard),
        hour: a.hour,
        shard: a.shard,
        expiresAt: Math.floor(a.fireAtMs / 1000) + 7 * 86_400,
      },
    },
  ];
}

function dropEntries(thing: DueThing): WriteOp[] {
  return thing.planned
    .filter((a) => !thing.sent.includes(a.offset))
    .map((a) => ({
      kind: 'delete' as const,
      key: systemKeys.dueQueueEntry(a.hour, a.shard, a.fireAtMs, thing.tenantId, `${thing.id}#${a.offset}`),
    }));
}

/**
 * Several dated things planned in one write (a remittance's denials) share the queue's hour markers:
 * one transaction may touch an item once, so each marker is put once, with the latest expiry.
 */
export function mergeQueueMarkers(ops: readonly WriteOp[]): WriteOp[] {
  const markers = new Map<string, WriteOp & { kind: 'put' }>();
  const out: WriteOp[] = [];
  for (const op of ops) {
    if (op.kind !== 'put' || !('hour' in op.item) || !('shard' in op.item)) {
      out.push(op);
      continue;
    }
    const key = `${op.item.PK}|${op.item.SK}`;
    const seen = markers.get(key);
    if (!seen) {
      markers.set(key, op);
      out.push(op);
    } else if (Number(op.item.expiresAt) > Number(seen.item.expiresAt))
      seen.item.expiresAt = op.item.expiresAt;
  }
  return out;
}

/** The UTC hour an instant falls in, as the queue partitions name it ("2026-11-30T13"). */
export function hourOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

/** A thing always lands in the same shard: stable, and spread evenly by the hash. */
function shardOf(tenantId: string, thingId: string): number {
  return createHash('sha256').update(`${tenantId}#${thingId}`).digest().readUInt16BE(0) % DUE_SHARDS;
}
