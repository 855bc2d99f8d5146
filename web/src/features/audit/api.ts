import { query } from '@solidjs/router';
import type { AuditEvent } from '../../../../shared/schemas/audit.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import { api } from '../../lib/api.ts';

export interface AuditFilters {
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

/** Action prefixes the log can be narrowed by (the API matches by prefix). */
export const ACTION_OPTIONS = [
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
  { value: 'settings.location_', label: 'Locations' },
  { value: 'membership.', label: 'Associations (all)' },
  { value: 'tenant.', label: 'Sign-up' },
];

export const ENTITY_OPTIONS = [
  { value: 'user', label: 'User' },
  { value: 'invite', label: 'Invitation' },
  { value: 'tenant', label: 'Workspace' },
  { value: 'location', label: 'Location' },
  { value: 'membership', label: 'Membership' },
  { value: 'invite_code', label: 'Invite code' },
];
