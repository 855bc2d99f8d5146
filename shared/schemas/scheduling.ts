import * as z from 'zod/mini';
import { DATE_FORMATS, DATE_ORDERS } from '../locale.ts';
import '../validation.ts';
import {
  DateSchema,
  EmailSchema,
  HexColorSchema,
  IdSchema,
  PageQuerySchema,
  PersonNameSchema,
  PhoneSchema,
  VersionSchema,
} from './common.ts';
import { AddressSchema, BrandingSchema } from './tenants.ts';

/** Every booking and template time is a multiple of this: conflicts are checked per slice. */
export const SLICE_MINUTES = 5;
/** Longest bookable visit: provider and room slices must fit one DynamoDB transaction. */
export const MAX_VISIT_MINUTES = 180;

export { DateSchema };
export const TimeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5][05]$/, 'Use a time like 09:30, on a 5-minute mark'));
const Minutes = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

// --- providers, resources, appointment types ---

export const ProviderInputSchema = z.strictObject({
  name: PersonNameSchema,
  title: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  /** The Rounds user this provider signs in as, if any. */
  userId: z.optional(IdSchema),
  color: HexColorSchema,
  locationIds: z.array(IdSchema).check(z.minLength(1, 'Choose at least one location'), z.maxLength(20)),
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

// --- patients ---

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

// --- appointments ---

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

// --- waitlist and recalls ---

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

// --- reminders ---

/** No reminder goes out before 08:00 or from 21:00 local time. */
/** The longest FHIR export, in days: the API reads one day partition per day. */
export const MAX_EXPORT_DAYS = 31;
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
  branding: BrandingSchema,
  locationAddress: AddressSchema,
  locationPhone: z.string(),
});
export const ReminderActionSchema = z.strictObject({ action: z.enum(['confirm', 'cancel', 'opt_out']) });

// --- CSV import ---

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

// --- measures ---

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
