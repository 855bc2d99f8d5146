import { createHash } from 'node:crypto';
import { csvRecords } from '../../../shared/csv.ts';
import { mappedRecord, mappingProblems } from '../../../shared/import-mapping.ts';
import {
  IMPORT_CHUNK_ROWS,
  type ImportMapping,
  type ImportResultBase,
} from '../../../shared/schemas/imports.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { validationFailed } from '../errors.ts';
import { importRepo } from './import.repo.ts';
import type { AnyImportKind, ImportFieldError, ImportRowToApply } from './import-kind.ts';

/**
 * The import pipeline: one chunk of CSV rows of a registered kind per call (the web app sends a file
 * in chunks and shows progress). Header and size checks refuse the whole chunk; everything wrong with
 * a row is a row error by spreadsheet row number, so a preview lists every problem before anything
 * is written. A row already imported (its marker exists) is counted unchanged and never re-applied.
 */

export interface ImportChunkInput {
  csv: string;
  dryRun: boolean;
  /** Spreadsheet row number of the chunk's first data row (the header is row 1). */
  firstRow?: number;
  /** Field → header, as the user confirmed it; without it headers are read by names and aliases. */
  mapping?: ImportMapping;
}

/** Marker sort keys are hashes: an identity may hold names and birth dates, which a key must not. */
const hashed = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Header names as the kind's column names: aliases resolved, unknown names left as they are. */
function canonicalHeader(kind: AnyImportKind, header: string[]): string[] {
  const byAlias = new Map<string, string>();
  for (const c of kind.columns) for (const a of c.aliases ?? []) byAlias.set(normal(a), c.name);
  return header.map((h) => byAlias.get(h) ?? h);
}
const normal = (h: string) => h.toLowerCase().replace(/\s+/g, '_');

type Parsed = ReturnType<typeof csvRecords>;

/** Records keyed by the kind's columns, read by header names and aliases (clients without a mapping). */
function byAliases(kind: AnyImportKind, parsed: Parsed, csvError: (m: string) => Error) {
  const header = canonicalHeader(kind, parsed.header);
  for (const c of kind.columns) {
    if (c.required && !header.includes(c.name)) throw csvError(`The header row needs a "${c.name}" column`);
  }
  return parsed.records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[parsed.header[i]!] ?? ''])));
}

/**
 * Records keyed by the kind's columns through the user's mapping. A mapping naming a field the kind
 * lacks or a header the file lacks, or leaving a required field out, refuses the whole chunk.
 */
function mapped(kind: AnyImportKind, parsed: Parsed, mapping: ImportMapping) {
  const problems = mappingProblems(kind.columns, mapping, parsed.header);
  if (problems.length) throw validationFailed(problems, problems[0]!.message);
  return parsed.records.map((r) => mappedRecord(mapping, r));
}

/** Validates (dryRun) or imports one chunk of a kind's rows. */
export async function importChunk(
  db: TenantDb,
  kind: AnyImportKind,
  input: ImportChunkInput,
): Promise<ImportResultBase & Record<string, unknown>> {
  const parsed = csvRecords(input.csv);
  const csvError = (message: string) => validationFailed([{ path: 'csv', message }], message);
  if (parsed.records.length > IMPORT_CHUNK_ROWS)
    throw csvError(`Send at most ${IMPORT_CHUNK_ROWS} rows per request`);
  const records = input.mapping ? mapped(kind, parsed, input.mapping) : byAliases(kind, parsed, csvError);
  const first = input.firstRow ?? 1;
  const ctx = kind.prepare ? await kind.prepare(db) : undefined;

  const rowErrors: ImportFieldError[][] = records.map(() => []);
  const rows: ({ data: unknown; key: string } | undefined)[] = records.map((record, i) => {
    const out = kind.rowSchema.safeParse(record);
    if (!out.success) {
      rowErrors[i] = out.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? kind.repeatField),
        message: issue.message,
      }));
      return undefined;
    }
    return { data: out.data, key: hashed(kind.rowKey(out.data, ctx)) };
  });
  const keys = rows.flatMap((r) => (r ? [r.key] : []));
  const done = new Set((await importRepo.markers(db, kind.kind, keys)).map((m) => m.SK));

  let unchanged = 0;
  const toApply: ImportRowToApply<unknown>[] = [];
  const applyIndex: number[] = [];
  // A row repeated inside the chunk would collide with its own marker in the same request.
  const seenAt = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    if (!r) continue;
    const row = first + i;
    if (done.has(r.key)) {
      unchanged++;
      continue;
    }
    const earlier = seenAt.get(r.key);
    if (earlier !== undefined) {
      rowErrors[i] = [{ field: kind.repeatField, message: `Repeats row ${earlier}; it is imported once` }];
      continue;
    }
    seenAt.set(r.key, row);
    toApply.push({ row, data: r.data, key: r.key, marker: importRepo.markerOp(db, kind.kind, r.key) });
    applyIndex.push(i);
  }

  const applied = toApply.length ? await kind.apply(db, toApply, { dryRun: input.dryRun, ctx }) : [];
  let created = 0;
  for (const [j, errors] of applied.entries()) {
    if (errors.length) rowErrors[applyIndex[j]!] = errors;
    else created++;
  }
  return {
    rows: records.length,
    created,
    unchanged,
    errors: rowErrors.flatMap((errors, i) => errors.map((e) => ({ row: first + i, ...e }))),
    dryRun: input.dryRun,
    ...(kind.summarize ? kind.summarize(toApply, ctx) : {}),
  };
}
