import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, PageQuerySchema } from './common.ts';

/**
 * Billing oversight's wire shapes. Money is integer cents on the wire too (the web formats it), so
 * totals the API sends add up exactly to what the remittance said.
 */

/** Where a claim stands, from the manager's point of view. */
export const CLAIM_STATES = ['submitted', 'partial', 'denied', 'appealed', 'patient', 'closed'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  submitted: 'Awaiting payer',
  partial: 'Partly paid',
  denied: 'Denied',
  appealed: 'Appealed',
  patient: 'Patient balance',
  closed: 'Closed',
};

/** A claim id as the billing system wrote it (CLP01 / CLM01): up to 38 characters, no spaces. */
export const ClaimIdSchema = z
  .string()
  .check(
    z.minLength(1, 'Required'),
    z.maxLength(38, 'A claim id has at most 38 characters'),
    z.regex(/^[!-~]+$/, 'Use letters, digits and punctuation, no spaces'),
  );

export const AdjustmentSchema = z.object({
  group: z.enum(['CO', 'PR', 'OA', 'PI', 'CR']),
  reason: z.string(),
  amountCents: z.int(),
  /** The reason in plain words. */
  reasonText: z.string(),
});
export type AdjustmentDto = z.infer<typeof AdjustmentSchema>;

export const ClaimLineSchema = z.object({
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number(),
  serviceDate: z.optional(DateSchema),
  chargeCents: z.int(),
  paidCents: z.int(),
  allowedCents: z.optional(z.int()),
  /** The payer's fee schedule amount for the line (fee × units), when it prices the code. */
  expectedCents: z.optional(z.int()),
  /** How much less than expected the payer allowed. */
  underpaidCents: z.optional(z.int()),
});

/** A claim in a list: who, whom, when, how much, where it stands. */
export const ClaimSchema = z.object({
  id: z.string(),
  patientName: z.string(),
  payerId: z.string(),
  payerName: z.string(),
  providerNpi: z.optional(z.string()),
  providerName: z.optional(z.string()),
  locationId: z.optional(z.string()),
  serviceDate: DateSchema,
  submittedDate: z.optional(DateSchema),
  chargeCents: z.int(),
  paidCents: z.int(),
  adjustedCents: z.int(),
  /** What the payer still owes (or, for a denied claim, what the denial is holding). */
  insuranceBalanceCents: z.int(),
  /** What the patient owes after their payments. */
  patientBalanceCents: z.int(),
  state: z.enum(CLAIM_STATES),
  /** Denial reasons (CARC) of the latest adjudication when it denied the claim. */
  denialReasons: z.array(z.string()),
  /** A denial the front desk could have prevented (eligibility, authorization, registration). */
  preventable: z.boolean(),
  assignee: z.optional(z.object({ id: z.string(), name: z.string() })),
  followUpDate: z.optional(DateSchema),
  lastActivityAt: z.string(),
  /** The provider was not in network with the payer on the date of service, in words. */
  credentialingIssue: z.optional(z.string()),
  /** Σ of the lines' shortfalls against the payer's fee schedule, when any line was priced. */
  underpaidCents: z.optional(z.int()),
  version: z.int(),
});
export type ClaimDto = z.infer<typeof ClaimSchema>;

/** One event on a claim's timeline. */
export const ClaimEventSchema = z.object({
  at: z.string(),
  kind: z.enum([
    'service',
    'submitted',
    'paid',
    'denied',
    'reversed',
    'adjusted',
    'patient_balance',
    'appealed',
    'appeal_outcome',
    'follow_up',
    'assigned',
    'written_off',
    'patient_paid',
  ]),
  summary: z.string(),
  amountCents: z.optional(z.int()),
  by: z.optional(z.string()),
});
export type ClaimEvent = z.infer<typeof ClaimEventSchema>;

