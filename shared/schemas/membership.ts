import * as z from 'zod/mini';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';
import { PracticeSizeSchema, RegionSchema, SpecialtySchema } from './tenants.ts';

/**
 * The consent a practice owner gives when joining an association. The text is versioned:
 * the version accepted is stored with the membership.
 */
export const CONSENT = {
  version: '2026-11-v1',
  shared: [
    'Your practice name, specialty, region and size (so the association can list you as a member)',
    'Monthly aggregate measures only: counts, rates and averages for the whole practice (for example no-show rate, days in A/R, staff turnover)',
  ],
  neverShared: [
    'Any patient information: names, dates of birth, contact details, appointments or insurance',
    'Any individual staff or provider information: names, schedules, pay or reviews',
    'Your documents, messages, audit log and settings',
  ],
  leave: 'You can leave at any time from this page. Leaving stops all sharing from the next monthly rollup.',
} as const;

export const CreateInviteCodeSchema = z.strictObject({
  expiresInDays: z.int().check(z.minimum(1), z.maximum(90)),
  maxUses: z.int().check(z.minimum(1), z.maximum(500)),
});
export type CreateInviteCode = z.infer<typeof CreateInviteCodeSchema>;

export const InviteCodeSchema = z.object({
  code: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  maxUses: z.int(),
  uses: z.int(),
  status: z.enum(['active', 'expired', 'used_up', 'revoked']),
});
export type InviteCode = z.infer<typeof InviteCodeSchema>;

/**
 * An invite code as people type it: any case, with or without its dash, with stray spaces
 * ("abcd 2345", "ABCD2345", " abcd-2345 ") becomes the stored form "ABCD-2345".
 */
export function normalizeInviteCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s\-_.\u2010-\u2015]/g, '');
  return /^[A-Z0-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

/** The code a practice types to join: normalized first, then it must be four and four characters. */
export const InviteCodeInputSchema = z
  .string()
  .check(
    z.overwrite(normalizeInviteCode),
    z.minLength(1, 'Enter the invite code the association gave you'),
    z.regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'Enter the 8-character code, like ABCD-2345'),
  );
const CodeSchema = InviteCodeInputSchema;

export const JoinPreviewInputSchema = z.strictObject({ code: CodeSchema });
export const JoinPreviewSchema = z.object({
  associationId: IdSchema,
  associationName: z.string(),
  region: RegionSchema,
  consentVersion: z.string(),
  shared: z.array(z.string()),
  neverShared: z.array(z.string()),
});
export type JoinPreview = z.infer<typeof JoinPreviewSchema>;

export const JoinInputSchema = z.strictObject({
  code: CodeSchema,
  consent: z.literal(true, 'You must agree to share aggregate data to join'),
  consentVersion: z.literal(CONSENT.version, 'The consent text changed; please review it again'),
});
export type JoinInput = z.infer<typeof JoinInputSchema>;

export const MembershipSchema = z.object({
  associationId: IdSchema,
  associationName: z.string(),
  joinedAt: z.string(),
  consentVersion: z.string(),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** The orders the member list offers: sort key and direction together, newest joiners first by default. */
export const MEMBER_ORDERS = {
  'joined-desc': 'Newest members first',
  'joined-asc': 'Longest-standing first',
  'name-asc': 'Practice name, A to Z',
  'specialty-asc': 'Specialty',
  'region-asc': 'Region',
  'size-asc': 'Size',
} as const;
export type MemberOrder = keyof typeof MEMBER_ORDERS;
export const MembersQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  order: z.optional(
    z.enum(Object.keys(MEMBER_ORDERS) as [MemberOrder, ...MemberOrder[]], 'Choose one of the listed orders'),
  ),
});

export const MemberSchema = z.object({
  practiceId: IdSchema,
  practiceName: z.string(),
  specialty: SpecialtySchema,
  region: RegionSchema,
  size: PracticeSizeSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;
