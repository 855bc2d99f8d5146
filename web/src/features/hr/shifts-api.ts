import { query } from '@solidjs/router';
import type {
  Shift,
  ShiftInput,
  ShiftUpdate,
  ShiftWeekView,
  StaffingRuleInput,
  StaffingRules,
} from '../../../../shared/schemas/hr-shifts.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

/** What copying last week answers: how many shifts came over and which were left out, and why. */
export interface CopyWeekResult {
  copied: number;
  skipped: { name: string; date: string; reason: string }[];
}

/** A location's Monday-start week: shifts, approved time off and (owners and managers) coverage. */
export const getShiftWeek = query(
  (locationId: string, weekOf: string) => api<ShiftWeekView>('/hr/shifts', { query: { locationId, weekOf } }),
  'hrShiftWeek',
);

/** The caller's own shifts in published weeks, four weeks from today. */
export const getMyShifts = query(() => api<{ items: Shift[] }>('/hr/my-shifts'), 'hrMyShifts');

/** A location's staffing rules with each one in words (owners and managers). */
export const getStaffingRules = query(
  (locationId: string) => api<StaffingRules>(`/hr/staffing-rules/${encodeURIComponent(locationId)}`),
  'hrStaffingRules',
);

/** A shift change moves the week (and its coverage) and whoever's own list it is on. */
const KEYS = [getShiftWeek.key, getMyShifts.key];

/** Adds a shift (201). */
export const addShift = (body: ShiftInput) =>
  mutate(api<Shift>('/hr/shifts', { method: 'POST', body }), KEYS);

/** Moves, retimes or reassigns a shift at the version read (409 `stale_version` when changed meanwhile). */
export const updateShift = (id: string, body: ShiftUpdate) =>
  mutate(api<Shift>(`/hr/shifts/${encodeURIComponent(id)}`, { method: 'PUT', body }), KEYS);

/** Removes a shift read at `version` (204). */
export const removeShift = (id: string, version: number) =>
  mutate(
    api<void>(`/hr/shifts/${encodeURIComponent(id)}/remove`, { method: 'POST', body: { version } }),
    KEYS,
  );

/** Copies last week's shifts of the location into the week holding `weekOf`. */
export const copyLastWeek = (locationId: string, weekOf: string) =>
  mutate(api<CopyWeekResult>('/hr/shifts/copy-week', { method: 'POST', body: { locationId, weekOf } }), KEYS);

/** Publishes the location's week to staff. */
export const publishWeek = (locationId: string, weekOf: string) =>
  mutate(api<ShiftWeekView>('/hr/shifts/publish', { method: 'POST', body: { locationId, weekOf } }), KEYS);

/** Saves a location's rules at the version read (0 the first time); coverage follows them. */
export const saveStaffingRules = (locationId: string, rules: StaffingRuleInput[], version: number) =>
  mutate(
    api<StaffingRules>(`/hr/staffing-rules/${encodeURIComponent(locationId)}`, {
      method: 'PUT',
      body: { rules, version },
    }),
    [getStaffingRules.key, getShiftWeek.key],
  );

/** Whether the caller has a shift calendar feed. */
export const getMyShiftFeed = query(
  () => api<{ active: boolean; createdAt?: string }>('/hr/my-shifts/feed'),
  'hrMyShiftFeed',
);

/** Makes (or replaces) the caller's feed: the URL is in this answer only. */
export const createMyShiftFeed = () =>
  mutate(api<{ token: string; url: string; createdAt: string }>('/hr/my-shifts/feed', { method: 'POST' }), [
    getMyShiftFeed.key,
  ]);

export const revokeMyShiftFeed = () =>
  mutate(api<void>('/hr/my-shifts/feed/revoke', { method: 'POST' }), [getMyShiftFeed.key]);
