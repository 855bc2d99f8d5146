import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/**
 * HR's wire shapes for leave and accommodation cases (FMLA, ADA, state leave). A case records the
 * person, the kind and reason, the schedule (continuous, intermittent, reduced), the eligibility
 * worked out on the day it opened (shared/hr/leave-eligibility.ts), the leave taken, and the key
 * dates (designation notice, medical certification, expected return). Owners and managers keep
 * cases; case notes (medical detail) are the owner's alone and never part of the personnel record.
 * No other role reaches any of it.
 */

export const LEAVE_KINDS = ['fmla', 'ada', 'state', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = {
  fmla: 'FMLA leave',
  ada: 'ADA accommodation',
  state: 'State leave',
  other: 'Other leave',
};

export const LEAVE_REASONS = [
  'own_health',
  'family_care',
  'new_child',
  'military_family',
  'accommodation',
  'other',
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  own_health: 'Their own serious health condition',
  family_care: 'Caring for a family member',
  new_child: 'Birth, adoption or foster placement',
  military_family: 'A family member’s military service',
  accommodation: 'Workplace accommodation',
  other: 'Other',
};

export const LEAVE_SCHEDULES = ['continuous', 'intermittent', 'reduced'] as const;
export type LeaveSchedule = (typeof LEAVE_SCHEDULES)[number];
export const LEAVE_SCHEDULE_LABELS: Record<LeaveSchedule, string> = {
  continuous: 'Continuous (a block of time)',
  intermittent: 'Intermittent (days or hours as needed)',
  reduced: 'Reduced schedule (fewer hours a day or week)',
};

export const KEY_DATE_KINDS = ['designation_notice', 'certification', 'expected_return'] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];
export const KEY_DATE_LABELS: Record<KeyDateKind, string> = {
  designation_notice: 'Eligibility and rights notice to the person (5 business days after the request)',
  certification: 'Medical certification back from the person (15 days after the request)',
  expected_return: 'Expected return to work',
};

const Hours = (message: string) => z.number(message).check(z.minimum(0, message), z.maximum(8784, message));

/** POST /api/hr/leave-cases: the eligibility figures default to the directory's headcount and an FTE estimate. */
export const LeaveCaseOpenSchema = z
  .strictObject({
    staffId: IdSchema,
    kind: z.enum(LEAVE_KINDS, 'Choose FMLA, ADA, state or other leave'),
    reason: z.enum(LEAVE_REASONS, 'Choose the reason for the leave'),
    schedule: z.enum(LEAVE_SCHEDULES, 'Choose continuous, intermittent or a reduced schedule'),
    /** The day the person asked: the notice and certification dates count from it (default today). */
    requestedOn: z.optional(DateSchema),
    startDate: DateSchema,
    expectedReturnDate: z.optional(DateSchema),
    /** FMLA counts employees within 75 miles of the worksite; default: everyone in the directory. */
    employeesWithin75Miles: z.optional(
      z
        .int('Enter a whole number of employees')
        .check(z.minimum(0, 'Enter a whole number of employees'), z.maximum(100_000, 'At most 100,000')),
    ),
    /** Hours actually worked in the 12 months before the leave; default: estimated from the FTE. */
    hoursWorkedLast12Months: z.optional(Hours('Hours worked are from 0 to 8,784 (a leap year)')),
    /** Earlier service with the practice, in months. */
    priorEmploymentMonths: z.optional(
      z
        .int('Enter whole months')
        .check(z.minimum(0, 'Enter whole months'), z.maximum(600, 'At most 600 months')),
    ),
  })
  .check(
    z.refine((b) => !b.expectedReturnDate || b.expectedReturnDate > b.startDate, {
      message: 'The return date must come after the first day of leave',
      path: ['expectedReturnDate'],
    }),
  );
export type LeaveCaseOpen = z.infer<typeof LeaveCaseOpenSchema>;

/** POST /api/hr/leave-cases/:id/leave: leave taken or scheduled; one day with its hours, or weekdays from start to end. */
export const LeaveEntryAddSchema = z
  .strictObject({
    start: DateSchema,
    end: DateSchema,
    /** Hours each weekday; default: a fifth of the person's usual workweek. */
    hoursPerDay: z.optional(
      z
        .number('Enter hours a day')
        .check(z.minimum(0.25, 'At least a quarter hour'), z.maximum(24, 'At most 24 hours')),
    ),
    version: VersionSchema,
  })
  .check(
    z.refine((b) => b.end >= b.start, {
      message: 'The last day must not be before the first',
      path: ['end'],
    }),
    z.refine((b) => new Date(b.end).getTime() - new Date(b.start).getTime() <= 366 * 86_400_000, {
      message: 'Log at most a year at a time',
      path: ['end'],
    }),
  );
export type LeaveEntryAdd = z.infer<typeof LeaveEntryAddSchema>;

/** POST /api/hr/leave-cases/:id/leave/remove */
export const LeaveEntryRemoveSchema = z.strictObject({ entryId: IdSchema, version: VersionSchema });
export type LeaveEntryRemove = z.infer<typeof LeaveEntryRemoveSchema>;

