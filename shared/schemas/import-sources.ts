import * as z from 'zod/mini';
import '../validation.ts';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { ImportMappingSchema } from './imports.ts';

/**
 * Saved import sources: a practice names where a CSV comes from ("Kareo export") and the column
 * mapping it used is kept for that source, so the next file from it is read the same way.
 */

/** A practice keeps at most this many sources over all its import kinds (the list is one read). */
export const IMPORT_SOURCES_MAX = 100;

export const ImportSourceNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Name the source, e.g. “Kareo export”'), z.maxLength(80));

/** A new source of one of `kinds`, with its mapping. */
export const importSourceInputSchema = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({
    kind: z.enum(kinds),
    name: ImportSourceNameSchema,
    mapping: ImportMappingSchema,
  });

/** A rename and/or a new mapping, against the version read. */
export const ImportSourceUpdateSchema = z.strictObject({
  name: z.optional(ImportSourceNameSchema),
  mapping: z.optional(ImportMappingSchema),
  version: VersionSchema,
});
export type ImportSourceUpdate = z.infer<typeof ImportSourceUpdateSchema>;

/** Strict: the list is not paged (a practice keeps at most IMPORT_SOURCES_MAX), so `limit` or `cursor` is a mistake. */
export const importSourcesQuerySchema = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({ kind: z.optional(z.enum(kinds)) });

export const ImportSourceParamsSchema = z.object({ id: IdSchema });

export const ImportSourceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  version: z.int(),
  updatedAt: TimestampSchema,
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const ImportSourceListSchema = z.object({ items: z.array(ImportSourceSchema) });
export type ImportSourceList = z.infer<typeof ImportSourceListSchema>;
