import { query } from '@solidjs/router';
import type { AuditEvent, PatientAccessReport } from '../../../../shared/schemas/audit.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Patient } from '../../../../shared/schemas/scheduling.ts';
import type { User } from '../../../../shared/schemas/team.ts';
import { api } from '../../lib/api.ts';

export interface AuditFilters {
  actorId?: string;
  patientId?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

export const listAudit = query(
  (filters: AuditFilters, cursor: string | undefined, limit: number) =>
    api<Page<AuditEvent>>('/audit', { query: { ...filters, cursor, limit } }),
  'audit',
);

/** One patient's access report, a page at a time (the first page is itself audited). */
export const getAccessReport = query(
  (patientId: string, cursor: string | undefined, limit: number) =>
    api<PatientAccessReport>(`/scheduling/patients/${encodeURIComponent(patientId)}/access-report`, {
      query: { cursor, limit },
    }),
  'patientAccessReport',
);

/** The people the log can be narrowed to: the team (up to 100, every status) and Rounds' own actors. */
export const listPeople = query(
  async () => (await api<Page<User>>('/team', { query: { limit: 100 } })).items,
  'auditPeople',
);

export const SYSTEM_ACTORS = [
  { value: 'reminders', label: 'Reminder job (Rounds)' },
  { value: 'reminder-link', label: 'A patient, from a reminder link' },
];

/** Patients by last name for the patient filter (the search itself is audited, like every search). */
export const findPatients = (q: string) =>
  api<Page<Patient>>('/scheduling/patients', { query: { q, limit: 8 } });

/**
 * Every page of a filtered list, for a CSV file: each request is one bounded page; at most
 * `max` events (a narrower date range gets the rest).
 */
export async function allPages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  max: number,
  onProgress?: (count: number) => void,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    onProgress?.(items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), complete: !cursor && items.length <= max };
}
