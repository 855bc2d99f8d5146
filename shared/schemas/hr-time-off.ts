import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/**
 * Time off's wire shapes: the practice's policies (how PTO and sick leave are earned), requests and
 * their decisions, and balances projected to a date (what the balance will be on the first day off).
 */

export const TIME_OFF_KINDS = ['pto', 'sick'] as const;
export type TimeOffKind = (typeof TIME_OFF_KINDS)[number];
export const TIME_OFF_KIND_LABELS: Record<TimeOffKind, string> = {
  pto: 'Paid time off',
  sick: 'Sick leave',
};

export const PAY_PERIODS = ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const;
export const PAY_PERIOD_LABELS: Record<(typeof PAY_PERIODS)[number], string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  semimonthly: 'Twice a month (15th and last day)',
  monthly: 'Monthly',
};

const Hours = (what: string, max = 2000) =>
  z
    .number()
    .check(z.minimum(0, `${what} cannot be negative`), z.maximum(max, `${what} is at most ${max} hours`));

/** PUT /api/hr/time-off/policies: how one kind of time off is earned and capped. */
export const TimeOffPolicyInputSchema = z
  .strictObject({
    kind: z.enum(TIME_OFF_KINDS, 'Choose paid time off or sick leave'),
    method: z.enum(['per_hour_worked', 'per_pay_period'], 'Choose how hours are earned'),
    /** "1 hour for every N hours worked": N. */
    hoursWorkedPerHour: z.optional(
      z.number().check(z.minimum(1, 'At least 1 hour worked per hour earned'), z.maximum(500, 'At most 500')),
    ),
    hoursPerPeriod: z.optional(Hours('Hours per pay period', 80)),
    payPeriod: z.optional(z.enum(PAY_PERIODS, 'Choose a pay period')),
    payPeriodAnchor: z.optional(DateSchema),
    yearlyCapHours: z.optional(Hours('The yearly cap')),
    balanceCapHours: z.optional(Hours('The balance cap')),
    carryoverCapHours: z.optional(Hours('The carryover cap')),
    waitingPeriodDays: z.int().check(z.minimum(0, 'Cannot be negative'), z.maximum(730, 'At most 730 days')),
    planYearStart: z
      .string()
      .check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use a month and day like 01-01')),
    version: z.int().check(z.minimum(0)),
  })
  .check(
    z.refine((p) => p.method !== 'per_hour_worked' || p.hoursWorkedPerHour !== undefined, {
      message: 'Say how many hours worked earn one hour',
      path: ['hoursWorkedPerHour'],
    }),
    z.refine((p) => p.method !== 'per_pay_period' || p.hoursPerPeriod !== undefined, {
      message: 'Say how many hours each pay period earns',
      path: ['hoursPerPeriod'],
    }),
    z.refine((p) => p.method !== 'per_pay_period' || p.payPeriod !== undefined, {
      message: 'Choose a pay period',
      path: ['payPeriod'],
    }),
  );
export type TimeOffPolicyInput = z.infer<typeof TimeOffPolicyInputSchema>;

export const TimeOffPolicySchema = z.object({
  kind: z.enum(TIME_OFF_KINDS),
  method: z.enum(['per_hour_worked', 'per_pay_period']),
  hoursWorkedPerHour: z.optional(z.number()),
  hoursPerPeriod: z.optional(z.number()),
  payPeriod: z.optional(z.enum(PAY_PERIODS)),
  payPeriodAnchor: z.optional(DateSchema),
  yearlyCapHours: z.optional(z.number()),
  balanceCapHours: z.optional(z.number()),
  carryoverCapHours: z.optional(z.number()),
  waitingPeriodDays: z.int(),
  planYearStart: z.string(),
  /** The policy in one sentence: "1 hour for every 30 hours worked, up to 40 hours a year…". */
  text: z.string(),
  /** 0 while the practice still runs on Rounds' starting policy. */
  version: z.int(),
});
export type TimeOffPolicy = z.infer<typeof TimeOffPolicySchema>;
export const TimeOffPoliciesSchema = z.object({ items: z.array(TimeOffPolicySchema) });

/** POST /api/hr/time-off/requests: staff ask for themselves; a manager may enter one for anyone. */
export const TimeOffRequestInputSchema = z
  .strictObject({
    staffId: z.optional(IdSchema),
    kind: z.enum(TIME_OFF_KINDS, 'Choose paid time off or sick leave'),
    startDate: DateSchema,
    endDate: DateSchema,
    hours: z.number().check(z.minimum(0.25, 'At least a quarter hour'), z.maximum(480, 'At most 480 hours')),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'At most 500 characters'))),
  })
  .check(
    z.refine((r) => r.endDate >= r.startDate, {
      message: 'The last day cannot be before the first',
      path: ['endDate'],
    }),
  );
export type TimeOffRequestInput = z.infer<typeof TimeOffRequestInputSchema>;

export const TIME_OFF_STATUSES = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type TimeOffStatus = (typeof TIME_OFF_STATUSES)[number];
export const TIME_OFF_STATUS_LABELS: Record<TimeOffStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

