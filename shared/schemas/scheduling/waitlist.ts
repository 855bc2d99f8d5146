import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from '../common.ts';
import { AppointmentSchema } from './appointments.ts';
import { TimeSchema } from './times.ts';

/** The waitlist (patients wanting an earlier visit) and recalls (patients due for one). */

export const WaitlistInputSchema = z
  .strictObject({
    patientId: IdSchema,
    locationId: IdSchema,
    typeId: IdSchema,
    /** Any of these providers; any provider when absent. */
    providerIds: z.optional(z.array(IdSchema).check(z.minLength(1), z.maxLength(20))),
    /** Acceptable dates, and optionally acceptable hours within them. */
    earliestDate: DateSchema,
    latestDate: DateSchema,
    fromTime: z.optional(TimeSchema),
    toTime: z.optional(TimeSchema),
    note: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  })
  .check(
    z.refine((w) => w.earliestDate <= w.latestDate, {
      message: 'Must be on or after the earliest date',
      path: ['latestDate'],
    }),
    z.refine((w) => !w.fromTime || !w.toTime || w.fromTime < w.toTime, {
      message: 'Must be after the start time',
      path: ['toTime'],
    }),
  );
export type WaitlistInput = z.infer<typeof WaitlistInputSchema>;
export const WAITLIST_STATUSES = ['waiting', 'booked', 'removed'] as const;
export const WaitlistEntrySchema = z.object({
  id: IdSchema,
  ...WaitlistInputSchema.shape,
  patientName: z.string(),
  status: z.enum(WAITLIST_STATUSES),
  /** The visit booked from this entry. */
  appointmentId: z.optional(IdSchema),
  createdAt: z.string(),
  version: VersionSchema,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;
/** A cancellation answers with the waitlist entries that fit the freed time, for the front desk to offer. */
export const CancelResultSchema = z.object({
  ...AppointmentSchema.shape,
  waitlistMatches: z.array(WaitlistEntrySchema),
});

export const RECALL_STATUSES = ['due', 'contacted', 'scheduled', 'closed'] as const;
export const RecallInputSchema = z.strictObject({
  patientId: IdSchema,
  reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  dueDate: DateSchema,
});
export const OUTREACH_CHANNELS = ['phone', 'sms', 'email', 'letter'] as const;
export const RecallOutreachSchema = z.strictObject({
  channel: z.enum(OUTREACH_CHANNELS, 'Choose how you reached the patient'),
  outcome: z.enum(['no_answer', 'left_message', 'will_call', 'scheduled', 'declined'], 'Choose the outcome'),
  note: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  version: VersionSchema,
});
export const RecallSchema = z.object({
  id: IdSchema,
  ...RecallInputSchema.shape,
  patientName: z.string(),
  status: z.enum(RECALL_STATUSES),
  /** The visit that answered the recall, when booking did. */
  appointmentId: z.optional(IdSchema),
  outreach: z.array(
    z.object({
      at: z.string(),
      channel: z.enum(OUTREACH_CHANNELS),
      outcome: z.string(),
      note: z.optional(z.string()),
      by: z.string(),
    }),
  ),
  version: VersionSchema,
});
export type Recall = z.infer<typeof RecallSchema>;
export const RecallQuerySchema = z.object({
  ...PageQuerySchema.shape,
  /** Recalls due on or before this date (default: all open). */
  dueBy: z.optional(DateSchema),
});
