import type { Role } from '../../../shared/roles.ts';
import type { AuditEvent } from '../../../shared/schemas/audit.ts';
import { newId } from '../ids.ts';
import { type TenantScope, tenantKeys } from './keys.ts';

/** Who did it: a signed-in user, or the platform itself (seed, jobs). */
export interface Actor {
  userId: string;
  name: string;
  role: Role | 'system';
}

/** What happened, as the caller describes it. Never put patient names in `summary`. */
export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

/** Audit records live 7 years (HIPAA asks for 6); the TTL attribute expires them after that. */
const RETENTION_SECONDS = 7 * 365 * 24 * 3600;

/** Builds the append-only audit item for a tenant; written in the same transaction as the change. */
export function auditItem(scope: TenantScope, actor: Actor, requestId: string, input: AuditInput, at: Date) {
  const id = newId(at.getTime());
  const event: AuditEvent = {
    id,
    at: at.toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId,
    summary: input.summary,
  };
  return {
    ...tenantKeys.audit(scope, id, actor.userId, input.entityType),
    type: 'audit',
    ...event,
    expiresAt: Math.floor(at.getTime() / 1000) + RETENTION_SECONDS,
  };
}
