import * as z from 'zod/mini';
import { DATE_FORMATS, DATE_ORDERS } from '../../locale.ts';
import '../../validation.ts';
import { DateSchema } from '../common.ts';
import { ImportResultBaseSchema, importInputSchema } from '../imports.ts';

/** The CSV import of patients and appointments, sent in chunks through the platform's import pipeline. */

export { IMPORT_CHUNK_ROWS } from '../imports.ts';
export const IMPORT_KINDS = ['patients', 'appointments'] as const;
export const ImportInputSchema = importInputSchema(IMPORT_KINDS);
export const ImportResultSchema = z.extend(ImportResultBaseSchema, {
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
