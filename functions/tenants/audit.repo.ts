import type { AuditRecord } from '../../shared/schemas/audit.ts';
import type { Page } from '../../shared/schemas/common.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { QueryOptions } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { idFloor } from '../platform/ids.ts';

/** What the audit log can be narrowed by; every field set must match. */
export interface AuditFilter {
  patientId?: string;
  actorId?: string;
  /** One exact action ("team.role_changed"). */
  action?: string;
  /** An action family ("team" for every team.* action). */
  family?: string;
  entityType?: string;
}

/**
 * The audit log's reads (writes are the platform's, in every change's transaction). A filtered
 * page is one Query on the partition of its most selective filter: a patient, an actor, an action,
 * a family, an entity type (see `tenantKeys.auditIndex`); the other filters narrow that partition.
 */
export const auditRepo = {
  /** One page, newest first, of the records matching the filter between two instants (ms, inclusive). */
  page(
    db: TenantDb,
    f: AuditFilter,
    range: { from: number; to: number },
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditRecord>> {
    const [partition, index, keyed] = partitionFor(db, f);
    const clauses: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const match = (field: keyof AuditRecord, value: string | undefined, prefix = false) => {
      if (value === undefined || keyed === field) return;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      clauses.push(prefix ? `begins_with(#${field}, :${field})` : `#${field} = :${field}`);
    };
    match('actorId', f.actorId);
    if (f.action) match('action', f.action);
    else if (f.family && keyed !== 'family') match('action', `${f.family}.`, true);
    match('entityType', f.entityType);
    return db.query<AuditRecord>({
      partition,
      index,
      skBetween: [
        `${tenantKeys.auditPrefix}${idFloor(range.from)}`,
        `${tenantKeys.auditPrefix}${idFloor(range.to + 1)}`,
      ],
      newestFirst: true,
      limit: page.limit,
      cursor: page.cursor,
      filter: clauses.length ? { expression: clauses.join(' AND '), names, values } : undefined,
    });
  },
};

type Keyed = keyof AuditRecord | 'family' | undefined;

function partitionFor(db: TenantDb, f: AuditFilter): [string, QueryOptions['index'], Keyed] {
  if (f.patientId) return [tenantKeys.auditByPatient(db, f.patientId), 'GSI2', 'patientId'];
  if (f.actorId) return [tenantKeys.auditByActor(db, f.actorId), 'GSI1', 'actorId'];
  if (f.action) return [tenantKeys.auditByAction(db, f.action), 'GSI1', 'action'];
  if (f.family) return [tenantKeys.auditByKind(db, f.family), undefined, 'family'];
  if (f.entityType) return [tenantKeys.auditByEntity(db, f.entityType), 'GSI2', 'entityType'];
  return [tenantKeys.auditPartition(db), undefined, undefined];
}
