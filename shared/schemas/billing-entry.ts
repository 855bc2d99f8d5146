import * as z from 'zod/mini';
import '../validation.ts';
import { parseCents } from '../x12/x12-segments.ts';
import { ClaimIdSchema } from './billing.ts';
import { NpiSchema, PayerIdSchema } from './billing-credentialing.ts';
import { DateSchema } from './common.ts';

/**
 * Billing entered by hand or read from a practice's CSV exports: a claim with its service lines, and
 * a patient payment. The API validates with these, the web's forms too, and the CSV import checks
 * each row's claim and line against them, so a typed claim and an imported one obey the same rules.
 */

/** Money as people and spreadsheets write it ("$1,234.50", "1234.5", "(20.00)") in cents; null if not money. */
export function readMoney(text: string): number | null {
  const plain = text.trim().replace(/[$,\s]/g, '');
  const negative = /^\(.*\)$/.test(plain);
  const cents = parseCents(negative ? plain.slice(1, -1) : plain);
  if (cents === null) return null;
  return negative ? -cents : cents;
}

/** The most lines a claim typed by hand has (a paper CMS-1500 holds six; a long visit a few more). */
export const MAX_ENTRY_LINES = 20;

const text = (max: number, what: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${what} has at most ${max} characters`));
const required = (max: number, what: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'Required'), z.maxLength(max, `${what} has at most ${max} characters`));

/** CPT or HCPCS Level II: five letters or digits (99213, G0439, J3301). */
export const ProcedureCodeSchema = z
  .string()
  .check(z.regex(/^[A-Z0-9]{5}$/, 'A CPT or HCPCS code is 5 letters or digits, like 99213 or G0439'));

export const ModifierSchema = z
  .string()
  .check(z.regex(/^[A-Z0-9]{2}$/, 'A modifier is 2 letters or digits, like 25 or LT'));

/** One service line: what was done, on which day, how many units, for how much. */
export const ClaimLineEntrySchema = z.strictObject({
  code: ProcedureCodeSchema,
  modifiers: z.array(ModifierSchema).check(z.maxLength(4, 'A line has at most 4 modifiers')),
  units: z
    .int('Units are a whole number')
    .check(z.minimum(1, 'At least 1 unit'), z.maximum(999, 'At most 999 units')),
  serviceDate: DateSchema,
  chargeCents: z
    .int('Enter the charge in dollars and cents')
    .check(
      z.minimum(1, 'The charge must be more than $0'),
      z.maximum(100_000_000, 'The charge is over $1,000,000'),
    ),
});
export type ClaimLineEntry = z.infer<typeof ClaimLineEntrySchema>;

/** Who the claim is for, whom it was sent to, who rendered the care, and when it was sent. */
export const ClaimHeaderEntrySchema = z.strictObject({
  claimId: ClaimIdSchema,
  patient: z.strictObject({
    lastName: required(60, 'A last name'),
    firstName: z.optional(text(60, 'A first name')),
    birthDate: z.optional(DateSchema),
    memberId: z.optional(text(40, 'A member id')),
  }),
  /** The payer's id as the billing system names it; without one, the name stands in for it. */
  payer: z.strictObject({ id: z.optional(PayerIdSchema), name: required(80, 'A payer name') }),
  provider: z.optional(z.strictObject({ npi: NpiSchema, name: z.optional(text(80, 'A provider name')) })),
  locationId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** The day the claim was sent to the payer. */
  submittedDate: DateSchema,
});
export type ClaimHeaderEntry = z.infer<typeof ClaimHeaderEntrySchema>;

/** POST /api/billing/claims: a claim typed in by a practice without a billing system's exports. */
export const ClaimEntrySchema = z.strictObject({
  ...ClaimHeaderEntrySchema.shape,
  lines: z
    .array(ClaimLineEntrySchema)
    .check(
      z.minLength(1, 'Add at least one service line'),
      z.maxLength(MAX_ENTRY_LINES, `A claim has at most ${MAX_ENTRY_LINES} lines`),
    ),
});
export type ClaimEntry = z.infer<typeof ClaimEntrySchema>;

export const PAYMENT_METHODS = ['cash', 'card', 'check'] as const;
export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  cash: 'Cash',
  card: 'Card',
  check: 'Check',
};

/** POST /api/billing/claims/:id/patient-payments: money the patient paid toward their share. */
export const PatientPaymentSchema = z.strictObject({
  amountCents: z
    .int('Enter the amount in dollars and cents')
    .check(z.minimum(1, 'The amount must be more than $0')),
  date: DateSchema,
  method: z.enum(PAYMENT_METHODS, 'Choose cash, card or check'),
  note: z.optional(text(500, 'The note')),
  version: z.int(),
});
export type PatientPayment = z.infer<typeof PatientPaymentSchema>;
