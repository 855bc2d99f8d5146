import * as z from 'zod/mini';
import { DATE_FORMATS, DATE_ORDERS } from '../../locale.ts';
import '../../validation.ts';
import { DateSchema } from '../common.ts';

/** The CSV import of patients and appointments, sent in chunks. */

/** Rows per request: the web app sends a file in chunks of this size and shows progress. */
export const IMPORT_CHUNK_ROWS = 100;
export const IMPORT_KINDS = ['patients', 'appointments'] as const;
export const ImportInputSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  /** CSV text with its header row; at most IMPORT_CHUNK_ROWS data rows. */
  csv: z.string().check(z.minLength(1), z.maxLength(90_000)),
  /** Preview only: validate every row and say what would happen, write nothing. */
  dryRun: z.boolean(),
  /** Row number of this chunk's first data row in the whole file (for messages). */
  firstRow: z.optional(z.int().check(z.minimum(1))),
});
export const ImportResultSchema = z.object({
  rows: z.int(),
  created: z.int(),
  /** Already imported earlier (the same row again): left as is. */
  unchanged: z.int(),
  errors: z.array(z.object({ row: z.int(), field: z.string(), message: z.string() })),
  dryRun: z.boolean(),
  /** How this chunk's dates were read: the practice's order for slashed dates, and each way found. */
  dates: z.object({
    order: z.enum(DATE_ORDERS),
    /** One entry per way of writing a date found in the chunk, with its first example. */
    read: z.array(z.object({ format: z.enum(DATE_FORMATS), text: z.string(), date: DateSchema })),
  }),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
/** The columns each import kind reads (others are ignored). */
export const IMPORT_COLUMNS = {
  patients: [
    'first_name',
    'last_name',
    'date_of_birth',
    'phone',
    'email',
    'preferred_contact',
    'insurance_payer',
    'member_id',
  ],
  appointments: [
    'first_name',
    'last_name',
    'date_of_birth',
    'provider',
    'location',
    'type',
    'date',
    'time',
    'note',
  ],
} as const;
