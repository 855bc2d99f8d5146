import * as z from 'zod/mini';
import '../../validation.ts';
import { DateSchema, IdSchema, VersionSchema } from '../common.ts';
import { EXCEPTION_KINDS } from './setup.ts';
import { TimeSchema } from './times.ts';

/** Appointments and the day's flow: booking, moves, cancels, the day and week views, the slot finder. */

export const APPOINTMENT_STATUSES = [
  'scheduled',
  'confirmed',
  'arrived',
  'in_room',
  'checked_out',
  'cancelled',
  'no_show',
  'rescheduled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The day's flow, in order; each step may only move forward. */
export const FLOW: readonly AppointmentStatus[] = [
  'scheduled',
  'confirmed',
  'arrived',
  'in_room',
  'checked_out',
];

export const BookingInputSchema = z.strictObject({
  patientId: IdSchema,
  providerId: IdSchema,
  locationId: IdSchema,
  typeId: IdSchema,
  /** Local date and time at the location. */
  date: DateSchema,
  time: TimeSchema,
  roomId: z.optional(IdSchema),
  note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  /** Booking outside the provider's template needs a manager and a reason. */
  override: z.optional(
    z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)) }),
  ),
  /** Booked from this waitlist entry (an offered time): the entry closes as booked in the same step. */
  fromWaitlist: z.optional(z.strictObject({ id: IdSchema, version: VersionSchema })),
});
export type BookingInput = z.infer<typeof BookingInputSchema>;

export const RescheduleInputSchema = z.strictObject({
  date: DateSchema,
  time: TimeSchema,
  providerId: z.optional(IdSchema),
  roomId: z.optional(IdSchema),
  override: BookingInputSchema.shape.override,
  version: VersionSchema,
});
export const CancelInputSchema = z.strictObject({
  by: z.enum(['patient', 'practice']),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  version: VersionSchema,
});
export const StatusInputSchema = z.strictObject({
  status: z.enum(['confirmed', 'arrived', 'in_room', 'checked_out', 'no_show']),
  version: VersionSchema,
});

export const AppointmentSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  patientName: z.string(),
  providerId: IdSchema,
  locationId: IdSchema,
  typeId: IdSchema,
  typeName: z.string(),
  color: z.string(),
  roomId: z.optional(IdSchema),
  date: DateSchema,
  time: TimeSchema,
  endTime: TimeSchema,
  start: z.string(),
  end: z.string(),
  durationMinutes: z.int(),
  /**
   * The visit type's buffers when it was booked: the visit holds its provider and room this long
   * before and after. Absent on visits booked before buffers were kept.
   */
  bufferBeforeMinutes: z.optional(z.int()),
  bufferAfterMinutes: z.optional(z.int()),
  status: z.enum(APPOINTMENT_STATUSES),
  /** When each status was reached (ISO instants). */
  statusTimes: z.record(z.string(), z.string()),
  lateCancel: z.optional(z.boolean()),
  cancelledBy: z.optional(z.enum(['patient', 'practice'])),
  overrideReason: z.optional(z.string()),
  rescheduledFrom: z.optional(IdSchema),
  rescheduledTo: z.optional(IdSchema),
  note: z.optional(z.string()),
  version: VersionSchema,
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const DayQuerySchema = z.object({ locationId: IdSchema, date: DateSchema });
export const DayViewSchema = z.object({
  date: DateSchema,
  locationId: IdSchema,
  timeZone: z.string(),
  appointments: z.array(AppointmentSchema),
});

/** Each provider's working hours at a location on a date (local times), for shading the day grid. */
export const DayHoursSchema = z.object({
  date: DateSchema,
  locationId: IdSchema,
  providers: z.array(
    z.object({
      providerId: IdSchema,
      open: z.array(z.object({ start: TimeSchema, end: TimeSchema })),
      /** Set when time off, a holiday or a closure takes the whole day. */
      closed: z.optional(z.object({ kind: z.enum(EXCEPTION_KINDS), reason: z.string() })),
    }),
  ),
});
export type DayHours = z.infer<typeof DayHoursSchema>;

export const WeekQuerySchema = z.object({ providerId: IdSchema, weekOf: DateSchema });
export const WeekViewSchema = z.object({
  providerId: IdSchema,
  weekStart: DateSchema,
  appointments: z.array(AppointmentSchema),
  /** Monday to Sunday: the provider's open hours (local times, any of their locations), for shading. */
  days: z.array(
    z.object({
      date: DateSchema,
      open: z.array(z.object({ start: TimeSchema, end: TimeSchema })),
      closed: z.optional(z.object({ kind: z.enum(EXCEPTION_KINDS), reason: z.string() })),
    }),
  ),
});

export const SlotQuerySchema = z.object({
  typeId: IdSchema,
  locationId: IdSchema,
  /** Comma-separated provider ids; all providers of the location when absent. */
  providerIds: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+){0,19}$/))),
  from: DateSchema,
  days: z.optional(z.string().check(z.regex(/^([1-9]|[1-2][0-9]|30)$/, 'From 1 to 30 days'))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4][0-9]|50)$/, 'From 1 to 50 slots'))),
});
export const SlotSchema = z.object({
  providerId: IdSchema,
  date: DateSchema,
  time: TimeSchema,
  start: z.string(),
});
export const SlotListSchema = z.object({
  slots: z.array(SlotSchema),
  /** When there are no slots: why, in words the front desk can act on. */
  emptyReason: z.optional(z.string()),
});
export type SlotList = z.infer<typeof SlotListSchema>;
