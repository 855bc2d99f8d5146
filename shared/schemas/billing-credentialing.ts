import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema } from './common.ts';

/**
 * Credentialing's wire shapes: each provider's standing with each payer (provider × payer), the
 * dates that matter (effective, re-credentialing) and the provider's CAQH re-attestation.
 */

/** Where a provider stands with a payer. */
export const CREDENTIALING_STATUSES = [
  'not_started',
  'submitted',
  'in_process',
  'effective',
  'denied',
  'terminated',
] as const;
export type CredentialingStatus = (typeof CREDENTIALING_STATUSES)[number];
export const CREDENTIALING_STATUS_LABELS: Record<CredentialingStatus, string> = {
  not_started: 'Not started',
  submitted: 'Submitted',
  in_process: 'In process',
  effective: 'Effective',
  denied: 'Denied',
  terminated: 'Terminated',
};

/** CAQH asks every provider to re-attest their profile this often. */
export const CAQH_ATTESTATION_DAYS = 120;

/**
 * The NPI check digit: Luhn over the 9 digits behind the constant prefix 80840 (the health
 * industry's card issuer prefix), so a mistyped digit is caught before it reaches a payer.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** An NPI as a path names it: 10 digits (one seen on claims may predate the check digit rule). */
export const NpiSchema = z.string().check(z.regex(/^\d{10}$/, 'An NPI is 10 digits'));
/** An NPI a person types in: 10 digits with a valid check digit. */
export const ValidNpiSchema = z
  .string()
  .check(
    z.regex(/^\d{10}$/, 'An NPI is 10 digits'),
    z.refine(isValidNpi, 'That is not a valid NPI (check the 10 digits)'),
  );
/** A payer id as the remittances name it. */
export const PayerIdSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_.-]{1,60}$/, 'A payer id is 1 to 60 letters, digits, dots, dashes or underscores'),
  );

/** PUT /api/billing/credentialing/:npi/:payerId */
export const CredentialingParamsSchema = z.object({ npi: NpiSchema, payerId: PayerIdSchema });
/** PUT /api/billing/credentialing/:npi/caqh */
export const CaqhParamsSchema = z.object({ npi: NpiSchema });

/** A provider's standing with one payer. */
export const CredentialingRecordSchema = z.object({
  npi: z.string(),
  providerName: z.string(),
  payerId: z.string(),
  payerName: z.string(),
  status: z.enum(CREDENTIALING_STATUSES),
  submittedDate: z.optional(DateSchema),
  /** The first day the payer pays this provider as in network. */
  effectiveDate: z.optional(DateSchema),
  /** When the payer wants the provider credentialed again (alerts 90, 60 and 30 days ahead). */
  recredentialDate: z.optional(DateSchema),
  terminatedDate: z.optional(DateSchema),
  note: z.optional(z.string()),
  version: z.int(),
  updatedAt: z.string(),
});
export type CredentialingRecord = z.infer<typeof CredentialingRecordSchema>;

/** The version the form read: 0 when the record does not exist yet. */
const ReadVersionSchema = z.int().check(z.minimum(0, 'Reload the page and try again'));

/** PUT /api/billing/credentialing/:npi/:payerId: the record as the form saves it. */
export const CredentialingUpsertSchema = z
  .strictObject({
    status: z.enum(CREDENTIALING_STATUSES, 'Choose where the credentialing stands'),
    submittedDate: z.optional(DateSchema),
    effectiveDate: z.optional(DateSchema),
    recredentialDate: z.optional(DateSchema),
    terminatedDate: z.optional(DateSchema),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'Keep the note under 500 characters'))),
    version: ReadVersionSchema,
  })
  .check(
    z.refine((r) => r.status !== 'effective' || r.effectiveDate, {
      message: 'Enter the effective date: the first day the payer has the provider in network',
      path: ['effectiveDate'],
    }),
    z.refine((r) => !r.recredentialDate || !r.effectiveDate || r.recredentialDate > r.effectiveDate, {
      message: 'The re-credentialing date must be after the effective date',
      path: ['recredentialDate'],
    }),
  );
export type CredentialingUpsert = z.infer<typeof CredentialingUpsertSchema>;

/** A provider's CAQH profile: when they last re-attested, and when the next one is due. */
export const CaqhProfileSchema = z.object({
  caqhId: z.optional(z.string()),
  lastAttestedDate: DateSchema,
  /** 120 days after the last attestation. */
  nextDueDate: DateSchema,
  version: z.int(),
});
export type CaqhProfile = z.infer<typeof CaqhProfileSchema>;

/** PUT /api/billing/credentialing/:npi/caqh: the provider re-attested on this date. */
export const CaqhAttestSchema = z.strictObject({
  lastAttestedDate: DateSchema,
  caqhId: z.optional(z.string().check(z.regex(/^\d{1,10}$/, 'A CAQH provider id is 1 to 10 digits'))),
  version: ReadVersionSchema,
});
export type CaqhAttest = z.infer<typeof CaqhAttestSchema>;

/** PUT /api/billing/credentialing/providers/:npi/login */
export const ProviderLoginParamsSchema = z.object({ npi: NpiSchema });

/** PUT /api/billing/credentialing/providers/:npi/login: the login to link, or null to unlink. */
export const ProviderLoginSetSchema = z.strictObject({
  userId: z.nullable(IdSchema),
  /** The link's version as read: 0 when the NPI was never linked. */
  version: ReadVersionSchema,
});
export type ProviderLoginSet = z.infer<typeof ProviderLoginSetSchema>;

/** The login linked to a billing NPI (none after an unlink), at its version. */
export const ProviderLoginSchema = z.object({
  npi: z.string(),
  userId: z.optional(z.string()),
  /** The login's name when it was linked. */
  userName: z.optional(z.string()),
  version: z.int(),
});
export type ProviderLogin = z.infer<typeof ProviderLoginSchema>;

export const CredentialingProviderSchema = z.object({
  npi: z.string(),
  name: z.string(),
  caqh: z.optional(CaqhProfileSchema),
  /** The Rounds login that reads this NPI's production, once an owner or manager linked one. */
  login: z.optional(ProviderLoginSchema),
});
export type CredentialingProvider = z.infer<typeof CredentialingProviderSchema>;

/** GET /api/billing/credentialing: providers (rows) × payers (columns) and the records between. */
export const CredentialingGridSchema = z.object({
  providers: z.array(CredentialingProviderSchema),
  payers: z.array(z.object({ id: z.string(), name: z.string() })),
  records: z.array(CredentialingRecordSchema),
});
export type CredentialingGrid = z.infer<typeof CredentialingGridSchema>;

/** POST /api/billing/credentialing/providers: a provider not yet seen on a remittance. */
export const ProviderAddSchema = z.strictObject({
  npi: ValidNpiSchema,
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, 'Enter the provider’s name as payers know it'),
      z.maxLength(100, 'Keep the name under 100 characters'),
    ),
});
export type ProviderAdd = z.infer<typeof ProviderAddSchema>;

export const BillingProviderSchema = z.object({ npi: z.string(), name: z.string() });
