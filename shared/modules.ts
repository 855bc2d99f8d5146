import type { TenantKind } from './roles.ts';

/**
 * The one list of Rounds' modules. The local host, the CDK Lambdas and API Gateway routes, the web
 * navigation and lazy routes, the audit-log filters and the security fixtures are all maps keyed by
 * `ModuleId`, so adding an id here makes the compiler name every map still missing the module.
 * Each module's code lives in `functions/<id>/` (with `handler.ts`, its Lambda entry) and
 * `web/src/features/...`; role access is named with the groups in `roles.ts`.
 */
export const MODULE_IDS = [
  'tenants',
  'scheduling',
  'today',
  'documents',
  'billing',
  'hr',
  'benchmarks',
] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

/** A choice in the audit log's filters: an action, a family of actions ("team."), or an entity type. */
export interface AuditChoice {
  value: string;
  label: string;
}

/** What the rest of the system needs to know about a module, beyond its own folders. */
export interface ModuleManifest {
  label: string;
  /** The tenant kinds whose people use the module (filters what an association is offered). */
  tenantKinds: readonly TenantKind[];
  /** First path segments after /api that the module's Lambda serves to a signed-in caller. */
  apiPrefixes: readonly string[];
  /** `METHOD /api/path` (with `{param}` placeholders) reachable without a token. */
  publicRoutes: readonly string[];
  /** The module's actions (and action families, trailing dot) offered as audit-log filters. */
  auditActions: readonly AuditChoice[];
  /** The entity types the module's audit records name. */
  auditEntities: readonly AuditChoice[];
}

