import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, VersionSchema } from './common.ts';

/**
 * Payroll prep's wire shapes: the practice's pay schedule, pay periods with each person's regular,
 * overtime, PTO and sick hours, the manager's adjustments, the lock, and the CSV exports. Owners and
 * managers only.
 */

export const PAY_FREQUENCIES = ['weekly', 'biweekly', 'semimonthly'] as const;
export const PAY_FREQUENCY_LABELS: Record<(typeof PAY_FREQUENCIES)[number], string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  semimonthly: 'Twice a month (1st–15th and 16th–end)',
};

/** ADP's usual hours codes for vacation and sick time, used when the practice names none. */
export const ADP_DEFAULT_HOURS_CODES = { pto: 'V', sick: 'S' } as const;

// Codes are upper-cased as ADP shows them; letters and digits only, so a code can never carry a
// comma, a quote or a spreadsheet formula into the paydata file.
const AdpHoursCodeSchema = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^[A-Z0-9]{1,3}$/, 'An ADP hours code is 1 to 3 letters or digits, like V or PTO'),
  );

/**
 * The practice's ADP Workforce Now account, for the paydata export: its 3-character company code
 * ("Co Code") and the hours codes its ADP account uses for paid time off and sick time.
 */
export const AdpSettingsSchema = z.strictObject({
  companyCode: z
    .string('Enter the ADP company code')
    .check(
      z.trim(),
      z.toUpperCase(),
      z.regex(/^[A-Z0-9]{3}$/, 'The ADP company code is exactly 3 letters or digits, like K7Q'),
    ),
  ptoCode: z.optional(AdpHoursCodeSchema),
  sickCode: z.optional(AdpHoursCodeSchema),
});
export type AdpSettings = z.infer<typeof AdpSettingsSchema>;

/**
 * PUT /api/hr/payroll/schedule (version 0 the first time): the practice's payroll settings, the
 * pay schedule and, for the ADP export, its ADP account (left out: no ADP account on record).
 */
export const PayScheduleInputSchema = z
  .strictObject({
    frequency: z.enum(PAY_FREQUENCIES, 'Choose how often the practice pays'),
    anchorDate: z.optional(DateSchema),
    adp: z.optional(AdpSettingsSchema),
    version: z.int().check(z.minimum(0)),
  })
  .check(
    z.refine((s) => s.frequency === 'semimonthly' || s.anchorDate !== undefined, {
      message: 'Enter the first day of any one pay period',
      path: ['anchorDate'],
    }),
  );
export type PayScheduleInput = z.infer<typeof PayScheduleInputSchema>;

export const PayScheduleSchema = z.object({
  frequency: z.enum(PAY_FREQUENCIES),
  anchorDate: z.optional(DateSchema),
  adp: z.optional(
    z.object({ companyCode: z.string(), ptoCode: z.optional(z.string()), sickCode: z.optional(z.string()) }),
  ),
  /** 0 while the practice has not saved one (Rounds' default is shown). */
  version: z.int(),
  text: z.string(),
  /** The schedule's period holding today and the three before it: the ones a manager may open. */
  recent: z.array(z.object({ start: DateSchema, end: DateSchema, opened: z.boolean() })),
});
export type PaySchedule = z.infer<typeof PayScheduleSchema>;

export const PERIOD_STATUSES = ['open', 'locked'] as const;

export const PayPeriodSummarySchema = z.object({
  id: z.string(),
  start: DateSchema,
  end: DateSchema,
  status: z.enum(PERIOD_STATUSES),
  lockedAt: z.optional(z.string()),
  lockedBy: z.optional(z.string()),
  /** Whether the period has ended (only an ended period may be locked). */
  ended: z.boolean(),
});
export type PayPeriodSummary = z.infer<typeof PayPeriodSummarySchema>;

export const PayrollLineSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string(),
  payType: z.enum(['hourly', 'salary']),
  rateCents: z.optional(z.int()),
  regularHours: z.number(),
  overtimeHours: z.number(),
  ptoHours: z.number(),
  sickHours: z.number(),
  adjustmentHours: z.number(),
});
export type PayrollLineDto = z.infer<typeof PayrollLineSchema>;

export const PayrollAdjustmentSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  name: z.string(),
  hours: z.number(),
  reason: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type PayrollAdjustment = z.infer<typeof PayrollAdjustmentSchema>;

/** One attendance entry as the period shows it (owners and managers). */
export const PeriodShiftSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  date: DateSchema,
  start: z.string(),
  end: z.string(),
  hours: z.number(),
  lateMinutes: z.optional(z.int()),
  earlyMinutes: z.optional(z.int()),
  noShow: z.optional(z.boolean()),
  attendanceVersion: z.optional(z.int()),
  note: z.optional(z.string()),
});

export const PayPeriodDetailSchema = z.object({
  ...PayPeriodSummarySchema.shape,
  frequency: z.enum(PAY_FREQUENCIES),
  lines: z.array(PayrollLineSchema),
  totals: z.object({
    regularHours: z.number(),
    overtimeHours: z.number(),
    ptoHours: z.number(),
    sickHours: z.number(),
  }),
  adjustments: z.array(PayrollAdjustmentSchema),
  /** The period's shifts with their attendance (open periods only; a locked period is its snapshot). */
  shifts: z.array(PeriodShiftSchema),
  version: z.int(),
});
export type PayPeriodDetail = z.infer<typeof PayPeriodDetailSchema>;

/** A period's id is its first day. */
export const PeriodParamsSchema = z.object({ id: DateSchema });

/** POST /api/hr/payroll/periods: open the schedule's period starting `start`. */
export const OpenPeriodSchema = z.strictObject({ start: DateSchema });

/** POST /api/hr/payroll/periods/:id/adjustments/remove */
export const AdjustmentRemoveSchema = z.strictObject({ adjustmentId: IdSchema, version: VersionSchema });

/** POST /api/hr/payroll/periods/:id/adjustments */
export const PayrollAdjustmentInputSchema = z.strictObject({
  staffId: IdSchema,
  hours: z.number('Enter the hours (negative to take hours off)').check(
    z.minimum(-200, 'At most 200 hours either way'),
    z.maximum(200, 'At most 200 hours either way'),
    z.refine((h) => h !== 0, 'Enter hours other than 0'),
    z.refine((h) => Math.round(h * 100) === h * 100, 'At most two decimals'),
  ),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, 'Say why (at least 3 characters)'),
      z.maxLength(300, 'At most 300 characters'),
    ),
  version: VersionSchema,
});
export type PayrollAdjustmentInput = z.infer<typeof PayrollAdjustmentInputSchema>;

/** POST /api/hr/payroll/periods/:id/lock: the period at the version read. */
export const PeriodVersionSchema = z.strictObject({ version: VersionSchema });

export const EXPORT_LAYOUTS = ['generic', 'gusto', 'adp_wfn'] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];
export const EXPORT_LAYOUT_LABELS: Record<ExportLayout, string> = {
  generic: 'Generic CSV',
  gusto: 'Gusto hours import',
  adp_wfn: 'ADP Workforce Now paydata',
};
/** GET /api/hr/payroll/periods/:id/export?layout= (generic by default). */
export const ExportQuerySchema = z.strictObject({
  layout: z.optional(z.enum(EXPORT_LAYOUTS, 'Choose generic, gusto or adp_wfn')),
});
export const PayrollExportSchema = z.object({ fileName: z.string(), csv: z.string() });
