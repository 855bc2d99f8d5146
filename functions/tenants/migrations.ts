import type { AuditRecord } from '../../shared/schemas/audit.ts';
import { auditIndexItem } from '../platform/db/audit.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { Migration } from '../platform/migrations/migration.ts';
import { zoneListingOps } from '../platform/today/zone-listing.ts';

const KEY_FIELDS = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'expiresAt']);

/** The audit record an audit item holds, without its table keys. */
function auditRecordOf(item: Record<string, unknown>): AuditRecord {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_FIELDS.has(k))) as AuditRecord;
}

/** Backfills for the platform's own items (tenants, audit log). */
export const tenantsMigrations: Migration[] = [
  {
    id: 'tenants/practice-zone-listing',
    description: 'List every practice under its time zone, so the 07:00 digest and daily jobs find it',
    reads: ['tenant'],
    plan: (item, scope) =>
      item.kind === 'practice' && typeof item.timeZone === 'string'
        ? zoneListingOps(scope.tenantId, item.timeZone)
        : [],
  },
  {
    id: 'tenants/audit-index-copies',
    description: 'Give every audit record its index copy, so the log filters by action and patient find it',
    reads: ['audit'],
    plan: (item, scope): WriteOp[] => [
      { kind: 'put', item: auditIndexItem(scope, auditRecordOf(item), Number(item.expiresAt)) },
    ],
  },
];
