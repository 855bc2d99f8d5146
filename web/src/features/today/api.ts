import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  TodayAction,
  TodayAssignees,
  TodayCounts,
  TodayItem,
  TodayPreferences,
  TodayRequestInput,
  TodayView,
} from '../../../../shared/schemas/today.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

export const getToday = query(
  (scope: TodayView['scope']) => api<TodayView>('/today', { query: { scope } }),
  'today',
);
export const getTodayCounts = query(() => api<TodayCounts>('/today/counts'), 'todayCounts');
export const getAssignees = query(() => api<TodayAssignees>('/today/assignees'), 'todayAssignees');
export const listDone = query(
  (q: string, cursor: string | undefined, limit: number) =>
    api<Page<TodayItem>>('/today/done', { query: { q: q || undefined, cursor, limit } }),
  'todayDone',
);

const TOUCHED = [getToday.key, getTodayCounts.key, listDone.key];

export const addRequest = (body: TodayRequestInput) =>
  mutate(api<TodayItem>('/today/items', { method: 'POST', body }), TOUCHED);

export const actOn = (item: TodayItem, action: TodayAction) =>
  mutate(api<TodayItem>(`/today/items/${item.id}/actions`, { method: 'POST', body: action }), TOUCHED);

export const getPreferences = query(() => api<TodayPreferences>('/today/preferences'), 'todayPreferences');
export const setPreferences = (body: TodayPreferences) =>
  mutate(api<TodayPreferences>('/today/preferences', { method: 'PUT', body }), getPreferences.key);
