/**
 * Scheduling's import kinds, patients and appointments, plugged into the platform's import pipeline
 * (functions/platform/imports): the pipeline parses, numbers, previews and marks rows; these say what
 * a row is, what makes two rows the same and how to write one. Cross-domain reads: `listLocations`
 * from tenants/settings.service.ts (rows name locations) and `getTenant` from the same module (the
 * practice's locale decides how slashed dates are read).
 */
import * as z from 'zod/mini';
import { importIdentity, type RowDates, readRowDates } from '../../shared/import-identity.ts';
import { type DateOrder, dateOrderOf, tenantLocale } from '../../shared/locale.ts';
import type { ImportColumn } from '../../shared/schemas/imports.ts';
import {
  importColumnDocs,
  type SchedulingImportKind,
} from '../../shared/schemas/scheduling/import-columns.ts';
import { type ImportResult, PatientInputSchema, TimeSchema } from '../../shared/schemas/scheduling.ts';
import { toFieldErrors } from '../../shared/validation.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError } from '../platform/errors.ts';
import type { ImportFieldError, ImportKind, ImportRowToApply } from '../platform/imports/import-kind.ts';
import { withoutUndefined } from '../platform/objects.ts';
import { getTenant, listLocations } from '../tenants/settings.service.ts';
import { book } from './booking.service.ts';
import { patientRepo } from './patients.repo.ts';
import { createPatient } from './patients.service.ts';
import { providerRepo, typeRepo } from './setup.repo.ts';

type Row = Record<string, string>;
type Dates = ImportResult['dates'];

/** Cells stay text here: dates are read in the practice's order, which only `prepare` knows. */
const RowSchema = z.record(z.string(), z.string());

/**
 * The columns as the web's template and help show them (one text, shared); dates are described in
 * month/day/year, the order of every tenant today (see shared/locale.ts).
 */
const columnsOf = (kind: SchedulingImportKind): ImportColumn[] => importColumnDocs(kind, 'month/day/year');

async function dateOrder(db: TenantDb): Promise<DateOrder> {
  return dateOrderOf(tenantLocale(await getTenant(db)));
}

/** Keeps the first example of each way of writing a date, for the preview to say how dates were read. */
function datesRead(
  kind: 'patients' | 'appointments',
  rows: ImportRowToApply<Row>[],
  order: DateOrder,
): Dates {
  const into: Dates = { order, read: [] };
  for (const { data } of rows) {
    for (const read of readRowDates(kind, data, order).read) {
      if (!into.read.some((r) => r.format === read.format)) {
        into.read.push({ format: read.format, text: read.text, date: read.date });
      }
    }
  }
  return into;
}

export const patientsImport: ImportKind<Row, DateOrder, { dates: Dates }> = {
  kind: 'patients',
  module: 'scheduling',
  label: 'Patients',
  columns: columnsOf('patients'),
  rowSchema: RowSchema,
  prepare: dateOrder,
  rowKey: (row, order) => importIdentity('patients', row, order),
  repeatField: 'last_name',
  async apply(db, rows, { dryRun, ctx: order }) {
    const out: ImportFieldError[][] = [];
    for (const r of rows) {
      out.push(await importPatient(db, readRowDates('patients', r.data, order), r, dryRun));
    }
    return out;
  },
  summarize: (rows, order) => ({ dates: datesRead('patients', rows, order) }),
};

interface Lookups {
  order: DateOrder;
  providers: Map<string, string>;
  locations: Map<string, string>;
  types: Map<string, string>;
}

export const appointmentsImport: ImportKind<Row, Lookups, { dates: Dates }> = {
  kind: 'appointments',
  module: 'scheduling',
  label: 'Appointments',
  columns: columnsOf('appointments'),
  rowSchema: RowSchema,
  prepare: appointmentLookups,
  rowKey: (row, l) => importIdentity('appointments', row, l.order),
  repeatField: 'time',
  async apply(db, rows, { dryRun, ctx: l }) {
    const out: ImportFieldError[][] = [];
    for (const r of rows) {
      out.push(await importAppointment(db, readRowDates('appointments', r.data, l.order), r, dryRun, l));
    }
    return out;
  },
  summarize: (rows, l) => ({ dates: datesRead('appointments', rows, l.order) }),
};

