/**
 * Patients. Cross-domain read: `getTenant` from tenants/settings.service.ts (the practice's time
 * zone decides which month a new patient counts in).
 */
import type { Page } from '../../shared/schemas/common.ts';
import type { Appointment, Patient, PatientInput } from '../../shared/schemas/scheduling.ts';
import { localParts } from '../../shared/time.ts';
import type { AuditPatient } from '../platform/db/audit.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import { AUDIT_ITEMS_PER_WRITE, MAX_TRANSACTION_ITEMS, type TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { appointmentRepo, measureRepo, patientRepo, recallRepo, waitlistRepo } from './scheduling.repo.ts';

/** A patient as the audit log names them, by the name they have now: "Ada Lovelace". */
export function auditPatient(p: { id: string; firstName: string; lastName: string }): AuditPatient {
  return { id: p.id, name: `${p.firstName} ${p.lastName}` };
}

/** The same from a visit, waitlist entry or recall, which show the patient as "Lovelace, Ada". */
export function auditPatientOf(x: { patientId: string; patientName: string }): AuditPatient {
  const comma = x.patientName.indexOf(', ');
  const name =
    comma < 0 ? x.patientName : `${x.patientName.slice(comma + 2)} ${x.patientName.slice(0, comma)}`;
  return { id: x.patientId, name };
}

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
      patient: auditPatient(patient),
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
    patient: auditPatient(patient),
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
  const name = `${fields.lastName}, ${fields.firstName}`;
  const renames = name === `${current.lastName}, ${current.firstName}` ? [] : await renameOps(db, id, name);
  // The patient and as many renamed visits as one transaction holds go together; the rest follow.
  const [first, ...rest] = chunk(renames, RENAMES_WITH_PATIENT, RENAMES_PER_WRITE);
  await db.write([patientRepo.updateOp(db, current, fields, version, cleared), ...(first ?? [])], {
    action: 'patient.updated',
    entityType: 'patient',
    entityId: id,
    patient: auditPatient({ id, ...fields }),
    summary: renames.length
      ? `Updated a patient (name shown on ${renames.length} item(s))`
      : 'Updated a patient',
  });
  for (const ops of rest) {
    await db.write(ops, {
      action: 'patient.renamed',
      entityType: 'patient',
      entityId: id,
      patient: auditPatient({ id, ...fields }),
      summary: `Showed the new name on ${ops.length} more item(s)`,
    });
  }
  const updated = { ...current, ...fields, version: version + 1 };
  for (const f of cleared) delete updated[f];
  return updated;
}

/** A transaction holds 100 items: the audit takes two, the patient one. */
const RENAMES_PER_WRITE = MAX_TRANSACTION_ITEMS - AUDIT_ITEMS_PER_WRITE;
const RENAMES_WITH_PATIENT = RENAMES_PER_WRITE - 1;

const chunk = <T>(xs: T[], firstSize: number, size: number): T[][] => {
  const out = xs.length ? [xs.slice(0, firstSize)] : [];
  for (let i = firstSize; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
};

/**
 * Visits, waiting entries and open recalls show the patient's name (the day view reads no
 * patient items), so a rename rewrites it there.
 */
async function renameOps(db: TenantDb, patientId: string, name: string): Promise<WriteOp[]> {
  const visitIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await appointmentRepo.ofPatient(db, patientId, { limit: 1000, cursor });
    visitIds.push(...page.items.map((l) => l.appointmentId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const [waiting, recalls] = await Promise.all([
    waitlistRepo.waitingOf(db, patientId),
    recallRepo.openOf(db, patientId),
  ]);
  return [
    ...visitIds.map((a) => appointmentRepo.renameOp(db, a, name)),
    ...waiting.items.map((e) => waitlistRepo.renameOp(db, e.id, name)),
    ...recalls.items.map((r) => recallRepo.renameOp(db, r.id, name)),
  ];
}

/** A page of a patient's visits, latest start first; audited like every read of patient data. */
export async function patientVisits(
  db: TenantDb,
  id: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Appointment>> {
  const patient = await requirePatient(db, id);
  const links = await appointmentRepo.ofPatient(db, id, page);
  const found = await appointmentRepo.ofIds(
    db,
    links.items.map((l) => l.appointmentId),
  );
  const byId = new Map(found.map((a) => [a.id, strip<Appointment>(a as never)]));
  const items = links.items.flatMap((l) => byId.get(l.appointmentId) ?? []);
  await db.appendAudit({
    action: 'patient.visits_viewed',
    entityType: 'patient',
    entityId: id,
    patient: auditPatient(patient),
    summary: `Viewed ${items.length} visit(s) of a patient`,
  });
  return { items, nextCursor: links.nextCursor };
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
    // A list shows contact and insurance details: each patient's access report names it.
    shown: found.items.map(auditPatient),
  });
  return { items: found.items.map((p) => strip<Patient>(p as never)), nextCursor: found.nextCursor };
}
