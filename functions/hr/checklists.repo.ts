import type { StaffRole } from '../../shared/schemas/hr.ts';
import type { Checklist, ChecklistKind, ChecklistTemplate } from '../../shared/schemas/hr-checklists.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, staleVersion } from '../platform/errors.ts';

/**
 * Checklists' storage, one partition per practice: the saved templates (kind × staff role), each
 * person's checklist with its tasks in one item, and a marker per person and kind while a checklist
 * is open (created with it, conditioned on not existing: one open checklist of a kind per person).
 */

export type StoredChecklist = Checklist;

/** Checklists grow by two per person hired; this bounds a pathological partition. */
const MAX_READ = 5000;

export const checklistsRepo = {
  async templates(db: TenantDb): Promise<ChecklistTemplate[]> {
    const page = await db.query<Record<string, unknown>>({
      partition: tenantKeys.checklistPartition(db),
      skPrefix: tenantKeys.checklistTemplatePrefix,
      limit: 100,
    });
    return page.items.map((i) => strip<ChecklistTemplate>(i));
  },

  async template(db: TenantDb, kind: ChecklistKind, role: StaffRole): Promise<ChecklistTemplate | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.checklistTemplate(db, kind, role));
    return item ? strip<ChecklistTemplate>(item) : undefined;
  },

  templateOp(db: TenantDb, t: ChecklistTemplate, readVersion: number): WriteOp {
    const key = tenantKeys.checklistTemplate(db, t.kind, t.staffRole);
    if (readVersion === 0) {
      return {
        kind: 'create',
        item: { ...key, type: 'hr_checklist_template', ...t, version: 1 },
        onFail: staleVersion,
      };
    }
    return {
      kind: 'update',
      key,
      set: { tasks: t.tasks },
      expectedVersion: readVersion,
      onFail: staleVersion,
    };
  },

  async get(db: TenantDb, id: string): Promise<StoredChecklist | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.checklist(db, id));
    return item ? strip<StoredChecklist>(item) : undefined;
  },

  /** Every checklist of the practice (a list is cut from them in memory). */
  async all(db: TenantDb): Promise<StoredChecklist[]> {
    const items: StoredChecklist[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.query<Record<string, unknown>>({
        partition: tenantKeys.checklistPartition(db),
        skPrefix: tenantKeys.checklistPrefix,
        limit: 1000,
        cursor,
      });
      items.push(...page.items.map((i) => strip<StoredChecklist>(i)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_READ);
    return items;
  },

  createOps(db: TenantDb, c: StoredChecklist, who: string): WriteOp[] {
    return [
      { kind: 'create', item: { ...tenantKeys.checklist(db, c.id), type: 'hr_checklist', ...c } },
      // A checklist done from the start (its one task already signed) holds no open marker.
      ...(c.status === 'done'
        ? []
        : [
            {
              kind: 'create' as const,
              item: {
                ...tenantKeys.checklistOpen(db, c.kind, c.staffId),
                type: 'hr_checklist_open',
                checklistId: c.id,
              },
              onFail: () => conflict(`${who} already has a checklist of this kind under way`),
            },
          ]),
    ];
  },

  updateOps(db: TenantDb, c: StoredChecklist, set: Partial<StoredChecklist>): WriteOp[] {
    return [
      {
        kind: 'update',
        key: tenantKeys.checklist(db, c.id),
        set,
        expectedVersion: c.version,
        onFail: staleVersion,
      },
      ...(set.status === 'done'
        ? [{ kind: 'delete' as const, key: tenantKeys.checklistOpen(db, c.kind, c.staffId) }]
        : []),
    ];
  },
};