/** POST /api/hr/leave-cases/:id/key-dates: a notice sent or a certification received (its alert stops). */
export const LeaveKeyDateDoneSchema = z.strictObject({
  kind: z.enum(['designation_notice', 'certification'], 'Choose the notice or the certification'),
  doneOn: DateSchema,
  version: VersionSchema,
});
export type LeaveKeyDateDone = z.infer<typeof LeaveKeyDateDoneSchema>;

/** POST /api/hr/leave-cases/:id/close: the person is back (or the case ends). */
export const LeaveCaseCloseSchema = z.strictObject({ returnDate: DateSchema, version: VersionSchema });
export type LeaveCaseClose = z.infer<typeof LeaveCaseCloseSchema>;

/** POST /api/hr/leave-cases/:id/notes: the owner's confidential note (medical detail belongs here only). */
export const LeaveNoteAddSchema = z.strictObject({
  text: z
    .string('Write the note')
    .check(z.trim(), z.minLength(1, 'Write the note'), z.maxLength(5000, 'At most 5,000 characters')),
});
export type LeaveNoteAdd = z.infer<typeof LeaveNoteAddSchema>;

export const LeaveNoteSchema = z.object({ id: IdSchema, text: z.string(), at: z.string(), by: z.string() });
export type LeaveNote = z.infer<typeof LeaveNoteSchema>;

export const LeaveEntrySchema = z.object({
  id: IdSchema,
  start: DateSchema,
  end: DateSchema,
  hoursPerDay: z.number(),
  /** Weekday hours in the entry (weekends are not counted). */
  hours: z.number(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type LeaveEntry = z.infer<typeof LeaveEntrySchema>;

const ReasonSchema = z.object({ rule: z.string(), met: z.boolean(), detail: z.string() });

export const LeaveEligibilitySchema = z.object({
  /** FMLA, worked out for the first day of leave. */
  fmla: z.object({
    eligible: z.boolean(),
    reasons: z.array(ReasonSchema),
    employeesWithin75Miles: z.int(),
    hoursWorkedLast12Months: z.number(),
    /** The hours were estimated from the FTE (nobody entered the payroll figure). */
    hoursEstimated: z.boolean(),
  }),
  /** ADA Title I covers practices of 15 or more employees. */
  ada: z.object({ covered: z.boolean(), detail: z.string(), employeeCount: z.int() }),
});
export type LeaveEligibility = z.infer<typeof LeaveEligibilitySchema>;

/** The person's FMLA 12 weeks over every FMLA case of theirs, in the 12 months back from today. */
export const LeaveUsageSchema = z.object({
  workweekHours: z.number(),
  entitlementHours: z.number(),
  usedHours: z.number(),
  remainingHours: z.number(),
  weeksUsed: z.number(),
  /** Hours logged for days after today (scheduled, not used yet). */
  scheduledHours: z.number(),
  exhausted: z.boolean(),
  window: z.nullable(z.object({ start: DateSchema, end: DateSchema })),
});
export type LeaveUsage = z.infer<typeof LeaveUsageSchema>;

export const LeaveKeyDateSchema = z.object({
  kind: z.enum(KEY_DATE_KINDS),
  date: DateSchema,
  doneOn: z.optional(DateSchema),
  overdue: z.boolean(),
});
export type LeaveKeyDate = z.infer<typeof LeaveKeyDateSchema>;

export const LeaveCaseSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  kind: z.enum(LEAVE_KINDS),
  reason: z.enum(LEAVE_REASONS),
  schedule: z.enum(LEAVE_SCHEDULES),
  requestedOn: DateSchema,
  startDate: DateSchema,
  expectedReturnDate: z.optional(DateSchema),
  status: z.enum(['open', 'closed']),
  returnDate: z.optional(DateSchema),
  eligibility: LeaveEligibilitySchema,
  entries: z.array(LeaveEntrySchema),
  /** FMLA cases only. */
  usage: z.nullable(LeaveUsageSchema),
  keyDates: z.array(LeaveKeyDateSchema),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.optional(z.string()),
  closedBy: z.optional(z.string()),
  version: z.int(),
});
export type LeaveCase = z.infer<typeof LeaveCaseSchema>;

export const LEAVE_CASE_SORTS = ['startDate', 'name', 'kind'] as const;

/** GET /api/hr/leave-cases */
export const LeaveCaseListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  status: z.optional(z.enum(['open', 'closed', 'all'], 'Show open, closed or all cases')),
  staffId: z.optional(IdSchema),
  sort: z.optional(z.enum(LEAVE_CASE_SORTS, 'Sort by first day, name or kind')),
  dir: z.optional(z.enum(['asc', 'desc'], 'Sort ascending or descending')),
});
export type LeaveCaseListQuery = z.infer<typeof LeaveCaseListQuerySchema>;

/** GET /api/hr/leave-cases/:id/notes */
export const LeaveNotesQuerySchema = z.strictObject({ ...PageQuerySchema.shape });

export const LeaveCaseIdParamsSchema = z.object({ id: IdSchema });
