/**
 * Staff meetings: the meeting, an agenda anyone in the practice adds to, attendance from the staff
 * directory, minutes, and action items. Each action item is a Today item for its owner (a person
 * with a login, or everyone in a role), raised in the same write; marking it done closes that item.
 * An action item still open when a later meeting is held is carried onto that meeting's agenda
 * ("carried over from <date>"): derived when reading, so it stays right whenever items are done.
 * Cross-domain reads: getTenant from tenants/settings.service.ts (the practice's time zone decides
 * what is upcoming and past).
 */
import { inRoleGroup, ROLE_LABELS, type Role } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type {
  ActionItem,
  ActionItemInput,
  AgendaTopicInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingListQuery,
  MeetingUpdate,
} from '../../shared/schemas/hr-meetings.ts';
import { localParts } from '../../shared/time.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { forbidden, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { closeIfOpenOps, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { meetingsRepo, type StoredMeeting } from './meetings.repo.ts';
import { staffRepo } from './staff.repo.ts';

const LINK = '/app/hr/meetings';
const ACTION_KIND = 'meeting_action';

export interface Caller {
  userId: string;
  role: Role;
}

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const toMeeting = (m: StoredMeeting): Meeting => {
  const { createdAt: _c, ...rest } = m;
  return rest;
};

/** The practice's local now as `YYYY-MM-DDTHH:MM`, and its time zone. */
async function localNow(db: TenantDb): Promise<{ at: string; timeZone: string }> {
  const { timeZone } = await getTenant(db);
  const p = localParts(db.now().getTime(), timeZone);
  return { at: `${p.date}T${p.time.slice(0, 5)}`, timeZone };
}

/** Upcoming meetings soonest first, or past ones latest first; one ranged Query a page. */
export async function listMeetings(db: TenantDb, q: MeetingListQuery, limit: number): Promise<Page<Meeting>> {
  const { at } = await localNow(db);
  const past = q.when === 'past';
  const range = past ? tenantKeys.meetingRange(undefined, at) : tenantKeys.meetingRange(at);
  const page = await meetingsRepo.page(db, range, limit, past, q.cursor);
  return { items: page.items.map(toMeeting), nextCursor: page.nextCursor };
}

/** A meeting with its agenda (its own topics and the action items carried over), attendance and actions. */
export async function getMeeting(db: TenantDb, id: string): Promise<MeetingDetail> {
  const found = await meetingsRepo.withChildren(db, id);
  if (!found) throw notFound('Meeting');
  const { meeting, topics, actions } = found;
  const [staff, earlier, tenant] = await Promise.all([
    staffRepo.all(db),
    meetingsRepo.actionsBefore(db, meeting.date),
    getTenant(db),
  ]);
  const names = new Map(staff.map((s) => [s.id, fullName(s)]));
  const carried = earlier
    .filter(
      (a) =>
        a.meetingId !== meeting.id &&
        (a.status === 'open' ||
          (a.doneAt !== undefined && localParts(Date.parse(a.doneAt), tenant.timeZone).date >= meeting.date)),
    )
    .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.dueDate.localeCompare(b.dueDate));
  return {
    ...toMeeting(meeting),
    attendees: meeting.attendeeIds.map((staffId) => ({
      staffId,
      name: names.get(staffId) ?? 'Former staff',
    })),
    topics: topics.sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
    carried,
    actions: actions.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id)),
  };
}

/** Schedules a meeting (owners and managers). */
export async function createMeeting(db: TenantDb, input: MeetingInput): Promise<MeetingDetail> {
  const m: StoredMeeting = {
    id: newId(),
    title: input.title,
    date: input.date,
    time: input.time,
    ...(input.location ? { location: input.location } : {}),
    attendeeIds: [],
    createdByName: db.actor.name,
    createdAt: db.now().toISOString(),
    version: 1,
  };
  await db.write([meetingsRepo.createOp(db, m)], {
    action: 'hr.meeting_scheduled',
    entityType: 'meeting',
    entityId: m.id,
    entityName: m.title,
    summary: `Scheduled the staff meeting “${m.title}” on ${m.date} at ${m.time}`,
  });
  return getMeeting(db, m.id);
}

/** Changes the details, takes attendance and writes the minutes, at the version read. */
export async function updateMeeting(db: TenantDb, id: string, input: MeetingUpdate): Promise<MeetingDetail> {
  const previous = await meetingsRepo.get(db, id);
  if (!previous) throw notFound('Meeting');
  if (previous.version !== input.version) throw staleVersion();
  const attendeeIds = [...new Set(input.attendeeIds)];
  if (attendeeIds.length) {
    const known = new Set((await staffRepo.all(db)).map((s) => s.id));
    const issues = attendeeIds.flatMap((sid, i) =>
      known.has(sid) ? [] : [{ path: `attendeeIds.${i}`, message: 'Choose people from the staff directory' }],
    );
    if (issues.length) throw validationFailed(issues);
  }
  const { version: _v, location, minutes, ...fields } = input;
  const next: StoredMeeting = {
    ...previous,
    ...fields,
    attendeeIds,
    location: location || undefined,
    minutes: minutes?.trim() ? minutes : undefined,
  };
  if (next.location === undefined) delete next.location;
  if (next.minutes === undefined) delete next.minutes;
  const minutesChanged = (previous.minutes ?? '') !== (next.minutes ?? '');
  await db.write([meetingsRepo.updateOp(db, previous, next)], {
    action: 'hr.meeting_updated',
    entityType: 'meeting',
    entityId: id,
    entityName: next.title,
    summary: `Updated the staff meeting “${next.title}” (${attendeeIds.length} attended${minutesChanged ? ', minutes changed' : ''})`,
  });
  return getMeeting(db, id);
}