/** Someone else in the same role and location already off on one of the days asked for. */
export const TimeOffOverlapSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  status: z.enum(TIME_OFF_STATUSES),
});

export const TimeOffRequestSchema = z.object({
  id: IdSchema,
  staffId: z.string(),
  staffName: z.string(),
  kind: z.enum(TIME_OFF_KINDS),
  startDate: DateSchema,
  endDate: DateSchema,
  hours: z.number(),
  note: z.optional(z.string()),
  status: z.enum(TIME_OFF_STATUSES),
  requestedAt: z.string(),
  requestedBy: z.string(),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  decisionNote: z.optional(z.string()),
  version: z.int(),
});
export type TimeOffRequest = z.infer<typeof TimeOffRequestSchema>;

/** A request with what deciding it needs: the balance on its first day and who else is off. */
export const TimeOffRequestDetailSchema = z.extend(TimeOffRequestSchema, {
  /** The balance projected to the day before the first day off, with every approved request counted. */
  balanceBefore: z.number(),
  /** And after this request, were it approved (negative: it overdraws the balance). */
  balanceAfter: z.number(),
  overlaps: z.array(TimeOffOverlapSchema),
  /**
   * For owners and managers: the days off on which the person has a shift and their role would be
   * short of the location's staffing rules, with the hours short (empty for anyone else).
   */
  coverageGaps: z.array(
    z.object({
      date: DateSchema,
      locationId: z.string(),
      locationName: z.string(),
      hours: z.int(),
      from: z.string(),
      to: z.string(),
    }),
  ),
});
export type TimeOffRequestDetail = z.infer<typeof TimeOffRequestDetailSchema>;

/** GET /api/hr/time-off/requests */
export const TimeOffListQuerySchema = z.extend(PageQuerySchema, {
  status: z.optional(z.enum([...TIME_OFF_STATUSES, 'all'], 'Choose a status')),
  /** Only requests of this person (staff see only their own anyway). */
  staffId: z.optional(IdSchema),
  /** Requests whose first day is on or after this date. */
  from: z.optional(DateSchema),
  to: z.optional(DateSchema),
});
export type TimeOffListQuery = z.infer<typeof TimeOffListQuerySchema>;

export const TimeOffIdParamsSchema = z.object({ id: IdSchema });

/** POST /api/hr/time-off/requests/:id/decision */
export const TimeOffDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'decline'], 'Approve or decline'),
  note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'At most 500 characters'))),
  version: VersionSchema,
});
export type TimeOffDecision = z.infer<typeof TimeOffDecisionSchema>;

export const TimeOffCancelSchema = z.strictObject({ version: VersionSchema });

const OpeningSchema = z.strictObject({
  date: DateSchema,
  hours: z.number().check(z.minimum(-500, 'At least −500 hours'), z.maximum(2000, 'At most 2,000 hours')),
});

/**
 * PUT /api/hr/time-off/balances/:staffId/opening: the balances carried in from before Rounds (the
 * old system's or payroll's figure on a date); accrual runs from there instead of from the hire date.
 */
export const TimeOffOpeningInputSchema = z
  .strictObject({
    pto: z.optional(OpeningSchema),
    sick: z.optional(OpeningSchema),
  })
  .check(z.refine((o) => Boolean(o.pto || o.sick), 'Give a PTO or a sick-leave balance to carry in'));
export type TimeOffOpeningInput = z.infer<typeof TimeOffOpeningInputSchema>;

/** GET /api/hr/time-off/balances/:staffId?on= */
export const TimeOffBalanceQuerySchema = z.object({ on: z.optional(DateSchema) });
export const TimeOffStaffParamsSchema = z.object({ staffId: IdSchema });

export const TimeOffBalanceSchema = z.object({
  kind: z.enum(TIME_OFF_KINDS),
  /** The balance at the end of today. */
  today: z.number(),
  /** At the end of `on`, with approved time off until then taken and expected hours earning. */
  onDate: z.number(),
  /** Hours approved from tomorrow on. */
  approvedAhead: z.number(),
  /** Hours asked for and not yet decided. */
  pending: z.number(),
  /** Hours a cap kept from accruing this plan year. */
  cappedHours: z.number(),
  policyText: z.string(),
});
export const TimeOffBalancesSchema = z.object({
  staffId: z.string(),
  /** Balances carried in from before Rounds, per kind, if any. */
  openings: z.object({ pto: z.optional(OpeningSchema), sick: z.optional(OpeningSchema) }),
  name: z.string(),
  on: DateSchema,
  today: DateSchema,
  /** Hours a week assumed worked where no shift is recorded (after the last one): 40 × FTE. */
  assumedWeeklyHours: z.number(),
  /** The last day hours worked come from the shift schedule; none when no shift is recorded. */
  shiftsThrough: z.optional(DateSchema),
  balances: z.array(TimeOffBalanceSchema),
});
export type TimeOffBalances = z.infer<typeof TimeOffBalancesSchema>;