/** One remittance's part in a claim (a CLP loop). */
export const ClaimPaymentSchema = z.object({
  traceNumber: z.string(),
  paymentDate: DateSchema,
  statusCode: z.string(),
  statusText: z.string(),
  chargeCents: z.int(),
  paidCents: z.int(),
  patientResponsibilityCents: z.int(),
  payerClaimNumber: z.optional(z.string()),
  adjustments: z.array(AdjustmentSchema),
  remarks: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const ClaimDetailSchema = z.object({
  claim: ClaimSchema,
  patient: z.object({
    lastName: z.string(),
    firstName: z.optional(z.string()),
    birthDate: z.optional(DateSchema),
    memberId: z.optional(z.string()),
  }),
  lines: z.array(ClaimLineSchema),
  payments: z.array(ClaimPaymentSchema),
  events: z.array(ClaimEventSchema),
  /** While unpaid (awaiting the payer, or denied and not appealed): the payer's timely-filing limit. */
  filing: z.optional(z.object({ deadline: DateSchema, days: z.int(), daysLeft: z.int() })),
});
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;

export const CLAIM_SORTS = ['service', 'balance'] as const;

/** True for a day the calendar has (the format check alone lets 2026-02-31 through). */
const isCalendarDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const serviceDay = (which: 'first' | 'last') =>
  z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${which} date of service like 2026-09-01 (year, month, day)`),
    z.refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || isCalendarDay(d), 'This date is not on the calendar'),
  );

/** GET /api/billing/claims */
export const ClaimListQuerySchema = z
  .extend(PageQuerySchema, {
    state: z.optional(z.enum([...CLAIM_STATES, 'open'], 'Choose a claim state')),
    payer: z.optional(z.string().check(z.maxLength(80))),
    provider: z.optional(z.string().check(z.maxLength(80))),
    /** A location id, or `-` for claims whose location is not known (as in the breakdowns). */
    location: z.optional(z.string().check(z.maxLength(80))),
    q: z.optional(z.string().check(z.maxLength(80))),
    sort: z.optional(z.enum(['oldest', 'newest'], 'Sort by oldest or newest')),
    /** Claims with a date of service on or after this day (YYYY-MM-DD). */
    serviceFrom: z.optional(serviceDay('first')),
    /** Claims with a date of service on or before this day (YYYY-MM-DD). */
    serviceTo: z.optional(serviceDay('last')),
  })
  .check(
    z.refine((q) => !q.serviceFrom || !q.serviceTo || q.serviceFrom <= q.serviceTo, {
      message: 'The first date of service is after the last one: swap them',
      path: ['serviceTo'],
    }),
  );
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;

export const ClaimIdParamsSchema = z.object({ id: ClaimIdSchema });

/** POST /api/billing/remittances/preview and /import: an 835 file's text. */
export const X12UploadSchema = z.strictObject({
  fileName: z.optional(z.string().check(z.maxLength(200))),
  text: z
    .string()
    .check(
      z.minLength(1, 'The file is empty'),
      z.maxLength(5_000_000, 'The file is larger than 5 MB; ask the billing system for one file per payment'),
      z.regex(/^\uFEFF?\s*ISA/, 'This is not an X12 file: an 835 or 837 starts with "ISA"'),
    ),
});
export type X12Upload = z.infer<typeof X12UploadSchema>;

export const ProblemSchema = z.object({ segment: z.int(), segmentId: z.string(), message: z.string() });

/** What an 835 holds, before anything is written. */
export const RemittancePreviewSchema = z.object({
  remittances: z.array(
    z.object({
      traceNumber: z.string(),
      payerId: z.string(),
      payerName: z.string(),
      paymentDate: DateSchema,
      paymentCents: z.int(),
      paymentMethod: z.string(),
      claims: z.int(),
      /** Claims Rounds already knows (from an 837, a CSV or an earlier remittance). */
      knownClaims: z.int(),
      denied: z.int(),
      reversals: z.int(),
      providerAdjustmentsCents: z.int(),
      /** Imported before (same payer and trace number): importing it again changes nothing. */
      alreadyImported: z.boolean(),
    }),
  ),
  problems: z.array(ProblemSchema),
});
export type RemittancePreview = z.infer<typeof RemittancePreviewSchema>;

export const RemittanceImportResultSchema = z.object({
  imported: z.int(),
  skipped: z.int(),
  claims: z.int(),
  paymentCents: z.int(),
});
export type RemittanceImportResult = z.infer<typeof RemittanceImportResultSchema>;

/** A remittance as listed. */
export const RemittanceSchema = z.object({
  id: z.string(),
  traceNumber: z.string(),
  payerId: z.string(),
  payerName: z.string(),
  paymentDate: DateSchema,
  paymentCents: z.int(),
  paymentMethod: z.string(),
  claims: z.int(),
  fileName: z.optional(z.string()),
  importedAt: z.string(),
  importedBy: z.string(),
});

const MonthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-03'));

/** GET /api/billing/dashboard */
export const DashboardQuerySchema = z.strictObject({
  month: z.optional(MonthSchema),
  months: z.optional(z.string().check(z.regex(/^([1-9]|1[0-9]|2[0-4])$/, 'Show 1 to 24 months'))),
  payer: z.optional(z.string().check(z.maxLength(80))),
  provider: z.optional(z.string().check(z.maxLength(80))),
  location: z.optional(z.string().check(z.maxLength(80))),
});

const Rate = z.nullable(z.number());
export const KpiMonthSchema = z.object({
  month: MonthSchema,
  chargesCents: z.int(),
  paymentsCents: z.int(),
  arCents: z.int(),
  daysInAr: Rate,
  arOver90: Rate,
  arOver120: Rate,
  netCollectionRate: Rate,
  grossCollectionRate: Rate,
  denialRate: Rate,
  denialRateDollars: Rate,
  firstPassRate: Rate,
  billingLagDays: Rate,
  paymentLagDays: Rate,
  claims: z.int(),
  deniedFirst: z.int(),
  firstAdjudicated: z.int(),
});
export type KpiMonth = z.infer<typeof KpiMonthSchema>;

const BreakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  chargesCents: z.int(),
  paymentsCents: z.int(),
  denialRate: Rate,
  netCollectionRate: Rate,
  /** The counts behind the rates: claims by month of service, first adjudications and denials among them. */
  claims: z.int(),
  firstAdjudicated: z.int(),
  deniedFirst: z.int(),
});

export const DashboardSchema = z.object({
  /** Oldest first, ending with the chosen month. */
  months: z.array(KpiMonthSchema),
  byPayer: z.array(BreakdownRow),
  byProvider: z.array(BreakdownRow),
  byLocation: z.array(BreakdownRow),
  payers: z.array(z.object({ id: z.string(), name: z.string() })),
  providers: z.array(z.object({ npi: z.string(), name: z.string() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
export const AgingRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  buckets: z.array(z.int()),
  totalCents: z.int(),
});
export const AgingQuerySchema = z.strictObject({
  by: z.optional(z.enum(['payer', 'provider', 'location'], 'Group by payer, provider or location')),
});
export const AgingSchema = z.object({
  asOf: DateSchema,
  by: z.enum(['payer', 'provider', 'location']),
  buckets: z.array(z.string()),
  rows: z.array(AgingRowSchema),
  insurance: AgingRowSchema,
  patient: AgingRowSchema,
  total: AgingRowSchema,
});
export type Aging = z.infer<typeof AgingSchema>;

/** POST /api/billing/claims/:id/assign: who follows the claim up, and by when. */
export const ClaimAssignSchema = z.strictObject({
  assigneeId: z.string().check(z.minLength(1, 'Choose who follows it up'), z.maxLength(64)),
  followUpDate: DateSchema,
  note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'Keep the note under 500 characters'))),
  version: z.int(),
});
export type ClaimAssign = z.infer<typeof ClaimAssignSchema>;

export const FOLLOW_UP_ACTIONS = ['note', 'appealed', 'appeal_won', 'appeal_lost', 'written_off'] as const;
export const FOLLOW_UP_LABELS: Record<(typeof FOLLOW_UP_ACTIONS)[number], string> = {
  note: 'Worked it (called, checked the portal, resubmitted)',
  appealed: 'Sent an appeal',
  appeal_won: 'Appeal won (payment expected)',
  appeal_lost: 'Appeal lost',
  written_off: 'Wrote off the balance',
};
/** POST /api/billing/claims/:id/follow-ups: what was done, and when to look again (if ever). */
export const ClaimFollowUpSchema = z.strictObject({
  action: z.enum(FOLLOW_UP_ACTIONS, 'Choose what you did'),
  note: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Say what was done'),
      z.maxLength(1000, 'Keep the note under 1,000 characters'),
    ),
  nextFollowUpDate: z.optional(DateSchema),
  version: z.int(),
});
export type ClaimFollowUp = z.infer<typeof ClaimFollowUpSchema>;

/** What an 837P batch holds, before anything is written. */
export const ClaimBatchPreviewSchema = z.object({
  problems: z.array(ProblemSchema),
  claims: z.int(),
  chargeCents: z.int(),
  /** Claims Rounds has not seen before. */
  newClaims: z.int(),
  /** Claims already submitted (importing them again changes nothing). */
  alreadySubmitted: z.int(),
  payers: z.array(z.string()),
});
export type ClaimBatchPreview = z.infer<typeof ClaimBatchPreviewSchema>;

export const ClaimBatchResultSchema = z.object({ imported: z.int(), skipped: z.int(), chargeCents: z.int() });
export type ClaimBatchResult = z.infer<typeof ClaimBatchResultSchema>;

/** GET /api/billing/directory: the payers and rendering providers seen on claims, for filters. */
export const BillingDirectorySchema = z.object({
  payers: z.array(z.object({ id: z.string(), name: z.string() })),
  providers: z.array(z.object({ npi: z.string(), name: z.string() })),
});
