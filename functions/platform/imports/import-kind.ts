import type * as z from 'zod/mini';
import type { ImportColumn } from '../../../shared/schemas/imports.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/**
 * What a module declares to plug an import kind into the platform's pipeline. The pipeline owns the
 * rest: CSV parsing, header checks, row numbers, chunk limits, preview, repeats inside a chunk and
 * the markers that make a re-import change nothing. A kind only says what a row is, what makes two
 * rows the same, and how to write one.
 */

/** A problem with one cell of a row (the pipeline adds the spreadsheet row number). */
export interface ImportFieldError {
  field: string;
  message: string;
}

/** A row the pipeline hands to `apply`: parsed, not imported before, not a repeat in this chunk. */
export interface ImportRowToApply<Row> {
  /** Spreadsheet row number (the header is row 1 of the file). */
  row: number;
  data: Row;
  /** The row's identity (see `rowKey`). */
  key: string;
  /**
   * The import marker for this row: put it in the same transaction as the row's own write, so the
   * row is marked exactly when it was applied and a re-import skips it.
   */
  marker: WriteOp;
}

export interface ImportApplyOptions<Ctx> {
  /** Check only: say what would go wrong, write nothing. */
  dryRun: boolean;
  ctx: Ctx;
}

export interface ImportKind<Row, Ctx = undefined, Extra extends object = object> {
  /** Unique across modules; also the namespace of its import markers (never rename one in use). */
  kind: string;
  module: string;
  label: string;
  /** The columns read, in template order; header names not listed (or aliased) are ignored. */
  columns: readonly ImportColumn[];
  /** Parses a header-keyed record of trimmed cells; issue paths name the column. */
  rowSchema: z.ZodMiniType<Row>;
  /** Loads what every row of a chunk needs (lookups, the practice's locale), once per chunk. */
  prepare?: (db: TenantDb) => Promise<Ctx>;
  /** The row's identity: two rows with the same key are the same row, imported once. */
  rowKey: (row: Row, ctx: Ctx) => string;
  /** The column a repeated row's error names. */
  repeatField: string;
  /** Checks and (unless dryRun) writes the rows: one list of errors per row, empty when it went in. */
  apply: (
    db: TenantDb,
    rows: ImportRowToApply<Row>[],
    opts: ImportApplyOptions<Ctx>,
  ) => Promise<ImportFieldError[][]>;
  /** Extra fields of the chunk's result, from the rows handed to `apply`. */
  summarize?: (rows: ImportRowToApply<Row>[], ctx: Ctx) => Extra;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every row type.
export type AnyImportKind = ImportKind<any, any, any>;

const registry = new Map<string, AnyImportKind>();

/**
 * Adds a module's kinds to the registry. Registering the same declaration again is a no-op (a domain
 * app may be built more than once per process); a second declaration under a taken name is a bug.
 */
export function registerImportKinds(...kinds: AnyImportKind[]): void {
  for (const k of kinds) {
    const taken = registry.get(k.kind);
    if (taken && taken !== k)
      throw new Error(`Import kind "${k.kind}" is already registered by ${taken.module}`);
    registry.set(k.kind, k);
  }
}

/** A registered kind by name, or undefined. */
export const importKind = (name: string): AnyImportKind | undefined => registry.get(name);

/** Every registered kind, optionally of one module. */
export const importKinds = (module?: string): AnyImportKind[] =>
  [...registry.values()].filter((k) => !module || k.module === module);
