import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema, IdSchema } from '../common.ts';

/** Reports: weekly and monthly measures, and how far one FHIR export reaches. */

/** The longest FHIR export, in days: the API reads one day partition per day. */
export const MAX_EXPORT_DAYS = 31;

/**
 * The FHIR export: an R4 Bundle of type collection. Each resource is documented only by what every
 * one carries; its shape is FHIR R4's (hl7.org/fhir/R4), so the object stays open.
 */
export const FhirBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.iso.datetime(),
  entry: z.array(
    z.object({
      fullUrl: z.string(),
      resource: z.looseObject({ resourceType: z.string(), id: z.string() }),
    }),
  ),
});

export const MeasuresQuerySchema = z.object({
  locationId: IdSchema,
  /** The last week shown is the one containing this date (default today). */
  weekOf: z.optional(DateSchema),
  weeks: z.optional(z.string().check(z.regex(/^([1-9]|1[0-2])$/, 'From 1 to 12 weeks'))),
});
const Rate = z.nullable(z.number());
export const WeekMeasuresSchema = z.object({
  weekStart: DateSchema,
  /** Visits booked for the week, cancelled ones included: what the late-cancel rate is out of. */
  booked: z.int(),
  /** Booked visits not cancelled: their minutes make up utilization. */
  heldVisits: z.int(),
  /** Held visits whose time has passed (came or not): what the no-show rate is out of. */
  pastVisits: z.int(),
  noShows: z.int(),
  lateCancels: z.int(),
  bookedMinutes: z.int(),
  availableMinutes: z.int(),
  /** noShows / pastVisits; null without past visits. */
  noShowRate: Rate,
  /** lateCancels / booked; null without bookings. */
  lateCancelRate: Rate,
  /** bookedMinutes / availableMinutes; null without open hours or without any booking that week. */
  utilization: Rate,
  byProvider: z.array(
    z.object({ providerId: IdSchema, bookedMinutes: z.int(), availableMinutes: z.int(), utilization: Rate }),
  ),
});
export const MeasuresSchema = z.object({
  locationId: IdSchema,
  weeks: z.array(WeekMeasuresSchema),
  /** Days from today to the third free start of the location's first type, per provider (null: none in 60 days). */
  thirdNextAvailable: z.array(z.object({ providerId: IdSchema, days: z.nullable(z.int()) })),
});

export const MonthlyMeasuresSchema = z.object({
  month: z.string(),
  locationId: IdSchema,
  visits: z.int(),
  noShowRate: z.nullable(z.number()),
  lateCancelRate: z.nullable(z.number()),
  utilization: z.nullable(z.number()),
  /** Patients added to the practice that month (all locations). */
  newPatients: z.int(),
  computedAt: z.string(),
});
export type MonthlyMeasures = z.infer<typeof MonthlyMeasuresSchema>;
export const MonthsQuerySchema = z.object({
  locationId: IdSchema,
  months: z.optional(z.string().check(z.regex(/^([1-9]|1[0-2])$/, 'From 1 to 12 months'))),
});
