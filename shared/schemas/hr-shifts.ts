import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, VersionSchema } from './common.ts';
import { STAFF_ROLES } from './hr.ts';

/**
 * The shift schedule's wire shapes: shifts per location and week, whether the week is published
 * to staff, each location's staffing rules, and the week's coverage against the patients booked.
 */

const TimeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 08:30'));

/** POST /api/hr/shifts */
export const ShiftInputSchema = z
  .strictObject({
    staffId: IdSchema,
    locationId: IdSchema,
    date: DateSchema,
    start: TimeSchema,
    end: TimeSchema,
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, 'At most 200 characters'))),
  })
  .check(z.refine((s) => s.end > s.start, { message: 'The shift must end after it starts', path: ['end'] }));
export type ShiftInput = z.infer<typeof ShiftInputSchema>;

/** PUT /api/hr/shifts/:id: the shift moved or retimed, at the version read. */
export const ShiftUpdateSchema = z
  .strictObject({
    staffId: IdSchema,
    date: DateSchema,
    start: TimeSchema,
    end: TimeSchema,
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, 'At most 200 characters'))),
    version: VersionSchema,
  })
  .check(z.refine((s) => s.end > s.start, { message: 'The shift must end after it starts', path: ['end'] }));
export type ShiftUpdate = z.infer<typeof ShiftUpdateSchema>;

export const ShiftSchema = z.object({
  id: IdSchema,
  staffId: z.string(),
  staffName: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  locationId: z.string(),
  date: DateSchema,
  start: z.string(),
  end: z.string(),
  note: z.optional(z.string()),
  version: z.int(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const ShiftIdParamsSchema = z.object({ id: IdSchema });
/** POST /api/hr/shifts/:id/remove */
export const ShiftRemoveSchema = z.strictObject({ version: VersionSchema });

/** GET /api/hr/shifts?locationId=&weekOf= */
export const ShiftWeekQuerySchema = z.object({ locationId: IdSchema, weekOf: z.optional(DateSchema) });

/** POST /api/hr/shifts/copy-week and /publish: a location's week (any day of it). */
export const ShiftWeekSchema = z.strictObject({ locationId: IdSchema, weekOf: DateSchema });

export const StaffingRuleSchema = z
  .strictObject({
    staffRole: z.enum(STAFF_ROLES, 'Choose a role'),
    perProvider: z.optional(
      z.number().check(z.minimum(0.1, 'At least 0.1 per provider'), z.maximum(10, 'At most 10 per provider')),
    ),
    minimum: z.optional(z.int().check(z.minimum(1, 'At least 1'), z.maximum(50, 'At most 50'))),
    whenBookedOver: z.optional(
      z.int().check(z.minimum(0, 'Cannot be negative'), z.maximum(500, 'At most 500')),
    ),
  })
  .check(
    z.refine((r) => r.perProvider !== undefined || r.minimum !== undefined, {
      message: 'Say how many per provider, or a minimum',
      path: ['minimum'],
    }),
  );
export type StaffingRuleInput = z.infer<typeof StaffingRuleSchema>;

/** PUT /api/hr/staffing-rules/:locationId */
export const StaffingRulesInputSchema = z.strictObject({
  rules: z.array(StaffingRuleSchema).check(z.maxLength(20, 'At most 20 rules')),
  version: z.int().check(z.minimum(0)),
});
export const StaffingRulesSchema = z.object({
  locationId: z.string(),
  rules: z.array(StaffingRuleSchema),
  /** Each rule in words: "1 medical assistant per provider in session". */
  texts: z.array(z.string()),
  version: z.int(),
});
export type StaffingRules = z.infer<typeof StaffingRulesSchema>;
export const LocationParamsSchema = z.object({ locationId: IdSchema });

export const RoleCoverageSchema = z.object({
  staffRole: z.enum(STAFF_ROLES),
  required: z.int(),
  scheduled: z.int(),
  short: z.int(),
});

export const HourCoverageSchema = z.object({
  date: DateSchema,
  hour: z.int(),
  booked: z.int(),
  providers: z.int(),
  roles: z.array(RoleCoverageSchema),
});

/** A location's week: its shifts, who is off, and coverage hour by hour. */
export const ShiftWeekViewSchema = z.object({
  locationId: z.string(),
  weekStart: DateSchema,
  timeZone: z.string(),
  /** Whether staff see this week's shifts (their own, and in their calendar feed). */
  published: z.boolean(),
  publishedAt: z.optional(z.string()),
  publishedBy: z.optional(z.string()),
  shifts: z.array(ShiftSchema),
  /** Approved time off in the week of people who work at the location (names and days). */
  timeOff: z.array(
    z.object({ staffId: z.string(), name: z.string(), startDate: DateSchema, endDate: DateSchema }),
  ),
  /** Every working hour (a provider in session or a visit booked); only owners and managers get it. */
  coverage: z.array(HourCoverageSchema),
  /** Hours where some role is short. */
  gapHours: z.int(),
  rulesText: z.array(z.string()),
});
export type ShiftWeekView = z.infer<typeof ShiftWeekViewSchema>;

/** POST /api/hr/shifts/copy-week answer. */
export const CopyWeekResultSchema = z.object({
  copied: z.int(),
  /** Shifts not copied: the person left, or is off that day. */
  skipped: z.array(z.object({ name: z.string(), date: DateSchema, reason: z.string() })),
});
