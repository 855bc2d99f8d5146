import type { Appointment } from '../../shared/schemas/scheduling.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { createOp, type Page, renameOp, updateOp } from './scheduling.repo.ts';

/** Appointments, indexed by location-day and by provider, and their links in each patient's history. */

export const appointmentRepo = {
  get: (db: TenantDb, id: string) => db.get<Appointment>(tenantKeys.appointment(db, id)),
  /** The day view: one Query of the location's day partition. */
  ofDay: (db: TenantDb, locationId: string, date: string) =>
    db.query<Appointment>({
      partition: tenantKeys.appointmentsOfDay(db, locationId, date),
      index: 'GSI1',
      limit: 1000,
    }),
  ofProvider: (db: TenantDb, providerId: string, fromIso: string, toIso: string) =>
    db.query<Appointment>({
      partition: tenantKeys.appointmentsOfProvider(db, providerId),
      index: 'GSI2',
      skBetween: [fromIso, `${toIso}~`],
      limit: 500,
    }),
  /** Whether a provider has any visit at all (one item read): the setup guide's "first booking". */
  anyOfProvider: async (db: TenantDb, providerId: string) =>
    (
      await db.query<Appointment>({
        partition: tenantKeys.appointmentsOfProvider(db, providerId),
        index: 'GSI2',
        limit: 1,
      })
    ).items.length > 0,
  /** A page of one patient's visit links, newest first; `ofIds` reads the visits themselves. */
  ofPatient: (db: TenantDb, patientId: string, page: Page) =>
    db.query<{ appointmentId: string }>({
      partition: tenantKeys.patient(db, patientId).PK,
      skPrefix: tenantKeys.patientVisitPrefix,
      newestFirst: true,
      ...page,
    }),
  /** A patient's visit links starting in [from, to) (ISO instants). */
  ofPatientStarting: (db: TenantDb, patientId: string, from: string, to: string) =>
    db.query<{ appointmentId: string }>({
      partition: tenantKeys.patient(db, patientId).PK,
      skBetween: [
        tenantKeys.patientVisit(db, patientId, from, '').SK,
        tenantKeys.patientVisit(db, patientId, to, '').SK,
      ],
      limit: 100,
    }),
  ofIds: (db: TenantDb, ids: string[]) =>
    db.batchGet<Appointment>(ids.map((id) => tenantKeys.appointment(db, id))),
  /** The appointment and its link in the patient's history, written together. */
  createOps: (db: TenantDb, a: Appointment): WriteOp[] => [
    createOp(tenantKeys.appointment(db, a.id), 'appointment', a, {
      GSI1PK: tenantKeys.appointmentsOfDay(db, a.locationId, a.date),
      GSI1SK: `${a.start}#${a.id}`,
      GSI2PK: tenantKeys.appointmentsOfProvider(db, a.providerId),
      GSI2SK: `${a.start}#${a.id}`,
    }),
    createOp(tenantKeys.patientVisit(db, a.patientId, a.start, a.id), 'patient_visit', {
      appointmentId: a.id,
    }),
  ],
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, version: number) =>
    updateOp(tenantKeys.appointment(db, id), set, version),
  renameOp: (db: TenantDb, id: string, patientName: string) =>
    renameOp(tenantKeys.appointment(db, id), patientName),
};
