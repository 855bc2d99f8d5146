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

/** Actions and action families ("team.") the log can be narrowed by; each is one keyed read. */
export const ACTION_OPTIONS = [
  { value: 'patient.', label: 'Patient records (all)' },
  { value: 'patient.viewed', label: 'Patient details viewed' },
  { value: 'patient.visits_viewed', label: 'Patient visits viewed' },
  { value: 'patient.listed', label: 'Patient searches' },
  { value: 'patient.exported', label: 'Patient exports (FHIR)' },
  { value: 'patient.created', label: 'Patients added' },
  { value: 'patient.updated', label: 'Patient details changed' },
  { value: 'appointment.', label: 'Visits (all)' },
  { value: 'appointment.booked', label: 'Visits booked' },
  { value: 'appointment.rescheduled', label: 'Visits moved' },
  { value: 'appointment.cancelled', label: 'Visits cancelled' },
  { value: 'appointment.no_show', label: 'No-shows marked' },
  { value: 'waitlist.', label: 'Waitlist' },
  { value: 'recall.', label: 'Recalls' },
  { value: 'audit.patient_report', label: 'Access reports run' },
  { value: 'auth.', label: 'Sign-ins (all)' },
  { value: 'auth.login_failed', label: 'Failed sign-ins' },
  { value: 'team.', label: 'Team (all)' },
  { value: 'team.invited', label: 'Invitations sent' },
  { value: 'team.invite_accepted', label: 'Invitations accepted' },
  { value: 'team.invite_revoked', label: 'Invitations revoked' },
  { value: 'team.role_changed', label: 'Role changes' },
  { value: 'team.user_deactivated', label: 'Deactivations' },
  { value: 'team.user_reactivated', label: 'Reactivations' },
  { value: 'settings.', label: 'Settings (all)' },
  { value: 'settings.profile_updated', label: 'Profile updated' },
  { value: 'settings.branding_updated', label: 'Branding updated' },
  { value: 'settings.location_created', label: 'Locations added' },
  { value: 'settings.location_updated', label: 'Locations changed' },
  { value: 'settings.location_archived', label: 'Locations archived' },
  { value: 'scheduling.', label: 'Scheduling setup (all)' },
  { value: 'membership.', label: 'Associations (all)' },
  { value: 'tenant.', label: 'Sign-up' },
];

export const ENTITY_OPTIONS = [
  { value: 'patient', label: 'Patient' },
  { value: 'appointment', label: 'Visit' },
  { value: 'user', label: 'User' },
  { value: 'invite', label: 'Invitation' },
  { value: 'tenant', label: 'Workspace' },
  { value: 'location', label: 'Location' },
  { value: 'membership', label: 'Membership' },
  { value: 'invite_code', label: 'Invite code' },
];
