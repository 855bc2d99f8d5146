/**
 * CSV import of patients and appointments, one chunk of rows per request (the web app shows
 * progress across chunks). Cross-domain reads: `listLocations` from tenants/settings.service.ts
 * (rows name locations) and `getTenant` from the same module (the practice's locale decides
 * how slashed dates are read).
 */
import { createHash } from 'node:crypto';
import { csvRecords } from '../../shared/csv.ts';
import { importIdentity, type RowDates, readRowDates } from '../../shared/import-identity.ts';
import { dateOrderOf, tenantLocale } from '../../shared/locale.ts';
import {
  IMPORT_CHUNK_ROWS,
  type ImportResult,
  PatientInputSchema,
  TimeSchema,
} from '../../shared/schemas/scheduling.ts';
import { toFieldErrors } from '../../shared/validation.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, validationFailed } from '../platform/errors.ts';
import { withoutUndefined } from '../platform/objects.ts';
import { getTenant, listLocations } from '../tenants/settings.service.ts';
import { book } from './booking.service.ts';
import { importRepo } from './import.repo.ts';
import { patientRepo } from './patients.repo.ts';
import { createPatient } from './patients.service.ts';
import { providerRepo, typeRepo } from './setup.repo.ts';

type Row = Record<string, string>;
type RowError = ImportResult['errors'][number];
type FieldError = Omit<RowError, 'row'>;

const hashed = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Imports (or, with dryRun, only checks) one chunk of CSV rows. Re-importing a row changes nothing. */
export async function importChunk(
  db: TenantDb,
  input: { kind: 'patients' | 'appointments'; csv: string; dryRun: boolean; firstRow?: number },
): Promise<ImportResult> {
  const { header, records } = csvRecords(input.csv);
  const csvError = (message: string) => validationFailed([{ path: 'csv', message }], message);
  if (records.length > IMPORT_CHUNK_ROWS)
    throw csvError(`Send at most ${IMPORT_CHUNK_ROWS} rows per request`);
  for (const needed of ['first_name', 'last_name', 'date_of_birth']) {
    if (!header.includes(needed)) throw csvError(`The header row needs a "${needed}" column`);
  }
  const first = input.firstRow ?? 1;
  const order = dateOrderOf(tenantLocale(await getTenant(db)));
  const keys = records.map((r) => hashed(importIdentity(input.kind, r, order)));
  const done = new Set((await importRepo.markers(db, input.kind, keys)).map((m) => m.SK));
  const result: ImportResult = {
    rows: records.length,
    created: 0,
    unchanged: 0,
    errors: [],
    dryRun: input.dryRun,
    dates: { order, read: [] },
  };
  const lookups = input.kind === 'appointments' ? await appointmentLookups(db) : undefined;
  // A row repeated inside the chunk would collide with its own marker in the same request.
  const seenAt = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    const row = first + i;
    if (done.has(keys[i]!)) {
      result.unchanged++;
      continue;
    }
    const earlier = seenAt.get(keys[i]!);
    if (earlier !== undefined) {
      const field = input.kind === 'patients' ? 'last_name' : 'time';
      result.errors.push({ row, field, message: `Repeats row ${earlier}; it is imported once` });
      continue;
    }
    seenAt.set(keys[i]!, row);
    const dates = readRowDates(input.kind, record, order);
    noteFormats(result.dates, dates);
    const errors =
      input.kind === 'patients'
        ? await importPatient(db, dates, keys[i]!, input.dryRun)
        : await importAppointment(db, dates, keys[i]!, input.dryRun, lookups!);
    if (errors.length) result.errors.push(...errors.map((e) => ({ row, ...e })));
    else result.created++;
  }
  return result;
}

/** Keeps the first example of each way of writing a date, for the preview to say how dates were read. */
function noteFormats(into: ImportResult['dates'], dates: RowDates): void {
  for (const read of dates.read) {
    if (!into.read.some((r) => r.format === read.format)) {
      into.read.push({ format: read.format, text: read.text, date: read.date });
    }
  }
}

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

async function importPatient(db: TenantDb, dates: RowDates, key: string, dryRun: boolean) {
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
  if (!dryRun) await createPatient(db, parsed.data, [importRepo.markerOp(db, 'patients', key)]);
  return [];
}

interface Lookups {
  providers: Map<string, string>;
  locations: Map<string, string>;
  types: Map<string, string>;
}

async function appointmentLookups(db: TenantDb): Promise<Lookups> {
  const [providers, locations, types] = await Promise.all([
    providerRepo.list(db, { limit: 100 }),
    listLocations(db, { limit: 100, includeArchived: false }),
    typeRepo.list(db, { limit: 100 }),
  ]);
  const byName = (items: { id: string; name: string }[]) =>
    new Map(items.map((i) => [i.name.toLowerCase(), i.id]));
  return {
    providers: byName(providers.items),
    locations: byName(locations.items),
    types: byName(types.items),
  };
}

async function importAppointment(
  db: TenantDb,
  dates: RowDates,
  key: string,
  dryRun: boolean,
  l: Lookups,
): Promise<FieldError[]> {
  const r = dates.row as Row;
  const errors: FieldError[] = [...dates.errors];
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
      [importRepo.markerOp(db, 'appointments', key)],
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
