import type { AuditEvent, AuditQuery } from '../../shared/schemas/audit.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { OutboxMessage } from '../../shared/schemas/outbox.ts';
import { zonedInstant } from '../../shared/time.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { QueryOptions } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { idFloor } from '../platform/ids.ts';
import { feedRepo, tenantRepo } from './tenants.repo.ts';

const DAY_MS = 86400_000;
/** The largest time a ULID can carry: an open-ended range runs to it. */
const MAX_ID_TIME = 2 ** 48 - 2;

/**
 * Browses the audit log, newest first. An actor or entity filter picks its index so a page
 * stays one Query; dates bound the time-ordered sort key; action narrows by prefix.
 */
export async function listAudit(db: TenantDb, q: AuditQuery): Promise<Page<AuditEvent>> {
  // Dates are the practice's calendar days, in its own time zone.
  const timeZone = q.from || q.to ? ((await tenantRepo.get(db))?.timeZone ?? 'UTC') : 'UTC';
  const from = q.from ? zonedInstant(q.from, '00:00', timeZone) : 0;
  const to = q.to ? zonedInstant(nextDay(q.to), '00:00', timeZone) - 1 : MAX_ID_TIME;
  if (from > to)
    throw validationFailed([{ path: 'query.from', message: 'Start date must be before end date' }]);
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let partition = tenantKeys.auditPartition(db);
  let index: QueryOptions['index'];
  if (q.actorId) {
    partition = tenantKeys.auditByActor(db, q.actorId);
    index = 'GSI1';
  } else if (q.entityType) {
    partition = tenantKeys.auditByEntity(db, q.entityType);
    index = 'GSI2';
  }
  if (q.actorId && q.entityType) {
    filters.push('#et = :et');
    names['#et'] = 'entityType';
    values[':et'] = q.entityType;
  }
  if (q.action) {
    filters.push('begins_with(#ac, :ac)');
    names['#ac'] = 'action';
    values[':ac'] = q.action;
  }
  const page = await db.query<AuditEvent>({
    partition,
    index,
    skBetween: [`${tenantKeys.auditPrefix}${idFloor(from)}`, `${tenantKeys.auditPrefix}${idFloor(to + 1)}`],
    newestFirst: true,
    ...pageArgs(q, 50),
    filter: filters.length ? { expression: filters.join(' AND '), names, values } : undefined,
  });
  return { items: page.items.map(toAuditEvent), nextCursor: page.nextCursor };
}

const OUTBOX_STATUSES = new Set(['queued', 'sending', 'sent', 'failed']);

/** Messages Rounds sent on the tenant's behalf (invitations, reminders), newest first, with delivery state. */
export async function listOutbox(
  db: TenantDb,
  opts: { limit: number; cursor?: string },
): Promise<Page<OutboxMessage>> {
  const page = await feedRepo.outbox(db, opts);
  return {
    items: page.items.map((m) => ({
      id: String(m.id),
      to: String(m.to),
      subject: String(m.subject),
      text: String(m.text),
      kind: String(m.kind),
      ...(m.channel === 'sms' ? { channel: 'sms' as const } : {}),
      status: OUTBOX_STATUSES.has(String(m.status)) ? (m.status as OutboxMessage['status']) : 'queued',
      ...(typeof m.attempts === 'number' ? { attempts: m.attempts } : {}),
      createdAt: String(m.createdAt),
    })),
    nextCursor: page.nextCursor,
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function toAuditEvent(e: AuditEvent): AuditEvent {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    summary: e.summary,
  };
}
