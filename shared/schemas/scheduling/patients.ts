import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema, EmailSchema, IdSchema, PageQuerySchema, PhoneSchema, VersionSchema } from '../common.ts';

/** A patient's record (the minimum scheduling and billing need), its search and its search results. */

export const CONTACT_PREFERENCES = ['phone', 'sms', 'email', 'none'] as const;
export const PatientInputSchema = z.strictObject({
  firstName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  lastName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  dateOfBirth: DateSchema,
  phone: z.optional(PhoneSchema),
  email: z.optional(EmailSchema),
  preferredContact: z.enum(CONTACT_PREFERENCES, 'Choose how the patient prefers to be contacted'),
  insurancePayer: z.optional(z.string().check(z.trim(), z.maxLength(80))),
  memberId: z.optional(
    z.string().check(z.trim(), z.maxLength(40), z.regex(/^[A-Za-z0-9-]*$/, 'Letters, digits and - only')),
  ),
  eligibilityVerifiedOn: z.optional(DateSchema),
});
export type PatientInput = z.infer<typeof PatientInputSchema>;
export const UpdatePatientSchema = z.strictObject({ ...PatientInputSchema.shape, version: VersionSchema });
export const PatientSchema = z.object({
  id: IdSchema,
  ...PatientInputSchema.shape,
  /** Ids of existing patients with the same name and birth date, flagged at creation. */
  possibleDuplicateOf: z.array(IdSchema),
  /** The patient asked (through a reminder link) to get no more reminders. */
  remindersOptOut: z.optional(z.boolean()),
  version: VersionSchema,
  createdAt: z.string(),
});
export type Patient = z.infer<typeof PatientSchema>;
export const PatientSearchSchema = z.object({
  ...PageQuerySchema.shape,
  /** Start of the last name (case-insensitive). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(60))),
});
export const PatientFindQuerySchema = z.object({
  ...PageQuerySchema.shape,
  /**
   * Last name, "last, first", "first last", a birth date (MM/DD/YYYY or YYYY-MM-DD) or a phone
   * number (7+ digits); read by shared/patient-search.ts.
   */
  q: z.optional(z.string().check(z.trim(), z.maxLength(130))),
});
/** A search result: enough to tell two Smiths apart, not the whole record. */
export const PatientMatchSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: DateSchema,
  phone: z.optional(z.string()),
});
export type PatientMatch = z.infer<typeof PatientMatchSchema>;
