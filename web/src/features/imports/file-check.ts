/**
 * The checks a chosen file passes before its rows are read: a CSV by name or type, not empty, at
 * most 5 MB, and text; and what a file that also passed its columns' check is.
 */
import type { SplitCsv } from './csv-chunks.ts';

/** Larger files are better split: a run over thousands of chunks outlasts a manager's patience. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
]);

/** A file ready to preview: cut into chunks, with the columns ignored and a warning worth showing. */
export interface CheckedFile {
  ok: true;
  split: SplitCsv;
  ignored: string[];
  warning: string | undefined;
}

/** Why a chosen file cannot be imported, from its name, type and size; undefined when it may be. */
export function fileProblem(f: File): string | undefined {
  const isCsv = /\.csv$/i.test(f.name) || CSV_TYPES.has(f.type);
  if (!isCsv) {
    return `“${f.name}” is not a CSV file. In Excel, Numbers or Google Sheets, save or download the sheet as CSV.`;
  }
  if (f.size === 0) {
    return `“${f.name}” is empty.`;
  }
  if (f.size > MAX_FILE_BYTES) {
    return `“${f.name}” is larger than 5 MB: split it into smaller files and import them one by one.`;
  }
  return undefined;
}

/** Why a file's text cannot be imported (binary, or blank); undefined when it may be. */
export function textProblem(name: string, text: string): string | undefined {
  if (text.includes('\u0000')) {
    return `“${name}” is not a text CSV file. Save the sheet as CSV (UTF-8) and try again.`;
  }
  if (text.trim() === '') {
    return `“${name}” is empty.`;
  }
  return undefined;
}