/** Scheduling's kinds, in the order the page offers them. */
export const schedulingImportKinds = [patientsImport, appointmentsImport] as const;

function patientInput(r: Row) {
  const preferred = r.preferred_contact || (r.email ? 'email' : r.phone ? 'phone' : 'none');
  const optional = (v: string | undefined) => (v ? v : undefined);
  return {
    firstName: r.first_name ?? '',
    lastName: r.last_name ?? '',
    dateOfBirth: r.date_of_birth ?? '',
    preferredContact: preferred,
    phone: optional(r.phone),
    email: optional(r.email),
    insurancePayer: optional(r.insurance_payer),
    memberId: optional(r.member_id),
  };
}

async function importPatient(
  db: TenantDb,
  dates: RowDates,
  r: ImportRowToApply<Row>,
  dryRun: boolean,
): Promise<ImportFieldError[]> {
  const parsed = PatientInputSchema.safeParse(withoutUndefined(patientInput(dates.row as Row)));
  if (!parsed.success || dates.errors.length) {
    // A date that is not a date is reported once, in the reader's words.
    const dated = new Set(dates.errors.map((e) => e.field));
    const others = parsed.success
      ? []
      : toFieldErrors(parsed.error)
          .map((e) => ({ field: columnOf(e.path), message: e.message }))
          .filter((e) => !dated.has(e.field));
    return [...dates.errors, ...others];
  }
  if (!dryRun) await createPatient(db, parsed.data, [r.marker]);
  return [];
}

async function appointmentLookups(db: TenantDb): Promise<Lookups> {
  const [order, providers, locations, types] = await Promise.all([
    dateOrder(db),
    providerRepo.list(db, { limit: 100 }),
    listLocations(db, { limit: 100, includeArchived: false }),
    typeRepo.list(db, { limit: 100 }),
  ]);
  const byName = (items: { id: string; name: string }[]) =>
    new Map(items.map((i) => [i.name.toLowerCase(), i.id]));
  return {
    order,
    providers: byName(providers.items),
    locations: byName(locations.items),
    types: byName(types.items),
  };
}

async function importAppointment(
  db: TenantDb,
  dates: RowDates,
  row: ImportRowToApply<Row>,
  dryRun: boolean,
  l: Lookups,
): Promise<ImportFieldError[]> {
  const r = dates.row as Row;
  const errors: ImportFieldError[] = [...dates.errors];
  const datedOk = (field: string) => !dates.errors.some((e) => e.field === field);
  const need = (field: string, map: Map<string, string>, what: string) => {
    const id = map.get((r[field] ?? '').toLowerCase());
    if (!id) errors.push({ field, message: r[field] ? `No ${what} named "${r[field]}"` : 'Required' });
    return id;
  };
  const providerId = need('provider', l.providers, 'provider');
  const locationId = need('location', l.locations, 'location');
  const typeId = need('type', l.types, 'appointment type');
  if (!TimeSchema.safeParse(r.time).success)
    errors.push({ field: 'time', message: 'Use a time like 09:30, on a 5-minute mark' });
  // Without a readable birth date there is no patient to look for: the date error says why.
  const twins = datedOk('date_of_birth')
    ? await patientRepo.twins(db, {
        lastName: r.last_name ?? '',
        firstName: r.first_name ?? '',
        dateOfBirth: r.date_of_birth ?? '',
      })
    : undefined;
  const patientId = twins?.items[0]?.id;
  if (twins && !patientId)
    errors.push({
      field: 'last_name',
      message: 'No patient with this name and date of birth: import patients first',
    });
  if (errors.length || dryRun) return errors;
  try {
    await book(
      db,
      {
        patientId: patientId!,
        providerId: providerId!,
        locationId: locationId!,
        typeId: typeId!,
        date: r.date!,
        time: r.time!,
        ...(r.note ? { note: r.note } : {}),
      },
      [row.marker],
    );
    return [];
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return [{ field: 'time', message: err.message }];
    throw err;
  }
}

const COLUMN: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  preferredContact: 'preferred_contact',
  insurancePayer: 'insurance_payer',
  memberId: 'member_id',
};
const columnOf = (path: string) => COLUMN[path] ?? path;
