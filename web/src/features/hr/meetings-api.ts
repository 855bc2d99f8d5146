import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  ActionItem,
  ActionItemInput,
  AgendaTopicInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingUpdate,
} from '../../../../shared/schemas/hr-meetings.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

/** One page of upcoming meetings (soonest first) or past ones (latest first). */
export const listMeetings = query(
  (when: 'upcoming' | 'past', cursor: string | undefined, limit: number) =>
    api<Page<Meeting>>('/hr/meetings', { query: { when, cursor, limit } }),
  'hrMeetings',
);

/** A meeting with its agenda, the action items carried over, attendance, minutes and action items. */
export const getMeeting = query(
  (id: string) => api<MeetingDetail>(`/hr/meetings/${encodeURIComponent(id)}`),
  'hrMeeting',
);

const KEYS = [listMeetings.key, getMeeting.key];
/** Action items are Today items: assigning or finishing one moves Today too. */
const ACTION_KEYS = [...KEYS, getToday.key, getTodayCounts.key];
const path = (id: string) => `/hr/meetings/${encodeURIComponent(id)}`;

export const createMeeting = (body: MeetingInput) =>
  mutate(api<MeetingDetail>('/hr/meetings', { method: 'POST', body }), KEYS);

export const updateMeeting = (id: string, body: MeetingUpdate) =>
  mutate(api<MeetingDetail>(path(id), { method: 'PUT', body }), KEYS);

export const addTopic = (id: string, body: AgendaTopicInput) =>
  mutate(api<MeetingDetail>(`${path(id)}/topics`, { method: 'POST', body }), KEYS);

export const addAction = (id: string, body: ActionItemInput) =>
  mutate(api<MeetingDetail>(`${path(id)}/actions`, { method: 'POST', body }), ACTION_KEYS);

export const completeAction = (a: ActionItem) =>
  mutate(
    api<ActionItem>(`/hr/meetings/actions/${encodeURIComponent(a.id)}/done`, {
      method: 'POST',
      body: { meetingId: a.meetingId, version: a.version },
    }),
    ACTION_KEYS,
  );
