/**
 * What makes two CSV import rows the same row: the API skips a row it imported before by this
 * identity, and the web app uses it to spot a file's repeated rows across request chunks.
 * Dates count by the day they name, so 03/14/1985 and 1985-03-14 are the same birth date.
 */
import { type DateFormat, type DateOrder, readDate } from './locale.ts';

export type ImportRow = Record<string, string | undefined>;

export type ImportKind = 'patients' | 'appointments';

/** The columns of each import kind that hold a date (both required). */
export const IMPORT_DATE_COLUMNS: Record<ImportKind, readonly string[]> = {
  patients: ['date_of_birth'],
  appointments: ['date_of_birth', 'date'],
};

export interface RowDates {
  /** The row with each readable date as YYYY-MM-DD (unreadable ones as they were). */
  row: ImportRow;
  /** How each date was read. */
  read: { column: string; text: string; date: string; format: DateFormat }[];
  /** Dates that are not dates, by column. */
  errors: { field: string; message: string }[];
}

/** Reads a row's date columns in the practice's order (see `readDate` for the ambiguity rule). */
export function readRowDates(kind: ImportKind, r: ImportRow, order: DateOrder): RowDates {
  const out: RowDates = { row: { ...r }, read: [], errors: [] };
  for (const column of IMPORT_DATE_COLUMNS[kind]) {
    const text = r[column] ?? '';
    const reading = readDate(text, order);
    if (reading.ok) {
      out.row[column] = reading.date;
      out.read.push({ column, text: text.trim(), date: reading.date, format: reading.format });
    } else out.errors.push({ field: column, message: reading.message });
  }
  return out;
}

/** Same name and birth date is the same patient. */
const patientIdentity = (r: ImportRow) =>
  `${r.last_name?.toLowerCase()}#${r.first_name?.toLowerCase()}#${r.date_of_birth}`;

/** The same patient with the same provider at the same date and time is the same visit. */
const appointmentIdentity = (r: ImportRow) =>
  `${patientIdentity(r)}#${r.provider?.toLowerCase()}#${r.date}#${r.time}`;

/** The identity of a row of either import kind, its dates read in the practice's order. */
export function importIdentity(kind: ImportKind, r: ImportRow, order: DateOrder): string {
  const { row } = readRowDates(kind, r, order);
  return kind === 'patients' ? patientIdentity(row) : appointmentIdentity(row);
}
