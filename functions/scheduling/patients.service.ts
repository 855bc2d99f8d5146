/**
 * Patients. Cross-domain read: `getTenant` from tenants/settings.service.ts (the practice's time
 * zone decides which month a new patient counts in).
 */
import { type NameLookup, type PatientQuery, readPatientQuery } from '../../shared/patient-search.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { Appointment, Patient, PatientInput, PatientMatch } from '../../shared/schemas/scheduling.ts';
import { localParts } from '../../shared/time.ts';
import type { AuditPatient } from '../platform/db/audit.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import { AUDIT_ITEMS_PER_WRITE, MAX_TRANSACTION_ITEMS, type TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound, validationFailed } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { measureRepo } from './measures.repo.ts';
import { patientRepo } from './patients.repo.ts';
import { recallRepo, waitlistRepo } from './waitlist.repo.ts';

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
    [...patientRepo.createOps(db, patient), measureRepo.newPatientOp(db, month, patient.id), ...alsoWrite],
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
  // The patient (with its search rows) and as many renamed visits as one transaction holds go
  // together; the rest follow.
  const patientOps = patientRepo.updateOps(db, current, fields, version, cleared);
  const [first, ...rest] = chunk(renames, RENAMES_PER_WRITE - patientOps.length, RENAMES_PER_WRITE);
  await db.write([...patientOps, ...(first ?? [])], {
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

/** A transaction holds 100 items: the audit takes two; with the patient, its ops take up to seven more. */
const RENAMES_PER_WRITE = MAX_TRANSACTION_ITEMS - AUDIT_ITEMS_PER_WRITE;

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
  await auditListed(db, found.items);
  return { items: found.items.map((p) => strip<Patient>(p as never)), nextCursor: found.nextCursor };
}

type PageArgs = { limit: number; cursor?: string };

/**
 * The front desk's search as they type: last name, "last, first", "first last", a birth date or
 * a phone number (shared/patient-search.ts reads which). Audited like the list.
 */
export async function findPatients(
  db: TenantDb,
  q: string | undefined,
  page: PageArgs,
): Promise<Page<PatientMatch>> {
  const found = await runSearch(db, readPatientQuery(q), page);
  await auditListed(db, found.items);
  return found;
}

async function auditListed(db: TenantDb, shown: { id: string; firstName: string; lastName: string }[]) {
  await db.appendAudit({
    action: 'patient.listed',
    entityType: 'patient',
    entityId: '-',
    summary: `Listed ${shown.length} patient(s)`,
    // A list shows contact details: each patient's access report names it.
    shown: shown.map(auditPatient),
  });
}

function runSearch(db: TenantDb, query: PatientQuery, page: PageArgs): Promise<Page<PatientMatch>> {
  switch (query.kind) {
    case 'all':
      return patientRepo.matchesByLastName(db, undefined, page);
    case 'phone':
      return patientRepo.matchesByPhone(db, query.digits, page);
    case 'birthDate':
      return patientRepo.matchesByBirthDate(db, query.date, page);
    case 'badDate':
      throw validationFailed([{ path: 'q', message: query.message }], query.message);
    case 'name':
      return byName(db, query.lookups, page);
  }
}

const nameLookup = (db: TenantDb, l: NameLookup, page: PageArgs) =>
  l.by === 'last'
    ? patientRepo.matchesByLastName(db, l.last, page)
    : patientRepo.matchesByFirstName(db, l.first, l.last, page);

/**
 * One lookup pages with its cursor. Several (one word is a last or a first name) are read once
 * each and merged: the first `limit` matches by last then first name, with no cursor, since two
 * cursors cannot be one. A desk that sees a full page types more letters.
 */
async function byName(db: TenantDb, lookups: NameLookup[], page: PageArgs): Promise<Page<PatientMatch>> {
  if (lookups.length === 1) return nameLookup(db, lookups[0]!, page);
  if (page.cursor)
    throw badRequest('A search that matches first and last names has one page: type more of the name');
  const pages = await Promise.all(lookups.map((l) => nameLookup(db, l, { limit: page.limit })));
  const unique = new Map(pages.flatMap((p) => p.items).map((m) => [m.id, m]));
  const items = [...unique.values()].sort(byLastThenFirst).slice(0, page.limit);
  return { items, nextCursor: null };
}

/** The name index's order: last name, first name (case-insensitive), then id. */
const sortKey = (m: PatientMatch) => [m.lastName.toLowerCase(), m.firstName.toLowerCase(), m.id];
function byLastThenFirst(a: PatientMatch, b: PatientMatch): number {
  const [x, y] = [sortKey(a), sortKey(b)];
  const at = x.findIndex((part, i) => part !== y[i]);
  return at < 0 ? 0 : x[at]! < y[at]! ? -1 : 1;
}
