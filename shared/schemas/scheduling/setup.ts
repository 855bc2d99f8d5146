import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema, HexColorSchema, IdSchema, PersonNameSchema, VersionSchema } from '../common.ts';
import { MAX_VISIT_MINUTES, SLICE_MINUTES, TimeSchema } from './times.ts';

/** What Setup defines: providers, rooms and equipment, appointment types, weekly hours and time off. */

const Minutes = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

export const ProviderInputSchema = z.strictObject({
  name: PersonNameSchema,
  title: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  /** The Rounds user this provider signs in as, if any. */
  userId: z.optional(IdSchema),
  color: HexColorSchema,
  locationIds: z.array(IdSchema).check(z.minLength(1, 'Choose at least one location'), z.maxLength(20)),
  /** The state medical license's expiry: managers are alerted 90, 60 and 30 days before and on the day. */
  licenseExpires: z.optional(DateSchema),
});
export type ProviderInput = z.infer<typeof ProviderInputSchema>;
export const UpdateProviderSchema = z.strictObject({ ...ProviderInputSchema.shape, version: VersionSchema });
export const ProviderSchema = z.object({
  id: IdSchema,
  ...ProviderInputSchema.shape,
  active: z.boolean(),
  /** Present while the provider has a calendar feed: whether it shows patient names. */
  feedShowsNames: z.optional(z.boolean()),
  version: VersionSchema,
});
export type Provider = z.infer<typeof ProviderSchema>;

export const RESOURCE_KINDS = ['room', 'equipment'] as const;
export const ResourceInputSchema = z.strictObject({
  locationId: IdSchema,
  name: Name,
  kind: z.enum(RESOURCE_KINDS, 'Choose room or equipment'),
});
export type ResourceInput = z.infer<typeof ResourceInputSchema>;
export const UpdateResourceSchema = z.strictObject({ ...ResourceInputSchema.shape, version: VersionSchema });
export const ResourceSchema = z.object({
  id: IdSchema,
  ...ResourceInputSchema.shape,
  active: z.boolean(),
  version: VersionSchema,
});
export type Resource = z.infer<typeof ResourceSchema>;

export const PATIENT_KINDS = ['new', 'established', 'any'] as const;
export const AppointmentTypeInputSchema = z.strictObject({
  name: Name,
  durationMinutes: z
    .int()
    .check(
      z.minimum(SLICE_MINUTES),
      z.maximum(MAX_VISIT_MINUTES),
      z.multipleOf(SLICE_MINUTES, 'Use 5-minute steps'),
    ),
  color: HexColorSchema,
  patientKind: z.enum(PATIENT_KINDS, 'Choose which patients this type is for'),
  bufferBeforeMinutes: Minutes(60).check(z.multipleOf(SLICE_MINUTES, 'Use 5-minute steps')),
  bufferAfterMinutes: Minutes(60).check(z.multipleOf(SLICE_MINUTES, 'Use 5-minute steps')),
  /** Needs a room of the location for its whole length. */
  needsRoom: z.boolean(),
});
export type AppointmentTypeInput = z.infer<typeof AppointmentTypeInputSchema>;
export const AppointmentTypeSchema = z.object({
  id: IdSchema,
  ...AppointmentTypeInputSchema.shape,
  active: z.boolean(),
  version: VersionSchema,
});
export type AppointmentType = z.infer<typeof AppointmentTypeSchema>;

// --- availability ---

export const WeeklyBlockSchema = z
  .strictObject({ weekday: z.int().check(z.minimum(0), z.maximum(6)), start: TimeSchema, end: TimeSchema })
  .check(z.refine((b) => b.start < b.end, { message: 'A block must end after it starts', path: ['end'] }));
export const TemplateInputSchema = z
  .strictObject({
    providerId: IdSchema,
    locationId: IdSchema,
    blocks: z.array(WeeklyBlockSchema).check(z.minLength(1), z.maxLength(35)),
    effectiveFrom: DateSchema,
    effectiveTo: z.optional(DateSchema),
    /** New hours replace the current ones: the provider's other hours here end the day before. */
    replaceCurrent: z.optional(z.boolean()),
  })
  .check(
    z.refine((t) => !t.effectiveTo || t.effectiveFrom <= t.effectiveTo, {
      message: 'Must be on or after the start date',
      path: ['effectiveTo'],
    }),
  );
export type TemplateInput = z.infer<typeof TemplateInputSchema>;
export const TemplateSchema = z.object({
  id: IdSchema,
  ...TemplateInputSchema.shape,
  version: VersionSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

export const EXCEPTION_KINDS = ['time_off', 'holiday', 'closure'] as const;
export const ExceptionInputSchema = z
  .strictObject({
    kind: z.enum(EXCEPTION_KINDS, 'Choose time off, holiday or closure'),
    /** Time off names a provider; a closure names a location; a holiday applies to all. */
    providerId: z.optional(IdSchema),
    locationId: z.optional(IdSchema),
    startDate: DateSchema,
    endDate: DateSchema,
    reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  })
  .check(
    z.refine((e) => e.startDate <= e.endDate, {
      message: 'Must be on or after the start date',
      path: ['endDate'],
    }),
    z.refine((e) => e.kind !== 'time_off' || e.providerId, {
      message: 'Choose the provider',
      path: ['providerId'],
    }),
    z.refine((e) => e.kind !== 'closure' || e.locationId, {
      message: 'Choose the location',
      path: ['locationId'],
    }),
  );
export type ExceptionInput = z.infer<typeof ExceptionInputSchema>;
export const ExceptionSchema = z.object({ id: IdSchema, ...ExceptionInputSchema.shape });
export type ScheduleException = z.infer<typeof ExceptionSchema>;