/** Anyone in the practice adds a topic to a meeting's agenda. */
export async function addTopic(
  db: TenantDb,
  meetingId: string,
  input: AgendaTopicInput,
): Promise<MeetingDetail> {
  const meeting = await meetingsRepo.get(db, meetingId);
  if (!meeting) throw notFound('Meeting');
  const topic = {
    id: newId(),
    title: input.title,
    ...(input.note ? { note: input.note } : {}),
    addedByName: db.actor.name,
    addedAt: db.now().toISOString(),
  };
  await db.write([meetingsRepo.meetingExistsOp(db, meetingId), meetingsRepo.topicOp(db, meetingId, topic)], {
    action: 'hr.meeting_topic_added',
    entityType: 'meeting',
    entityId: meetingId,
    entityName: meeting.title,
    summary: `Added “${topic.title}” to the agenda of “${meeting.title}” (${meeting.date})`,
  });
  return getMeeting(db, meetingId);
}

/** Records an action item and raises it in its owner's Today, in one write. */
export async function addAction(
  db: TenantDb,
  meetingId: string,
  input: ActionItemInput,
): Promise<MeetingDetail> {
  const meeting = await meetingsRepo.get(db, meetingId);
  if (!meeting) throw notFound('Meeting');
  let owner: Pick<ActionItem, 'ownerStaffId' | 'ownerUserId' | 'ownerRole' | 'ownerName'>;
  let assignee: { userId: string; name: string } | { role: Exclude<Role, 'assoc_admin' | 'analyst'> };
  if ('staffId' in input.owner) {
    const person = await staffRepo.get(db, input.owner.staffId);
    if (person?.status !== 'active') {
      throw validationFailed([{ path: 'owner.staffId', message: 'Choose a current member of staff' }]);
    }
    if (!person.userId) {
      throw validationFailed([
        { path: 'owner.staffId', message: `${fullName(person)} has no Rounds login: choose a role instead` },
      ]);
    }
    owner = { ownerStaffId: person.id, ownerUserId: person.userId, ownerName: fullName(person) };
    assignee = { userId: person.userId, name: fullName(person) };
  } else {
    owner = { ownerRole: input.owner.role, ownerName: ROLE_LABELS[input.owner.role] };
    assignee = { role: input.owner.role };
  }
  const action: ActionItem = {
    id: newId(),
    meetingId,
    meetingDate: meeting.date,
    title: input.title,
    ...owner,
    dueDate: input.dueDate,
    status: 'open',
    version: 1,
  };
  await db.write(
    [
      meetingsRepo.meetingExistsOp(db, meetingId),
      meetingsRepo.actionCreateOp(db, action),
      raiseTodayItemOp(
        db,
        {
          source: 'hr',
          kind: ACTION_KIND,
          ref: action.id,
          title: action.title,
          detail: `Action item from the staff meeting of ${meeting.date}`,
          link: `${LINK}/${meetingId}`,
          assignee,
          dueDate: action.dueDate,
        },
        db.now(),
      ),
    ],
    {
      action: 'hr.meeting_action_added',
      entityType: 'meeting',
      entityId: meetingId,
      entityName: meeting.title,
      summary: `Action item for ${action.ownerName} due ${action.dueDate}: ${action.title}`,
    },
  );
  return getMeeting(db, meetingId);
}

/** Marks an action item done (owners, managers, or its owner) and closes its Today item. */
export async function completeAction(
  db: TenantDb,
  caller: Caller,
  meetingId: string,
  actionId: string,
  version: number,
): Promise<ActionItem> {
  const action = await meetingsRepo.action(db, meetingId, actionId);
  if (!action) throw notFound('Action item');
  const mayDo =
    inRoleGroup(caller.role, 'practiceAdmins') ||
    action.ownerUserId === caller.userId ||
    action.ownerRole === caller.role;
  if (!mayDo) throw forbidden('Only the owner of this action item or a manager marks it done');
  if (action.version !== version) throw staleVersion();
  if (action.status === 'done') return action;
  const set = { doneAt: db.now().toISOString(), doneByName: db.actor.name };
  const close = await closeIfOpenOps(db, [todayItemId('hr', ACTION_KIND, action.id)]);
  await db.write([meetingsRepo.actionDoneOp(db, action, set), ...close], {
    action: 'hr.meeting_action_done',
    entityType: 'meeting',
    entityId: meetingId,
    entityName: action.title,
    summary: `Marked done: ${action.title} (${action.ownerName})`,
  });
  return { ...action, ...set, status: 'done', version: action.version + 1 };
}
