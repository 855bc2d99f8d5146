import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema } from '../common.ts';
import { AddressSchema, BrandingViewSchema } from '../tenants.ts';
import { APPOINTMENT_STATUSES } from './appointments.ts';
import { TimeSchema } from './times.ts';

/** Appointment reminders: when they go out, and what a patient's reminder link shows and does. */

/** No reminder goes out before 08:00 or from 21:00 local time. */
export const QUIET_HOURS = { from: '21:00', until: '08:00' } as const;
export const ReminderSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Hours before the visit, e.g. 72 and 24; at most three rules. */
  hoursBefore: z.array(z.int().check(z.minimum(1), z.maximum(336))).check(z.minLength(1), z.maxLength(3)),
  version: z.int(),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;
export const UpdateReminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  hoursBefore: ReminderSettingsSchema.shape.hoursBefore,
  version: z.int().check(z.minimum(0)),
});
/**
 * What a patient's reminder link shows (no sign-in): the visit, the practice's brand, and the
 * location's address and phone. `date` and `time` are wall-clock at the location, in `timeZone`;
 * the page writes them out with `patientDateTime(date, time, timeZone, locale)` from shared/locale.ts,
 * the same words as the reminder mail.
 */
export const ReminderLinkViewSchema = z.object({
  practiceName: z.string(),
  providerName: z.string(),
  locationName: z.string(),
  date: DateSchema,
  time: TimeSchema,
  status: z.enum(APPOINTMENT_STATUSES),
  /** The location's IANA time zone, e.g. America/New_York. */
  timeZone: z.string(),
  /** The practice's locale (BCP 47, e.g. en-US): dates are written the way its patients read them. */
  locale: z.string(),
  /** The practice's logo and colors: the page wears them instead of Rounds'. */
  branding: BrandingViewSchema,
  locationAddress: AddressSchema,
  locationPhone: z.string(),
});
export const ReminderActionSchema = z.strictObject({ action: z.enum(['confirm', 'cancel', 'opt_out']) });
