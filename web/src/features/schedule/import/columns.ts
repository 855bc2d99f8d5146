/** What each import kind's columns hold, and the check of a file's header row against them. */

import {
  IMPORT_COLUMN_DOCS,
  importColumnDocs,
  type SchedulingImportKind,
} from '../../../../../shared/schemas/scheduling/import-columns.ts';
import { IMPORT_COLUMNS } from '../../../../../shared/schemas/scheduling.ts';

export type ImportKind = SchedulingImportKind;
/** The columns of a kind with their help, dates as the practice writes them. */
export const columnsOf = importColumnDocs;

export const KIND_NOUNS: Record<ImportKind, { one: string; many: string }> = {
  patients: { one: 'patient', many: 'patients' },
  appointments: { one: 'appointment', many: 'appointments' },
};

/** Why a header row cannot be imported as this kind (undefined when it can), and columns that are ignored. */
export function checkColumns(
  kind: ImportKind,
  columns: string[],
): { problem: string | undefined; ignored: string[]; otherKind: ImportKind | undefined } {
  const known = new Set<string>(IMPORT_COLUMNS[kind]);
  const ignored = columns.filter((c) => c !== '' && !known.has(c));
  const missingFor = (k: ImportKind) =>
    IMPORT_COLUMNS[k].filter((name) => IMPORT_COLUMN_DOCS[k][name]!.required && !columns.includes(name));
  const missing = missingFor(kind);
  const other: ImportKind = kind === 'patients' ? 'appointments' : 'patients';
  // An appointments file has every patient column too: say so rather than create patients from it.
  const looksLikeOther =
    other === 'appointments'
      ? ['provider', 'date', 'time'].every((c) => columns.includes(c))
      : missingFor(other).length === 0;
  if (!missing.length) return { problem: undefined, ignored, otherKind: looksLikeOther ? other : undefined };
  const list = missing.join(', ');
  const problem = `The header row is missing ${missing.length === 1 ? 'the required column' : 'the required columns'} ${list}.${
    looksLikeOther ? ` This looks like a file of ${other}: choose “${capitalised(other)}” above.` : ''
  } The first row must name the columns, as in the template.`;
  return { problem, ignored, otherKind: looksLikeOther ? other : undefined };
}

export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
