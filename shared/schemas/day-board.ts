import * as z from 'zod/mini';
import { IdSchema } from './common.ts';
import {
  AppointmentSchema,
  AppointmentTypeSchema,
  DateSchema,
  DayHoursSchema,
  ProviderSchema,
} from './scheduling.ts';
import { LocationSchema } from './tenants.ts';

/** GET /scheduling/board: both optional; the first active location and its today by default. */
export const DayBoardQuerySchema = z.strictObject({
  locationId: z.optional(IdSchema),
  date: z.optional(DateSchema),
});

/**
 * Everything the day view draws, in one answer: a cold load of the schedule is then the token
 * refresh and one round of requests, not four levels deep.
 */
export const DayBoardSchema = z.object({
  /** Active locations, for the location picker; empty for a practice without one yet. */
  locations: z.array(LocationSchema),
  /** The chosen location and its local date; absent when the practice has no location. */
  locationId: z.optional(IdSchema),
  date: z.optional(DateSchema),
  timeZone: z.optional(z.string()),
  /** Active providers working at the location (the grid's columns). */
  providers: z.array(ProviderSchema),
  /** Every visit type (retired ones too: booked visits keep theirs). */
  types: z.array(AppointmentTypeSchema),
  appointments: z.array(AppointmentSchema),
  hours: z.optional(DayHoursSchema),
});
export type DayBoard = z.infer<typeof DayBoardSchema>;
