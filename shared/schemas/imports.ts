import * as z from 'zod/mini';
import '../validation.ts';

/**
 * The import pipeline's wire shapes, shared by every module's import kinds: a chunk of CSV rows in,
 * a per-chunk summary with row errors by spreadsheet row out. A kind may add fields to the result
 * (scheduling says how it read dates) by extending `ImportResultBaseSchema`.
 */

/** Rows per request: the web app sends a file in chunks of this size and shows progress. */
export const IMPORT_CHUNK_ROWS = 100;

/** A CSV header as a mapping names it: as the file spells it (compared like aliases). */
const HeaderNameSchema = z.string().check(z.minLength(1), z.maxLength(200));
/** A kind's field name (`claim_id`). */
const FieldNameSchema = z.string().check(z.minLength(1), z.maxLength(64));
/** At most this many fields in a mapping: no kind has more columns. */
export const MAPPING_MAX_FIELDS = 60;

/**
 * Field → the file's header that holds it. A field left out is not read, even when a header has
 * its name: the mapping the user accepted is the one applied.
 */
export const ImportMappingSchema = z
  .record(FieldNameSchema, HeaderNameSchema)
  .check(
    z.refine((m) => Object.keys(m).length <= MAPPING_MAX_FIELDS, `At most ${MAPPING_MAX_FIELDS} columns`),
  );
export type ImportMapping = Record<string, string>;

/** The request body for a module's imports, its kind one of `kinds`. */
export const importInputSchema = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({
    kind: z.enum(kinds),
    /** CSV text with its header row; at most IMPORT_CHUNK_ROWS data rows. */
    csv: z.string().check(z.minLength(1), z.maxLength(90_000)),
    /** Preview only: validate every row and say what would happen, write nothing. */
    dryRun: z.boolean(),
    /** Row number of this chunk's first data row in the whole file (for messages). */
    firstRow: z.optional(z.int().check(z.minimum(1))),
    /** Which column holds each field; without it headers are read by the kind's names and aliases. */
    mapping: z.optional(ImportMappingSchema),
  });

export const ImportRowErrorSchema = z.object({ row: z.int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportResultBaseSchema = z.object({
  rows: z.int(),
  created: z.int(),
  /** Already imported earlier (the same row again): left as is. */
  unchanged: z.int(),
  errors: z.array(ImportRowErrorSchema),
  dryRun: z.boolean(),
});
export type ImportResultBase = z.infer<typeof ImportResultBaseSchema>;

/** What a column of an import kind holds: the page's template and column table are built from it. */
export interface ImportColumn {
  name: string;
  /** The header row must name it (a file without it is refused before any row is read). */
  required: boolean;
  /** Other header names read as this column (compared lower-cased, spaces as underscores). */
  aliases?: readonly string[];
  description: string;
  example?: string;
}
