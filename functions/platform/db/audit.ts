import type { Role } from '../../../shared/roles.ts';
import type { AuditRecord } from '../../../shared/schemas/audit.ts';
import { newId } from '../ids.ts';
import { type TenantScope, tenantKeys } from './keys.ts';

/** Who did it: a signed-in user, or the platform itself (seed, jobs). */
export interface Actor {
  userId: string;
  name: string;
  role: Role | 'system';
}

/** A patient an event read or changed, by the name they had then ("Ada Lovelace"). */
export interface AuditPatient {
  id: string;
  name: string;
}

/** What happened, as the caller describes it. Names go in their own fields, never in `summary`. */
export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  /** The entity's display name now ("Dana Brooks", "North Clinic"): the log reads as sentences. */
  entityName?: string;
  /** A value the sentence names, e.g. the new role ("Owner"). */
  detail?: string;
  /** The one patient this read or changed: the record is in that patient's access report. */
  patient?: AuditPatient;
  /** Patients a list or an export showed: the record is in each one's access report. */
  shown?: AuditPatient[];
}

/** Audit records live 7 years (HIPAA asks for 6); the TTL attribute expires them after that. */
const RETENTION_SECONDS = 7 * 365 * 24 * 3600;

/**
 * The append-only audit items for one event, written in the same transaction as the change:
 * the record, its index copy (by action family, action and patient) and, for a list or an
 * export, one copy per patient shown. Copies carry the whole record, so a filtered page is
 * one Query with no second read.
 */
export function auditItems(scope: TenantScope, actor: Actor, requestId: string, input: AuditInput, at: Date) {
  const id = newId(at.getTime());
  const record: AuditRecord = {
    id,
    at: at.toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    ...(input.entityName ? { entityName: input.entityName } : {}),
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.patient ? { patientId: input.patient.id, patientName: input.patient.name } : {}),
    requestId,
    summary: input.summary,
  };
  const expiresAt = Math.floor(at.getTime() / 1000) + RETENTION_SECONDS;
  return [
    { ...tenantKeys.audit(scope, id, actor.userId, input.entityType), type: 'audit', ...record, expiresAt },
    auditIndexItem(scope, record, expiresAt),
    ...[...new Map((input.shown ?? []).map((p) => [p.id, p])).values()].map((p) => ({
      ...tenantKeys.auditShown(scope, id, p.id),
      type: 'audit_index',
      ...record,
      patientId: p.id,
      patientName: p.name,
      expiresAt,
    })),
  ];
}

/** The index copy of an audit record (by action family, action and patient); see `tenantKeys.auditIndex`. */
export function auditIndexItem(scope: TenantScope, record: AuditRecord, expiresAt: number) {
  return {
    ...tenantKeys.auditIndex(scope, record.id, record.action, record.patientId),
    type: 'audit_index',
    ...record,
    expiresAt,
  };
}
