import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema } from './common.ts';

/**
 * A provider's own production: the monthly figures a provider reads of the NPI their login is
 * linked to (billing-credentialing.ts, ProviderLoginSchema). Totals only: no claim, no patient.
 */

/** Said to a provider whose login is not linked to an NPI yet (also the web's words). */
export const UNLINKED_PRODUCTION_MESSAGE =
  'Ask your practice manager to link your login to your NPI on the Credentialing page';

/** GET /api/billing/my-production */
export const MyProductionQuerySchema = z.strictObject({
  months: z.optional(z.enum(['3', '6', '12'], 'Show 3, 6 or 12 months')),
});

const Rate = z.nullable(z.number());
const MonthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** One month of a provider's production (each figure by the date the ledger files it under). */
export const ProductionMonthSchema = z.object({
  month: MonthSchema,
  /** By month of service. */
  chargesCents: z.int(),
  /** By month posted: payer and patient payments. */
  paymentsCents: z.int(),
  /** By month of submission. */
  submittedClaims: z.int(),
  /** By month posted: first adjudications, the denials among them, and their ratio. */
  firstAdjudicated: z.int(),
  deniedFirst: z.int(),
  denialRate: Rate,
  /** By month posted: claims first paid, and the mean days from submission to that payment. */
  paidClaims: z.int(),
  paymentLagDays: Rate,
});
export type ProductionMonth = z.infer<typeof ProductionMonthSchema>;

/** What the provider's NPI is still owed today, by days since the date of service. */
export const ProductionArSchema = z.object({
  asOf: DateSchema,
  totalCents: z.int(),
  /** Bucket names (AGING_BUCKETS), and the cents in each, in the same order. */
  buckets: z.array(z.string()),
  bucketCents: z.array(z.int()),
});

/**
 * The answer: `linked: false` with `message` when the login has no NPI yet (not an error: the page
 * says who can fix it), else the NPI, its months (oldest first) and its A/R.
 */
export const MyProductionSchema = z.object({
  linked: z.boolean(),
  message: z.optional(z.string()),
  npi: z.optional(z.string()),
  providerName: z.optional(z.string()),
  months: z.array(ProductionMonthSchema),
  ar: z.optional(ProductionArSchema),
});
export type MyProduction = z.infer<typeof MyProductionSchema>;
