import type { Recall, WaitlistEntry } from '../../shared/schemas/scheduling.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { createOp, type Page, renameOp, updateOp } from './scheduling.repo.ts';

/** The waitlist and recalls: patients waiting for an earlier visit or due for one. */

export const waitlistRepo = {
  get: (db: TenantDb, id: string) => db.get<WaitlistEntry>(tenantKeys.waitlist(db, id)),
  /** Waiting entries, oldest first: first come, first offered. */
  waiting: (db: TenantDb, page: Page) =>
    db.query<WaitlistEntry>({
      partition: tenantKeys.waitlistPartition(db),
      skPrefix: tenantKeys.waitlistPrefix,
      filter: { expression: '#s = :waiting', names: { '#s': 'status' }, values: { ':waiting': 'waiting' } },
      ...page,
    }),
  /** One patient's waiting entries (a filtered read of the small waitlist partition). */
  waitingOf: (db: TenantDb, patientId: string) =>
    db.query<WaitlistEntry>({
      partition: tenantKeys.waitlistPartition(db),
      skPrefix: tenantKeys.waitlistPrefix,
      filter: {
        expression: '#s = :waiting AND #p = :patient',
        names: { '#s': 'status', '#p': 'patientId' },
        values: { ':waiting': 'waiting', ':patient': patientId },
      },
      limit: 100,
    }),
  createOp: (db: TenantDb, e: WaitlistEntry) => createOp(tenantKeys.waitlist(db, e.id), 'waitlist', e),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.waitlist(db, id), patientName),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.waitlist(db, id), set, version),
};

export const recallRepo = {
  get: (db: TenantDb, id: string) => db.get<Recall>(tenantKeys.recall(db, id)),
  /** Open recalls due by a date, soonest first. */
  dueBy: (db: TenantDb, dueBy: string | undefined, page: Page) =>
    db.query<Recall>({
      partition: tenantKeys.recallsByDue(db),
      index: 'GSI1',
      skBetween: ['0', `${dueBy ?? '9999-12-31'}#~`],
      filter: {
        expression: '#s IN (:due, :contacted)',
        names: { '#s': 'status' },
        values: { ':due': 'due', ':contacted': 'contacted' },
      },
      ...page,
    }),
  /** One patient's open recalls. */
  openOf: (db: TenantDb, patientId: string) =>
    db.query<Recall>({
      partition: tenantKeys.recallsByDue(db),
      index: 'GSI1',
      filter: {
        expression: '#s IN (:due, :contacted) AND #p = :patient',
        names: { '#s': 'status', '#p': 'patientId' },
        values: { ':due': 'due', ':contacted': 'contacted', ':patient': patientId },
      },
      limit: 100,
    }),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.recall(db, id), patientName),
  /** One patient's open recalls (those made since recalls are indexed by patient). */
  openOfPatient: (db: TenantDb, patientId: string) =>
    db.query<Recall & { todayItemId?: string }>({
      partition: tenantKeys.recallsOfPatient(db, patientId),
      index: 'GSI2',
      filter: {
        expression: '#s IN (:due, :contacted)',
        names: { '#s': 'status' },
        values: { ':due': 'due', ':contacted': 'contacted' },
      },
      limit: 20,
    }),
  createOp: (db: TenantDb, r: Recall & { todayItemId?: string }) =>
    createOp(tenantKeys.recall(db, r.id), 'recall', r, {
      GSI1PK: tenantKeys.recallsByDue(db),
      GSI1SK: `${r.dueDate}#${r.id}`,
      GSI2PK: tenantKeys.recallsOfPatient(db, r.patientId),
      GSI2SK: r.id,
    }),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.recall(db, id), set, version),
};
