import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema } from './common.ts';

/** Payers: their filing windows, contracts and fee schedules, and the scorecard the API answers. */

const Rate = z.nullable(z.number());

/** Days of notice before a contract's renewal when the contract does not say. */
export const DEFAULT_NOTICE_DAYS = 90;

const PayerContractSchema = z
  .strictObject({
    effectiveFrom: DateSchema,
    effectiveTo: z.optional(DateSchema),
    renewalDate: z.optional(DateSchema),
    /** Days before the renewal by which notice must be given to renegotiate or leave. */
    noticeDays: z.optional(
      z.int().check(z.minimum(0, 'Use 0 or more days'), z.maximum(365, 'At most 365 days')),
    ),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'Keep the note under 500 characters'))),
  })
  .check(
    z.refine((c) => !c.effectiveTo || c.effectiveTo > c.effectiveFrom, {
      message: 'The contract must end after it starts',
      path: ['effectiveTo'],
    }),
    z.refine((c) => !c.renewalDate || c.renewalDate > c.effectiveFrom, {
      message: 'The renewal date must come after the start',
      path: ['renewalDate'],
    }),
  );

/** PUT /api/billing/payers/:payerId: the payer's filing windows and its contract. */
export const PayerUpdateSchema = z.strictObject({
  appealDays: z.int().check(z.minimum(1, 'At least 1 day'), z.maximum(365, 'At most 365 days')),
  timelyFilingDays: z.int().check(z.minimum(1, 'At least 1 day'), z.maximum(730, 'At most 730 days')),
  contract: z.optional(z.nullable(PayerContractSchema)),
  version: z.int(),
});
export type PayerUpdate = z.infer<typeof PayerUpdateSchema>;

export const PayerIdParamsSchema = z.object({
  payerId: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,60}$/, 'Not a payer id')),
});

/** A payer with its rules, its contract and how it has paid over the last 12 months. */
export const PayerSchema = z.object({
  id: z.string(),
  name: z.string(),
  appealDays: z.int(),
  timelyFilingDays: z.int(),
  contract: z.optional(
    z.object({
      effectiveFrom: DateSchema,
      effectiveTo: z.optional(DateSchema),
      renewalDate: z.optional(DateSchema),
      noticeDays: z.optional(z.int()),
      note: z.optional(z.string()),
    }),
  ),
  hasFeeSchedule: z.boolean(),
  version: z.int(),
  scorecard: z.object({
    chargesCents: z.int(),
    paymentsCents: z.int(),
    paymentLagDays: Rate,
    denialRate: Rate,
    firstAdjudicated: z.int(),
    /** Priced lines allowed less than the fee schedule ÷ priced lines. */
    underpaymentRate: Rate,
    pricedLines: z.int(),
    underpaidCents: z.int(),
    /** What the payer allowed ÷ what the contract says, over priced lines. */
    percentOfExpected: Rate,
  }),
});
export type Payer = z.infer<typeof PayerSchema>;

/** One fee of a payer's schedule. */
export const FeeSchema = z.object({ code: z.string(), modifier: z.string(), allowedCents: z.int() });
