import type {
  AppointmentType,
  Provider,
  Resource,
  ScheduleException,
  Template,
} from '../../shared/schemas/scheduling.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { createOp, type Page, updateOp } from './scheduling.repo.ts';

/** Setup's items (providers, rooms and equipment, visit types, weekly hours, time off): one partition per tenant. */

const listSetup = <T>(db: TenantDb, skPrefix: string, page: Page) =>
  db.query<T>({ partition: tenantKeys.schedulePartition(db), skPrefix, ...page });

export const providerRepo = {
  get: (db: TenantDb, id: string) => db.get<Provider>(tenantKeys.provider(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<Provider>(db, tenantKeys.providerPrefix, page),
  createOp: (db: TenantDb, p: Provider) => createOp(tenantKeys.provider(db, p.id), 'provider', p),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number, remove?: string[]) =>
    updateOp(tenantKeys.provider(db, id), set, version, remove),
};

export const resourceRepo = {
  get: (db: TenantDb, id: string) => db.get<Resource>(tenantKeys.resource(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<Resource>(db, tenantKeys.resourcePrefix, page),
  createOp: (db: TenantDb, r: Resource) => createOp(tenantKeys.resource(db, r.id), 'resource', r),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.resource(db, id), set, version),
};

export const typeRepo = {
  get: (db: TenantDb, id: string) => db.get<AppointmentType>(tenantKeys.appointmentType(db, id)),
  list: (db: TenantDb, page: Page) => listSetup<AppointmentType>(db, tenantKeys.appointmentTypePrefix, page),
  createOp: (db: TenantDb, t: AppointmentType) =>
    createOp(tenantKeys.appointmentType(db, t.id), 'appointment_type', t),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.appointmentType(db, id), set, version),
};

export const templateRepo = {
  /** A provider's templates (a handful): read whole. */
  ofProvider: (db: TenantDb, providerId: string) =>
    listSetup<Template>(db, tenantKeys.templatePrefix(providerId), { limit: 100 }),
  list: (db: TenantDb, page: Page) => listSetup<Template>(db, tenantKeys.templatePrefix(), page),
  get: (db: TenantDb, providerId: string, id: string) =>
    db.get<Template>(tenantKeys.template(db, providerId, id)),
  createOp: (db: TenantDb, t: Template) =>
    createOp(tenantKeys.template(db, t.providerId, t.id), 'template', t),
  updateOp: (db: TenantDb, t: Template, set: Record<string, unknown>) =>
    updateOp(tenantKeys.template(db, t.providerId, t.id), set, t.version),
  deleteOp: (db: TenantDb, t: Template): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.template(db, t.providerId, t.id),
    mustExist: true,
  }),
};

export const exceptionRepo = {
  /** Exceptions starting on or before `to` (the caller drops those that ended before its range). */
  startingBy: (db: TenantDb, to: string) =>
    db.query<ScheduleException>({
      partition: tenantKeys.schedulePartition(db),
      skBetween: [tenantKeys.exceptionPrefix, `${tenantKeys.exceptionPrefix}${to}#~`],
      limit: 100,
      newestFirst: true,
    }),
  list: (db: TenantDb, page: Page) => listSetup<ScheduleException>(db, tenantKeys.exceptionPrefix, page),
  get: (db: TenantDb, startDate: string, id: string) =>
    db.get<ScheduleException>(tenantKeys.exception(db, startDate, id)),
  createOp: (db: TenantDb, e: ScheduleException) =>
    createOp(tenantKeys.exception(db, e.startDate, e.id), 'schedule_exception', e),
  deleteOp: (db: TenantDb, e: ScheduleException): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.exception(db, e.startDate, e.id),
    mustExist: true,
  }),
};
