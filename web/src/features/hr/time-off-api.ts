import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Staff } from '../../../../shared/schemas/hr.ts';
import type {
  TimeOffBalances,
  TimeOffDecision,
  TimeOffPolicy,
  TimeOffPolicyInput,
  TimeOffRequest,
  TimeOffRequestDetail,
  TimeOffRequestInput,
  TimeOffStatus,
} from '../../../../shared/schemas/hr-time-off.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';
import { listAllCurrentStaff } from './staff-api.ts';

/** Which requests a list shows, as the API names its filters. */
export interface TimeOffFilters {
  status?: TimeOffStatus | 'all';
  staffId?: string;
  /** First days from and to (YYYY-MM-DD, both included). */
  from?: string;
  to?: string;
}

/** The practice's PTO and sick-leave policies, each with its sentence. */
export const getTimeOffPolicies = query(
  () => api<{ items: TimeOffPolicy[] }>('/hr/time-off/policies'),
  'hrTimeOffPolicies',
);

/** One page of requests by first day; staff get only their own whatever the filters say. */
export const listTimeOff = query(
  (f: TimeOffFilters, cursor: string | undefined, limit: number) =>
    api<Page<TimeOffRequest>>('/hr/time-off/requests', {
      query: { status: f.status, staffId: f.staffId, from: f.from, to: f.to, cursor, limit },
    }),
  'hrTimeOffList',
);

/**
 * Every request with a first day in a short window (the team calendar's weeks). The window bounds
 * the read to a few pages, and a calendar cut off at a page boundary would silently drop people.
 */
export const listTimeOffWindow = query(async (from: string, to: string): Promise<TimeOffRequest[]> => {
  const all: TimeOffRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<TimeOffRequest>>('/hr/time-off/requests', {
      query: { status: 'all', from, to, cursor, limit: 100 },
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}, 'hrTimeOffWindow');

/** One request with its balance before and after and who else in the same role is off. */
export const getTimeOffRequest = query(
  (id: string) => api<TimeOffRequestDetail>(`/hr/time-off/requests/${encodeURIComponent(id)}`),
  'hrTimeOffRequest',
);

/** A person's balances today and projected to the end of `on` (today when omitted). */
export const getTimeOffBalances = query(
  (staffId: string, on?: string) =>
    api<TimeOffBalances>(`/hr/time-off/balances/${encodeURIComponent(staffId)}`, { query: { on } }),
  'hrTimeOffBalances',
);

/**
 * The signed-in user's own staff record, or null when their login is not linked to one. The API has
 * no "me" route for staff: the directory (a few hundred people at most) is read and matched by user.
 */
export const getMyStaff = query(async (userId: string): Promise<Staff | null> => {
  const all = await listAllCurrentStaff();
  return all.find((s) => s.userId === userId) ?? null;
}, 'hrTimeOffMyStaff');

/** Every time-off read a change can move, and Today (a request or decision is a Today item). */
const KEYS = [
  listTimeOff.key,
  listTimeOffWindow.key,
  getTimeOffRequest.key,
  getTimeOffBalances.key,
  getToday.key,
  getTodayCounts.key,
];

/** Asks for time off (for oneself, or a manager for anyone); 201 with balances and overlaps. */
export const requestTimeOff = (body: TimeOffRequestInput) =>
  mutate(api<TimeOffRequestDetail>('/hr/time-off/requests', { method: 'POST', body }), KEYS);

/** Approves or declines a waiting request at the version read (managers; never their own). */
export const decideTimeOff = (id: string, body: TimeOffDecision) =>
  mutate(
    api<TimeOffRequestDetail>(`/hr/time-off/requests/${encodeURIComponent(id)}/decision`, {
      method: 'POST',
      body,
    }),
    KEYS,
  );

/** Withdraws a request at the version read. */
export const cancelTimeOff = (id: string, version: number) =>
  mutate(
    api<TimeOffRequestDetail>(`/hr/time-off/requests/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
      body: { version },
    }),
    KEYS,
  );

/** Saves one kind's policy; every balance is projected from it, so balances are re-read too. */
export const saveTimeOffPolicy = (body: TimeOffPolicyInput) =>
  mutate(api<TimeOffPolicy>('/hr/time-off/policies', { method: 'PUT', body }), [
    getTimeOffPolicies.key,
    getTimeOffBalances.key,
    getTimeOffRequest.key,
  ]);
