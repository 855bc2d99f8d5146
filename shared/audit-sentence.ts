import type { AuditRecord } from './schemas/audit.ts';

/**
 * An audit record as a sentence with names, e.g. "Maria Lopez viewed Ada Lovelace's visits" or
 * "Pat Rivera changed Dana Brooks's role to Practice manager". Names are the ones stored on the
 * record when it was written; a record from before names were stored says "a patient" or
 * "a team member" instead, and an action without a phrase here reads from its summary.
 */
export function auditSentence(r: AuditRecord): string {
  const who = r.actorName || (r.actorRole === 'system' ? 'Rounds' : 'Someone');
  const n = names(r);
  const whole = SENTENCES[r.action];
  if (whole) return whole(n);
  const said = PHRASES[r.action]?.(n);
  if (said) return `${who} ${said}`;
  const patient = r.patientName ? ` for ${r.patientName}` : '';
  return `${who} ${lowerFirst(r.summary)}${patient}`;
}

interface Names {
  /** The patient's name then, or "a patient". */
  patient: string;
  /** Whether the record names one patient (a list or an export may name none). */
  hasPatient: boolean;
  /** The entity's name then, or a noun for its type. */
  entity: string;
  detail?: string;
  summary: string;
  actor: string;
}

const possessive = (name: string) => `${name}'s`;

const NOUNS: Record<string, string> = {
  user: 'a team member',
  invite: 'someone',
  location: 'a location',
  patient: 'a patient',
  provider: 'a provider',
};

function names(r: AuditRecord): Names {
  const patientName = r.patientName || (r.entityType === 'patient' ? r.entityName : undefined);
  return {
    patient: patientName ?? 'a patient',
    hasPatient: Boolean(patientName),
    entity: r.entityName || (NOUNS[r.entityType] ?? `a ${r.entityType.replace(/_/g, ' ')}`),
    detail: r.detail,
    summary: r.summary,
    actor: r.actorName || 'someone',
  };
}

/** Sentences that do not start with the actor. */
const SENTENCES: Record<string, (n: Names) => string> = {
  'auth.login_failed': (n) => `Failed sign-in to ${possessive(n.actor)} account`,
};

/** What the actor did; undefined falls back to the summary. */
const PHRASES: Record<string, (n: Names) => string | undefined> = {
  'auth.login': () => 'signed in',
  'team.invited': (n) => `invited ${n.entity}${n.detail ? ` as ${n.detail}` : ''}`,
  'team.invite_revoked': (n) => `revoked the invitation for ${n.entity}`,
  'team.invite_accepted': (n) => `accepted the invitation and joined${n.detail ? ` as ${n.detail}` : ''}`,
  'team.role_changed': (n) => `changed ${possessive(n.entity)} role${n.detail ? ` to ${n.detail}` : ''}`,
  'team.user_deactivated': (n) => `deactivated ${n.entity}`,
  'team.user_reactivated': (n) => `reactivated ${n.entity}`,
  'settings.location_created': (n) => `added the location ${n.entity}`,
  'settings.location_updated': (n) => `updated the location ${n.entity}`,
  'settings.location_archived': (n) => `archived the location ${n.entity}`,
  'today.request_added': (n) => `jotted down "${n.entity}"`,
  'today.preferences_changed': (n) => `turned the morning email ${n.summary.endsWith('on') ? 'on' : 'off'}`,
  'today.done': (n) => `marked "${n.entity}" done`,
  'today.reopened': (n) => `reopened "${n.entity}"`,
  'today.snoozed': (n) => `snoozed "${n.entity}"`,
  'today.reassigned': (n) => `reassigned "${n.entity}"`,
  'today.commented': (n) => `commented on "${n.entity}"`,
  'billing.claim_viewed': (n) => `viewed ${n.entity}${n.detail ? ` (${n.detail})` : ''}`,
  'billing.claim_assigned': (n) => `assigned ${n.entity}${n.detail ? ` to ${n.detail}` : ''}`,
  'patient.created': (n) => `added ${n.patient} as a patient`,
  'patient.viewed': (n) => `viewed ${possessive(n.patient)} details`,
  'patient.visits_viewed': (n) => `viewed ${possessive(n.patient)} visits`,
  'patient.updated': (n) => `updated ${possessive(n.patient)} details`,
  'patient.renamed': (n) => `showed ${possessive(n.patient)} new name on more items`,
  'patient.reminders_opted_out': (n) => `stopped appointment reminders for ${n.patient}`,
  // A list or an export: the record itself counts patients; each patient's copy names them.
  'patient.listed': (n) => (n.hasPatient ? `saw ${n.patient} in a patient list` : undefined),
  'patient.exported': (n) =>
    n.hasPatient ? `exported ${possessive(n.patient)} visits in a FHIR file` : `made a ${n.summary}`,
  'appointment.booked': (n) => `booked a visit for ${n.patient}`,
  'appointment.rescheduled': (n) => `moved ${possessive(n.patient)} visit`,
  'appointment.cancelled': (n) => `cancelled ${possessive(n.patient)} visit`,
  'appointment.confirmed': (n) => `confirmed ${possessive(n.patient)} visit`,
  'appointment.arrived': (n) => `checked in ${n.patient}`,
  'appointment.in_room': (n) => `took ${n.patient} to a room`,
  'appointment.checked_out': (n) => `checked out ${n.patient}`,
  'appointment.no_show': (n) => `marked ${n.patient} as a no-show`,
  'waitlist.added': (n) => `added ${n.patient} to the waitlist`,
  'waitlist.booked': (n) => `booked ${n.patient} from the waitlist`,
  'waitlist.removed': (n) => `took ${n.patient} off the waitlist`,
  'recall.created': (n) => `set a recall for ${n.patient}`,
  'recall.outreach': (n) => `logged recall outreach to ${n.patient}`,
  'audit.patient_report': (n) => `ran the access report for ${n.patient}`,
};

/** "Added provider Dr. Kim" → "added provider Dr. Kim"; "FHIR export" stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
