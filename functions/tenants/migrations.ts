import type { AuditRecord } from '../../shared/schemas/audit.ts';
import { auditIndexItem } from '../platform/db/audit.ts';
import { tenantKeys } from '../platform/db/keys.ts';
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
  {
    id: 'tenants/branding-logo-file',
    description:
      'Branding names its logo by file id (issue 11). A logo kept as a data URL inside the tenant item ' +
      'is dropped, not moved: a migration writes table items only and the file store takes bytes ' +
      'through signed browser uploads, so the practice uploads its logo again in Settings → Branding.',
    reads: ['tenant'],
    plan: (item, scope): WriteOp[] => {
      const branding = item.branding as Record<string, unknown> | undefined;
      if (!branding || ('logoFileId' in branding && !('logoDataUrl' in branding))) return [];
      return [
        {
          kind: 'update',
          key: tenantKeys.tenant(scope),
          set: {
            branding: {
              logoFileId: null,
              primaryColor: branding.primaryColor,
              accentColor: branding.accentColor,
            },
          },
          // A branding save since the table was read wins: the run stops and, run again, skips it.
          expectedVersion: Number(item.version),
        },
      ];
    },
  },
];
