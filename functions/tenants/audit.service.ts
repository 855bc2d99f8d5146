import { auditSentence } from '../../shared/audit-sentence.ts';
import type { AuditEvent, AuditQuery, AuditRecord } from '../../shared/schemas/audit.ts';
import type { Page } from '../../shared/schemas/common.ts';
import { zonedInstant } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { auditRepo } from './audit.repo.ts';
import { tenantRepo } from './tenants.repo.ts';

const DAY_MS = 86400_000;
/** The largest time a ULID can carry: an open-ended range runs to it. */
const MAX_ID_TIME = 2 ** 48 - 2;

/**
 * Browses the audit log, newest first, each record as a sentence with the names it was written
 * with. Filters by patient, person, action (one or a family: "team."), entity type and the
 * practice's calendar days; a page is one Query on the most selective filter's partition.
 */
export async function listAudit(db: TenantDb, q: AuditQuery): Promise<Page<AuditEvent>> {
  // Dates are the practice's calendar days, in its own time zone.
  const timeZone = q.from || q.to ? ((await tenantRepo.get(db))?.timeZone ?? 'UTC') : 'UTC';
  const from = q.from ? zonedInstant(q.from, '00:00', timeZone) : 0;
  const to = q.to ? zonedInstant(nextDay(q.to), '00:00', timeZone) - 1 : MAX_ID_TIME;
  if (from > to)
    throw validationFailed([{ path: 'query.from', message: 'Start date must be before end date' }]);
  const [family, action] = q.action?.endsWith('.')
    ? [q.action.slice(0, -1), undefined]
    : [undefined, q.action];
  const page = await auditRepo.page(
    db,
    { patientId: q.patientId, actorId: q.actorId, action, family, entityType: q.entityType },
    { from, to },
    pageArgs(q, 50),
  );
  return { items: page.items.map(toAuditEvent), nextCursor: page.nextCursor };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The stored record (keys and index attributes dropped) plus its sentence. */
function toAuditEvent(e: AuditRecord): AuditEvent {
  const record: AuditRecord = {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    ...(e.entityName ? { entityName: e.entityName } : {}),
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.patientId ? { patientId: e.patientId } : {}),
    ...(e.patientName ? { patientName: e.patientName } : {}),
    requestId: e.requestId,
    summary: e.summary,
  };
  return { ...record, sentence: auditSentence(record) };
}
