import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  Staff,
  StaffCreate,
  StaffEnd,
  StaffRole,
  StaffSort,
  StaffUpdate,
} from '../../../../shared/schemas/hr.ts';
import { ApiError, api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

/** Which people the directory lists: current staff (the API's default), former staff, or both. */
export type StaffStatusFilter = 'active' | 'ended' | 'all';

/** The directory's filters and order, as the URL and the API name them. */
export interface StaffFilters {
  status: StaffStatusFilter;
  staffRole?: StaffRole;
  location?: string;
  q?: string;
  sort: StaffSort;
  dir: 'asc' | 'desc';
}

/** One page of the directory, filtered and sorted by the API. */
export const listStaff = query(
  (f: StaffFilters, cursor: string | undefined, limit: number) =>
    api<Page<Staff>>('/hr/staff', {
      query: {
        status: f.status,
        staffRole: f.staffRole,
        location: f.location,
        q: f.q,
        sort: f.sort,
        dir: f.dir,
        cursor,
        limit,
      },
    }),
  'hrStaff',
);

/** A person, or `missing` when the API does not know the id (a 404 is a page state, not a failure). */
export type PersonResult = { person: Staff } | { missing: true };

export const getPerson = query(async (id: string): Promise<PersonResult> => {
  try {
    return { person: await api<Staff>(`/hr/staff/${encodeURIComponent(id)}`) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { missing: true };
    throw err;
  }
}, 'hrPerson');

/**
 * Every current person, by name, for the manager select. A practice has a few hundred people at
 * most, so reading every page is a handful of requests.
 */
export const listAllCurrentStaff = query(async (): Promise<Staff[]> => {
  const all: Staff[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<Staff>>('/hr/staff', {
      query: { status: 'active', sort: 'name', cursor, limit: 100 },
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}, 'hrAllCurrentStaff');

/** A license with an expiry date is a Today alert for managers: saving a person moves Today too. */
const KEYS = [listStaff.key, getPerson.key, listAllCurrentStaff.key, getToday.key, getTodayCounts.key];

/** Adds a person to the directory. */
export const createStaff = (body: StaffCreate) =>
  mutate(api<Staff>('/hr/staff', { method: 'POST', body }), KEYS);

/** Replaces a person's record at the version read (409 `stale_version` when someone saved first). */
export const updateStaff = (id: string, body: StaffUpdate) =>
  mutate(api<Staff>(`/hr/staff/${encodeURIComponent(id)}`, { method: 'PUT', body }), KEYS);

/** Records a person's last day: they leave the current directory and their license alerts stop. */
export const endStaff = (id: string, body: StaffEnd) =>
  mutate(api<Staff>(`/hr/staff/${encodeURIComponent(id)}/end`, { method: 'POST', body }), KEYS);
