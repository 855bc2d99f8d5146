import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  LeaveCase,
  LeaveCaseClose,
  LeaveCaseListQuery,
  LeaveCaseOpen,
  LeaveEntryAdd,
  LeaveEntryRemove,
  LeaveKeyDateDone,
  LeaveNote,
  LeaveNoteAdd,
} from '../../../../shared/schemas/hr-leave.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

export type LeaveFilters = Pick<LeaveCaseListQuery, 'status' | 'sort' | 'dir'>;

/** Leave and accommodation cases, filtered and sorted by the API (owners and managers). */
export const listLeaveCases = query(
  (f: LeaveFilters, cursor: string | undefined, limit: number) =>
    api<Page<LeaveCase>>('/hr/leave-cases', {
      query: { status: f.status, sort: f.sort, dir: f.dir, cursor, limit },
    }),
  'hrLeaveCases',
);

export const getLeaveCase = query(
  (id: string) => api<LeaveCase>(`/hr/leave-cases/${encodeURIComponent(id)}`),
  'hrLeaveCase',
);

/** The owner's confidential notes on a case (a manager gets 403: the page never asks for them). */
export const listLeaveNotes = query(
  (id: string) => api<{ items: LeaveNote[] }>(`/hr/leave-cases/${encodeURIComponent(id)}/notes`),
  'hrLeaveNotes',
);

// Key dates are due-date alerts in Today, and one case's leave moves the person's FMLA usage shown on
// their other cases: every change re-reads the list, the case and Today.
const KEYS = [listLeaveCases.key, getLeaveCase.key, getToday.key, getTodayCounts.key];
const path = (id: string, rest = '') => `/hr/leave-cases/${encodeURIComponent(id)}${rest}`;
const post = (to: string, body: unknown) => mutate(api<LeaveCase>(to, { method: 'POST', body }), KEYS);

/** Opens a case (201); eligibility is worked out by the API for the first day of leave. */
export const openLeaveCase = (body: LeaveCaseOpen) => post('/hr/leave-cases', body);
export const addLeaveEntry = (id: string, body: LeaveEntryAdd) => post(path(id, '/leave'), body);
export const removeLeaveEntry = (id: string, body: LeaveEntryRemove) => post(path(id, '/leave/remove'), body);
export const markKeyDateDone = (id: string, body: LeaveKeyDateDone) => post(path(id, '/key-dates'), body);
export const closeLeaveCase = (id: string, body: LeaveCaseClose) => post(path(id, '/close'), body);

export const addLeaveNote = (id: string, body: LeaveNoteAdd) =>
  mutate(api<LeaveNote>(path(id, '/notes'), { method: 'POST', body }), [listLeaveNotes.key]);
