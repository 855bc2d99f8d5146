import type { ActionItem, AgendaTopic, Meeting } from '../../shared/schemas/hr-meetings.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound, staleVersion } from '../platform/errors.ts';

/**
 * Staff meetings' storage: one partition per practice. A meeting and its children (agenda topics,
 * action items) share a sort-key prefix, so a meeting's page is one Query; GSI1 orders meetings by
 * day and time; GSI2 holds every action item by the day of its meeting (what is carried over).
 */

export type StoredMeeting = Meeting & { createdAt: string };

/** Action items of a practice over years: hundreds. Bounds a pathological read. */
const MAX_ACTIONS = 5000;

export const meetingsRepo = {
  /** The meeting with its topics and action items, or undefined. */
  async withChildren(
    db: TenantDb,
    id: string,
  ): Promise<{ meeting: StoredMeeting; topics: AgendaTopic[]; actions: ActionItem[] } | undefined> {
    let meeting: StoredMeeting | undefined;
    const topics: AgendaTopic[] = [];
    const actions: ActionItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.meetingPartition(db),
        skPrefix: tenantKeys.meetingPrefix(id),
        limit: 500,
        cursor,
      });
      for (const item of page.items) {
        if (item.type === 'hr_meeting') meeting = strip<StoredMeeting>(item);
        else if (item.type === 'hr_meeting_topic') {
          // The meeting id is stored for the item's own sake; the topic's DTO does not carry it.
          const { meetingId: _meeting, ...topic } = strip<AgendaTopic & { meetingId: string }>(item);
          topics.push(topic);
        } else if (item.type === 'hr_meeting_action') actions.push(strip<ActionItem>(item));
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return meeting ? { meeting, topics, actions } : undefined;
  },

  async get(db: TenantDb, id: string): Promise<StoredMeeting | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.meeting(db, id));
    return item ? strip<StoredMeeting>(item) : undefined;
  },

  /** A page of meetings in a GSI1 range, soonest first (or latest first). */
  async page(db: TenantDb, range: [string, string], limit: number, newestFirst: boolean, cursor?: string) {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.meetingsByTime(db),
      index: 'GSI1',
      skBetween: range,
      limit,
      cursor,
      newestFirst,
    });
    return { items: page.items.map((i) => strip<StoredMeeting>(i)), nextCursor: page.nextCursor };
  },

  /** Action items of meetings held on days before `beforeDate` (carry-over candidates). */
  async actionsBefore(db: TenantDb, beforeDate: string): Promise<ActionItem[]> {
    const items: ActionItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.actionsByMeetingDate(db),
        index: 'GSI2',
        skBetween: ['0000', beforeDate],
        limit: 1000,
        cursor,
      });
      items.push(...page.items.map((i) => strip<ActionItem>(i)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_ACTIONS);
    return items;
  },

  createOp(db: TenantDb, m: StoredMeeting): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.meeting(db, m.id),
        ...tenantKeys.meetingIndexes(db, m.date, m.time, m.id),
        type: 'hr_meeting',
        ...m,
      },
      onFail: staleVersion,
    };
  },

  updateOp(db: TenantDb, previous: StoredMeeting, next: StoredMeeting): WriteOp {
    const { id: _id, version: _v, ...fields } = next;
    const cleared = (['location', 'minutes'] as const).filter(
      (f) => next[f] === undefined && previous[f] !== undefined,
    );
    return {
      kind: 'update',
      key: tenantKeys.meeting(db, next.id),
      set: { ...fields, ...tenantKeys.meetingIndexes(db, next.date, next.time, next.id) },
      remove: [...cleared],
      expectedVersion: previous.version,
      onFail: staleVersion,
    };
  },

  topicOp(db: TenantDb, meetingId: string, t: AgendaTopic): WriteOp {
    return {
      kind: 'create',
      item: { ...tenantKeys.agendaTopic(db, meetingId, t.id), type: 'hr_meeting_topic', meetingId, ...t },
    };
  },

  /** The meeting must still exist when a child is added to it. */
  meetingExistsOp(db: TenantDb, meetingId: string): WriteOp {
    return {
      kind: 'check',
      key: tenantKeys.meeting(db, meetingId),
      exists: true,
      onFail: () => notFound('Meeting'),
    };
  },

  actionCreateOp(db: TenantDb, a: ActionItem): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.actionItem(db, a.meetingId, a.id),
        ...tenantKeys.actionIndexes(db, a.meetingDate, a.id),
        type: 'hr_meeting_action',
        ...a,
      },
    };
  },

  async action(db: TenantDb, meetingId: string, id: string): Promise<ActionItem | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.actionItem(db, meetingId, id));
    return item ? strip<ActionItem>(item) : undefined;
  },

  actionDoneOp(db: TenantDb, a: ActionItem, set: { doneAt: string; doneByName: string }): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.actionItem(db, a.meetingId, a.id),
      set: { ...set, status: 'done' },
      expectedVersion: a.version,
      onFail: staleVersion,
    };
  },
};
