import { phoneDigits } from '../../shared/patient-search.ts';
import type { Patient, PatientMatch } from '../../shared/schemas/scheduling.ts';
import { type Key, type TenantScope, tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { createOp, type Page, updateOp } from './scheduling.repo.ts';

/** Patients and the search rows they are found by (name, first name, birth date, phone). */

export const patientRepo = {
  get: (db: TenantDb, id: string) => db.get<Patient>(tenantKeys.patient(db, id)),
  /** Up to 100 patients by id in one BatchGet. */
  many: (db: TenantDb, ids: string[]) => db.batchGet<Patient>(ids.map((id) => tenantKeys.patient(db, id))),
  twins: (db: TenantDb, p: { lastName: string; firstName: string; dateOfBirth: string }) =>
    db.query<Patient>({
      partition: tenantKeys.patientTwin(db, p.lastName, p.firstName, p.dateOfBirth),
      index: 'GSI2',
      limit: 20,
    }),
  search: (db: TenantDb, q: string | undefined, page: Page) =>
    db.query<Patient>({
      partition: tenantKeys.patientsByName(db),
      index: 'GSI1',
      skPrefix: q ? q.toLowerCase() : undefined,
      ...page,
    }),
  /** Last name starts with `last` (all patients without it), as search results. */
  matchesByLastName: async (db: TenantDb, last: string | undefined, page: Page) =>
    matches(await patientRepo.search(db, last, page)),
  /** First name starts with `first` and, if given, last name with `last`: a filtered read of the search rows. */
  matchesByFirstName: async (db: TenantDb, first: string, last: string | undefined, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientFirstNamePrefix(first),
        filter: last
          ? {
              expression: 'begins_with(#last, :last)',
              names: { '#last': 'lastKey' },
              values: { ':last': last.toLowerCase() },
            }
          : undefined,
        ...page,
      }),
    ),
  /** Patients born on `dateOfBirth` (YYYY-MM-DD), by name. */
  matchesByBirthDate: async (db: TenantDb, dateOfBirth: string, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientBirthDatePrefix(dateOfBirth),
        ...page,
      }),
    ),
  /** Phones whose digits (as `phoneDigits` keeps them) start with `digits`. */
  matchesByPhone: async (db: TenantDb, digits: string, page: Page) =>
    matches(
      await db.query<FindRow>({
        partition: tenantKeys.patientFindPartition(db),
        skPrefix: tenantKeys.patientPhonePrefix(digits),
        ...page,
      }),
    ),
  /** The patient and its search rows. */
  createOps: (db: TenantDb, p: Patient): WriteOp[] => [
    createOp(tenantKeys.patient(db, p.id), 'patient', p, indexKeys(db, p)),
    ...findRows(db, p).map((item): WriteOp => ({ kind: 'put', item })),
  ],
  /**
   * The patient's update and, when a name, birth date or phone changes, its search rows: rows
   * whose key changed are deleted and put anew, the others overwritten (one transaction may not
   * touch an item twice). Every search row op is in the same transaction as the patient.
   */
  updateOps: (db: TenantDb, p: Patient, set: Record<string, unknown>, version: number, remove?: string[]) => {
    const next = { ...p, ...set } as Patient;
    for (const f of remove ?? []) delete next[f as keyof Patient];
    return [
      updateOp(tenantKeys.patient(db, p.id), { ...set, ...indexKeys(db, next) }, version, remove),
      ...findRowChanges(db, p, next),
    ];
  },
};

function indexKeys(db: TenantDb, p: Pick<Patient, 'id' | 'lastName' | 'firstName' | 'dateOfBirth'>) {
  return {
    GSI1PK: tenantKeys.patientsByName(db),
    GSI1SK: tenantKeys.patientNameKey(p.lastName, p.firstName, p.id),
    GSI2PK: tenantKeys.patientTwin(db, p.lastName, p.firstName, p.dateOfBirth),
    GSI2SK: p.id,
  };
}

/** A search row: its key, what a result shows, and (first-name rows) the last name to filter on. */
type FindRow = Key & PatientMatch & Record<string, unknown> & { type: 'patient_find'; lastKey?: string };

const toMatch = (p: PatientMatch): PatientMatch => ({
  id: p.id,
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  ...(p.phone ? { phone: p.phone } : {}),
});

const matches = (page: { items: PatientMatch[]; nextCursor: string | null }) => ({
  items: page.items.map(toMatch),
  nextCursor: page.nextCursor,
});

/** The rows a patient is found by besides the name index: first name, birth date and, if any, phone. */
export function findRows(db: TenantScope, p: PatientMatch): FindRow[] {
  const shown = { type: 'patient_find' as const, ...toMatch(p) };
  const rows: FindRow[] = [
    {
      ...tenantKeys.patientByFirstName(db, p.firstName, p.lastName, p.id),
      ...shown,
      lastKey: p.lastName.toLowerCase(),
    },
    { ...tenantKeys.patientByBirthDate(db, p.dateOfBirth, p.lastName, p.firstName, p.id), ...shown },
  ];
  const digits = p.phone ? phoneDigits(p.phone) : '';
  if (digits) rows.push({ ...tenantKeys.patientByPhone(db, digits, p.id), ...shown });
  return rows;
}

/** Deletes of rows whose key is gone, puts of rows that are new or show something new; none if nothing shown changed. */
function findRowChanges(db: TenantDb, before: PatientMatch, after: PatientMatch): WriteOp[] {
  const old = new Map(findRows(db, before).map((r) => [r.SK, r]));
  const next = findRows(db, after);
  const kept = new Set(next.map((r) => r.SK));
  const deletes = [...old.values()]
    .filter((r) => !kept.has(r.SK))
    .map((r): WriteOp => ({ kind: 'delete', key: { PK: r.PK, SK: r.SK } }));
  const puts = next
    .filter((r) => JSON.stringify(old.get(r.SK)) !== JSON.stringify(r))
    .map((item): WriteOp => ({ kind: 'put', item }));
  return [...deletes, ...puts];
}