export const MODULES: Record<ModuleId, ModuleManifest> = {
  tenants: {
    label: 'Platform',
    tenantKinds: ['practice', 'association'],
    // `auth` holds the signed-in account routes (change password, two-factor, sign out everywhere);
    // its public routes below are more specific, so API Gateway matches them first.
    apiPrefixes: [
      'auth',
      'me',
      'tenant',
      'locations',
      'team',
      'outbox',
      'association',
      'memberships',
      'audit',
    ],
    publicRoutes: [
      'POST /api/signup',
      'POST /api/auth/login',
      'POST /api/auth/login/mfa',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'POST /api/auth/password-reset',
      'GET /api/auth/password-reset/{token}',
      'POST /api/auth/password-reset/confirm',
      'GET /api/invites/{token}',
      'POST /api/invites/accept',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/docs',
    ],
    auditActions: [
      { value: 'auth.', label: 'Sign-ins and account security (all)' },
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
      { value: 'membership.', label: 'Associations (all)' },
      { value: 'tenant.', label: 'Sign-up' },
      { value: 'imports.', label: 'Saved import sources (all)' },
    ],
    auditEntities: [
      { value: 'user', label: 'User' },
      { value: 'invite', label: 'Invitation' },
      { value: 'tenant', label: 'Workspace' },
      { value: 'location', label: 'Location' },
      { value: 'membership', label: 'Membership' },
      { value: 'invite_code', label: 'Invite code' },
      { value: 'import_source', label: 'Saved import source' },
    ],
  },
  scheduling: {
    label: 'Schedule',
    tenantKinds: ['practice'],
    apiPrefixes: ['scheduling'],
    publicRoutes: [
      'GET /api/scheduling/feeds/{token}',
      'GET /api/scheduling/reminder-links/{token}',
      'POST /api/scheduling/reminder-links/{token}',
    ],
    auditActions: [
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
      { value: 'scheduling.', label: 'Scheduling setup (all)' },
      { value: 'metrics.', label: 'Monthly measures stored' },
    ],
    auditEntities: [
      { value: 'patient', label: 'Patient' },
      { value: 'appointment', label: 'Visit' },
      { value: 'provider', label: 'Provider' },
      { value: 'appointment_type', label: 'Visit type' },
      { value: 'waitlist', label: 'Waitlist entry' },
      { value: 'recall', label: 'Recall' },
      { value: 'resource', label: 'Room or equipment' },
      { value: 'template', label: 'Weekly hours' },
      { value: 'schedule_exception', label: 'Time off or holiday' },
      { value: 'reminder_settings', label: 'Reminder settings' },
      { value: 'metric_snapshot', label: 'Monthly measures' },
    ],
  },
  today: {
    label: 'Today',
    tenantKinds: ['practice'],
    apiPrefixes: ['today'],
    publicRoutes: [],
    auditActions: [{ value: 'today.', label: 'Today requests and reminders (all)' }],
    auditEntities: [{ value: 'today_item', label: 'Today item' }],
  },
  documents: {
    label: 'Documents',
    tenantKinds: ['practice'],
    apiPrefixes: ['files', 'documents'],
    // Any tenant's logo (either kind: its administrators upload it under /files/logo), for pages
    // without sign-in (a patient's reminder link) and printing.
    publicRoutes: ['GET /api/public/logo/{tenantId}/{fileId}'],
    auditActions: [
      { value: 'file.', label: 'Files (all)' },
      { value: 'file.uploaded', label: 'Files uploaded' },
      { value: 'file.refused', label: 'Uploads refused' },
      { value: 'file.download_link', label: 'Files opened' },
      { value: 'document.', label: 'Documents (all)' },
      { value: 'document.created', label: 'Documents created' },
      { value: 'document.draft_saved', label: 'Drafts saved' },
      { value: 'document.submitted', label: 'Sent for approval' },
      { value: 'document.approved', label: 'Approvals' },
      { value: 'document.sent_back', label: 'Sent back with comments' },
      { value: 'document.published', label: 'Documents published' },
      { value: 'document.version_started', label: 'New versions started' },
      { value: 'document.signed', label: 'Documents signed' },
      { value: 'document.reminders_sent', label: 'Signature reminders' },
      { value: 'document.evidence_exported', label: 'Evidence exported' },
    ],
    auditEntities: [
      { value: 'file', label: 'File' },
      { value: 'document', label: 'Document' },
    ],
  },
  billing: {
    label: 'Billing',
    tenantKinds: ['practice'],
    apiPrefixes: ['billing'],
    publicRoutes: [],
    auditActions: [
      { value: 'billing.', label: 'Billing (all)' },
      { value: 'billing.remittance_imported', label: 'Remittances imported' },
      { value: 'billing.claims_imported', label: 'Claim batches imported' },
      { value: 'billing.claim_viewed', label: 'Claims viewed' },
      { value: 'billing.claims_listed', label: 'Claim lists viewed' },
      { value: 'billing.claim_assigned', label: 'Claims assigned' },
      { value: 'billing.claim_worked', label: 'Claim follow-ups' },
      { value: 'billing.claim_appealed', label: 'Appeals sent' },
      { value: 'billing.claim_written_off', label: 'Write-offs' },
      { value: 'billing.credentialing_saved', label: 'Credentialing changes' },
      { value: 'billing.caqh_attested', label: 'CAQH attestations' },
      { value: 'billing.provider_added', label: 'Billing providers added' },
      { value: 'billing.provider_login_linked', label: 'Provider logins linked to an NPI' },
      { value: 'billing.provider_login_unlinked', label: 'Provider logins unlinked from an NPI' },
      { value: 'billing.payer_updated', label: 'Payer windows and contracts' },
      { value: 'billing.fee_schedule_imported', label: 'Fee schedules imported' },
      { value: 'billing.csv_imported', label: 'Claims and payments imported from CSV' },
      { value: 'billing.claim_entered', label: 'Claims entered by hand' },
      { value: 'billing.patient_payment_recorded', label: 'Patient payments recorded' },
    ],
    auditEntities: [
      { value: 'claim', label: 'Claim' },
      { value: 'remittance', label: 'Remittance' },
      { value: 'payer', label: 'Payer' },
    ],
  },
  hr: {
    label: 'HR',
    tenantKinds: ['practice'],
    apiPrefixes: ['hr'],
    publicRoutes: ['GET /api/hr/feeds/{token}'],
    auditActions: [
      { value: 'hr.', label: 'HR (all)' },
      { value: 'hr.staff_added', label: 'Staff added' },
      { value: 'hr.staff_updated', label: 'Staff records changed' },
      { value: 'hr.staff_ended', label: 'Last days recorded' },
      { value: 'hr.time_off_requested', label: 'Time off requested' },
      { value: 'hr.time_off_decided', label: 'Time off approved or declined' },
      { value: 'hr.time_off_cancelled', label: 'Time off cancelled' },
      { value: 'hr.time_off_policy_saved', label: 'Time-off policies changed' },
      { value: 'hr.time_off_opening_set', label: 'Balances carried in' },
      { value: 'hr.shift_added', label: 'Shifts added' },
      { value: 'hr.shift_changed', label: 'Shifts changed' },
      { value: 'hr.shift_removed', label: 'Shifts removed' },
      { value: 'hr.week_copied', label: 'Weeks copied' },
      { value: 'hr.week_published', label: 'Weeks published' },
      { value: 'hr.staffing_rules_saved', label: 'Staffing rules changed' },
      { value: 'hr.attendance_logged', label: 'Attendance logged' },
      { value: 'hr.attendance_corrected', label: 'Attendance corrected' },
      { value: 'hr.attendance_removed', label: 'Attendance removed' },
      { value: 'hr.pay_schedule_saved', label: 'Pay schedule changed' },
      { value: 'hr.payroll_opened', label: 'Pay periods opened' },
      { value: 'hr.payroll_adjusted', label: 'Payroll adjustments' },
      { value: 'hr.payroll_locked', label: 'Pay periods locked' },
      { value: 'hr.payroll_exported', label: 'Payroll exported' },
      { value: 'hr.review_started', label: 'Reviews opened' },
      { value: 'hr.review_self_submitted', label: 'Self-reviews sent' },
      { value: 'hr.review_manager_submitted', label: 'Manager reviews written' },
      { value: 'hr.review_acknowledged', label: 'Reviews signed off' },
      { value: 'hr.reviews_carried_in', label: 'Reviews before Rounds recorded' },
      { value: 'hr.checklist_template_saved', label: 'Checklist templates changed' },
      { value: 'hr.checklist_started', label: 'Checklists started' },
      { value: 'hr.checklist_task_done', label: 'Checklist tasks done' },
      { value: 'hr.shift_feed_created', label: 'Shift calendar feeds created' },
      { value: 'hr.shift_feed_revoked', label: 'Shift calendar feeds revoked' },
      { value: 'hr.meeting_scheduled', label: 'Staff meetings scheduled' },
      { value: 'hr.meeting_updated', label: 'Staff meetings updated (attendance, minutes)' },
      { value: 'hr.meeting_topic_added', label: 'Agenda topics added' },
      { value: 'hr.meeting_action_added', label: 'Meeting action items assigned' },
      { value: 'hr.meeting_action_done', label: 'Meeting action items done' },
      { value: 'hr.opening_added', label: 'Openings added' },
      { value: 'hr.opening_updated', label: 'Openings changed' },
      { value: 'hr.candidate_added', label: 'Candidates added' },
      { value: 'hr.candidate_moved', label: 'Candidates moved' },
      { value: 'hr.candidate_note_added', label: 'Interview notes added' },
      { value: 'hr.scorecard_saved', label: 'Scorecards saved' },
      { value: 'hr.offer_made', label: 'Offers made' },
      { value: 'hr.candidate_hired', label: 'Candidates hired' },
      { value: 'hr.leave_case_opened', label: 'Leave cases opened' },
      { value: 'hr.leave_logged', label: 'Leave logged on a case' },
      { value: 'hr.leave_removed', label: 'Leave removed from a case' },
      { value: 'hr.leave_key_date_done', label: 'Leave notices sent, certifications received' },
      { value: 'hr.leave_case_closed', label: 'Leave cases closed' },
      { value: 'hr.leave_note_added', label: 'Confidential leave notes added' },
      { value: 'hr.swap_requested', label: 'Shift swaps asked' },
      { value: 'hr.swap_approved', label: 'Shift swaps approved' },
      { value: 'hr.swap_declined', label: 'Shift swaps declined' },
      { value: 'hr.swap_cancelled', label: 'Shift swaps withdrawn' },
      { value: 'hr.swap_accepted', label: 'Shift swaps accepted by the colleague' },
      { value: 'hr.swap_colleague_declined', label: 'Shift swaps declined by the colleague' },
      { value: 'hr.swap_settings_saved', label: 'Shift swap settings changed' },
    ],
    auditEntities: [
      { value: 'staff', label: 'Staff member' },
      { value: 'time_off_request', label: 'Time-off request' },
      { value: 'time_off_policy', label: 'Time-off policy' },
      { value: 'shift', label: 'Shift' },
      { value: 'pay_period', label: 'Pay period' },
      { value: 'pay_schedule', label: 'Pay schedule' },
      { value: 'hr_review', label: 'Performance review' },
      { value: 'hr_checklist', label: 'Onboarding / offboarding checklist' },
      { value: 'hr_checklist_template', label: 'Checklist template' },
      { value: 'meeting', label: 'Staff meeting' },
      { value: 'opening', label: 'Opening' },
      { value: 'candidate', label: 'Candidate' },
      { value: 'hr_leave_case', label: 'Leave case' },
      { value: 'hr_swap_settings', label: 'Shift swap settings' },
    ],
  },
  benchmarks: {
    label: 'Benchmarks',
    tenantKinds: ['practice', 'association'],
    apiPrefixes: ['benchmarks'],
    publicRoutes: [],
    // The rollup's line in each member's log is a membership action ("membership.benchmarks_shared").
    auditActions: [{ value: 'membership.benchmarks_shared', label: 'Measures shared with associations' }],
    auditEntities: [],
  },
};

/** The audit-log action choices offered to a tenant of this kind, module by module. */
export function auditActionChoices(kind: TenantKind): AuditChoice[] {
  return MODULE_IDS.filter((id) => MODULES[id].tenantKinds.includes(kind)).flatMap(
    (id) => MODULES[id].auditActions,
  );
}

/** The audit-log entity-type choices offered to a tenant of this kind. */
export function auditEntityChoices(kind: TenantKind): AuditChoice[] {
  return MODULE_IDS.filter((id) => MODULES[id].tenantKinds.includes(kind)).flatMap(
    (id) => MODULES[id].auditEntities,
  );
}
