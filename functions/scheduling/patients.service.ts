/**
 * Patients. Cross-domain read: `getTenant` from tenants/settings.service.ts (the practice's time
 * zone decides which month a new patient counts in).
 */
import type { Page } from '../../shared/schemas/common.ts';
import type { Patient, PatientInput } from '../../shared/schemas/scheduling.ts';
import { localParts } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { measureRepo, patientRepo } from './scheduling.repo.ts';

/**
 * Creates a patient, flagging existing patients with the same name and birth date.
 * `alsoWrite` joins the same transaction (an import's row marker).
 */
export async function createPatient(
  db: TenantDb,
  input: PatientInput,
  alsoWrite: WriteOp[] = [],
): Promise<Patient> {
  const [twins, practice] = await Promise.all([patientRepo.twins(db, input), getTenant(db)]);
  const patient: Patient = {
    id: newId(),
    ...input,
    possibleDuplicateOf: twins.items.map((t) => t.id),
    version: 1,
    createdAt: db.now().toISOString(),
  };
  // The practice's month: a patient added at 21:00 on the 31st counts in that month.
  const month = localParts(db.now().getTime(), practice.timeZone).date.slice(0, 7);
  await db.write(
    [patientRepo.createOp(db, patient), measureRepo.newPatientOp(db, month, patient.id), ...alsoWrite],
    {
      action: 'patient.created',
      entityType: 'patient',
      entityId: patient.id,
      summary: twins.items.length ? 'Added a patient (possible duplicate flagged)' : 'Added a patient',
    },
  );
  return patient;
}

const OPTIONAL_FIELDS = ['phone', 'email', 'insurancePayer', 'memberId', 'eligibilityVerifiedOn'] as const;

/** Reads one patient; every read of patient data is audited. */
export async function getPatient(db: TenantDb, id: string): Promise<Patient> {
  const patient = await requirePatient(db, id);
  await db.appendAudit({
    action: 'patient.viewed',
    entityType: 'patient',
    entityId: id,
    summary: 'Viewed a patient',
  });
  return patient;
}

export async function requirePatient(db: TenantDb, id: string): Promise<Patient> {
  const item = await patientRepo.get(db, id);
  if (!item) throw notFound('Patient');
  return strip<Patient>(item as never);
}

export async function updatePatient(db: TenantDb, id: string, input: PatientInput & { version: number }) {
  const current = await requirePatient(db, id);
  const { version, ...fields } = input;
  // An update is the whole record: an optional field left out is cleared.
  const cleared = OPTIONAL_FIELDS.filter((f) => !(f in fields));
  await db.write([patientRepo.updateOp(db, current, fields, version, cleared)], {
    action: 'patient.updated',
    entityType: 'patient',
    entityId: id,
    summary: 'Updated a patient',
  });
  const updated = { ...current, ...fields, version: version + 1 };
  for (const f of cleared) delete updated[f];
  return updated;
}

/** A page of patients by last name (optionally starting with `q`); the search is audited. */
export async function searchPatients(
  db: TenantDb,
  q: string | undefined,
  page: { limit: number; cursor?: string },
): Promise<Page<Patient>> {
  const found = await patientRepo.search(db, q, page);
  await db.appendAudit({
    action: 'patient.listed',
    entityType: 'patient',
    entityId: '-',
    summary: `Listed ${found.items.length} patient(s)`,
  });
  return { items: found.items.map((p) => strip<Patient>(p as never)), nextCursor: found.nextCursor };
}
