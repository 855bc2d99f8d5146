/**
 * Splits a CSV file into the chunks the import API takes (a header row plus at most
 * IMPORT_CHUNK_ROWS data rows each), and writes CSV back out (chunks, templates, error lists).
 */
import { parseNumberedCsv } from '../../../../shared/csv.ts';
import { IMPORT_CHUNK_ROWS } from '../../../../shared/schemas/imports.ts';

/** The API refuses a chunk's `csv` longer than this (ImportInputSchema). */
export const MAX_CHUNK_CHARS = 90_000;

/** One field, quoted when it holds a comma, a quote or a line break (quotes doubled, RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line endings (what spreadsheets write), ending in a line break. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

/** A header name as the API reads it: lower case, spaces as underscores ("Date of Birth" → date_of_birth). */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}

export interface CsvChunk {
  /** The header row and this chunk's data rows, re-serialised. */
  csv: string;
  /** Row number of the chunk's first data row in the whole file; the header is row 1. */
  firstRow: number;
  rows: number;
}

export interface SplitCsv {
  /** Column keys of the header row (see `columnKey`). */
  columns: string[];
  /** The header row as the file writes it (trimmed): what the column step shows and the API is sent. */
  headers: string[];
  /** Data rows in the file (blank lines are not rows). */
  rows: number;
  chunks: CsvChunk[];
  /** Rows with the identity of an earlier row: not sent, since the import takes each row once. */
  repeats: { row: number; of: number }[];
}

/**
 * Parses a CSV file and cuts it into request-sized chunks, each with the header row. A chunk
 * ends at `maxRows` data rows, before it would pass `maxChars` characters, or at a blank row,
 * so every chunk is a run of consecutive rows and errors name the row the spreadsheet shows.
 */
export function splitCsv(
  text: string,
  maxRows = IMPORT_CHUNK_ROWS,
  maxChars = MAX_CHUNK_CHARS,
  /** A row's identity (see shared/import-identity.ts); repeats of an earlier row are set aside. */
  identity?: (record: Record<string, string>) => string,
): SplitCsv {
  const [header, ...body] = parseNumberedCsv(text.replace(/^\uFEFF/, ''));
  const head = toCsv([header?.cells ?? []]);
  const columns = (header?.cells ?? []).map(columnKey);
  const firstOf = new Map<string, number>();
  const repeats: SplitCsv['repeats'] = [];
  const chunks: CsvChunk[] = [];
  let lines: string[] = [];
  let size = head.length;
  let firstRow = 0;
  const flush = () => {
    if (lines.length) chunks.push({ csv: head + lines.join(''), firstRow, rows: lines.length });
    lines = [];
    size = head.length;
  };
  for (const { row, cells } of body) {
    if (identity) {
      // Across chunks the API cannot see a repeat: the preview would count it twice.
      const id = identity(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
      const first = firstOf.get(id);
      if (first !== undefined) {
        repeats.push({ row, of: first });
        continue;
      }
      firstOf.set(id, row);
    }
    const line = toCsv([cells]);
    if (head.length + line.length > maxChars) {
      throw new RangeError(`Row ${row} is too long to import (over ${maxChars.toLocaleString()} characters)`);
    }
    const gap = row !== firstRow + lines.length;
    if (gap || lines.length >= maxRows || size + line.length > maxChars) flush();
    if (!lines.length) firstRow = row;
    lines.push(line);
    size += line.length;
  }
  flush();
  return { columns, headers: header?.cells ?? [], rows: body.length, chunks, repeats };
}
