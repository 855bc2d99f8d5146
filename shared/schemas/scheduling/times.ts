import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema } from '../common.ts';

/** Scheduling's grid of time: the 5-minute slice, the longest visit, and how a time of day is written. */

/** Every booking and template time is a multiple of this: conflicts are checked per slice. */
export const SLICE_MINUTES = 5;
/** Longest bookable visit: provider and room slices must fit one DynamoDB transaction. */
export const MAX_VISIT_MINUTES = 180;

export { DateSchema };
export const TimeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5][05]$/, 'Use a time like 09:30, on a 5-minute mark'));
