/**
 * Column mapping of a CSV import: which of the file's columns holds each field of an import kind.
 * The web app suggests one from the kind's aliases and a saved source, shows it for the user to
 * change, and sends it with every chunk; the API checks it the same way before reading a row, so
 * the page and the API never disagree about what a file means.
 */
import type { ImportColumn, ImportMapping } from './schemas/imports.ts';

/** A header name as imports compare them: trimmed, lower case, spaces as underscores. */
export const headerKey = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

/**
 * The mapping read from the header names alone: a field takes the first header that is its name or
 * one of its aliases. Fields no header names are left out (unmapped).
 */
export function suggestMapping(columns: readonly ImportColumn[], headers: readonly string[]): ImportMapping {
  const out: ImportMapping = {};
  for (const c of columns) {
    const names = new Set([c.name, ...(c.aliases ?? [])].map(headerKey));
    const found = headers.find((h) => h.trim() !== '' && names.has(headerKey(h)));
    if (found !== undefined) out[c.name] = found;
  }
  return out;
}

/**
 * A saved source's mapping applied to a new file: each field it maps to a header this file has is
 * kept (as this file spells the header); fields whose header is not in the file fall back to the
 * aliases, and those headers are reported so the user knows the export changed.
 */
export function applySavedMapping(
  columns: readonly ImportColumn[],
  headers: readonly string[],
  saved: ImportMapping,
): { mapping: ImportMapping; missing: string[] } {
  const mapping = suggestMapping(columns, headers);
  const missing: string[] = [];
  for (const c of columns) {
    const want = saved[c.name];
    if (want === undefined) continue;
    const found = headers.find((h) => headerKey(h) === headerKey(want));
    if (found !== undefined) mapping[c.name] = found;
    else if (!missing.includes(want)) missing.push(want);
  }
  return { mapping, missing };
}

/** What is wrong with a mapping, each with its field path (`mapping.<field>`) and a sentence. */
export interface MappingProblem {
  path: string;
  message: string;
}

/**
 * Checks a mapping against a kind's columns and, when given, a file's headers: every field is one of
 * the kind's, every header is in the file, and every required field is mapped.
 */
export function mappingProblems(
  columns: readonly ImportColumn[],
  mapping: ImportMapping,
  headers?: readonly string[],
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const names = new Set(columns.map((c) => c.name));
  const inFile = headers && new Set(headers.map(headerKey));
  for (const [field, header] of Object.entries(mapping)) {
    if (!names.has(field)) {
      problems.push({ path: `mapping.${field}`, message: `“${field}” is not a column of this import` });
    } else if (inFile && !inFile.has(headerKey(header))) {
      problems.push({ path: `mapping.${field}`, message: `The file has no column “${header}”` });
    }
  }
  if (headers) {
    for (const c of columns) {
      if (c.required && mapping[c.name] === undefined)
        problems.push({ path: `mapping.${c.name}`, message: `Choose the column that holds ${c.name}` });
    }
  }
  return problems;
}

/** The required fields a mapping leaves out, in the kind's order. */
export const unmappedRequired = (columns: readonly ImportColumn[], mapping: ImportMapping) =>
  columns.filter((c) => c.required && mapping[c.name] === undefined).map((c) => c.name);

/**
 * A file's record (keyed by header) as the kind's fields, through the mapping: fields it leaves out
 * are absent, so an optional field the user chose not to read is not read.
 */
export function mappedRecord(
  mapping: ImportMapping,
  record: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const byKey = new Map(Object.entries(record).map(([h, v]) => [headerKey(h), v ?? '']));
  const out: Record<string, string> = {};
  for (const [field, header] of Object.entries(mapping)) out[field] = byKey.get(headerKey(header)) ?? '';
  return out;
}
