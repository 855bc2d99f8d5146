import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, EmailSchema, IdSchema, PageQuerySchema, PhoneSchema, VersionSchema } from './common.ts';
import { EMPLOYMENT_TYPES, PaySchema, STAFF_ROLES } from './hr.ts';

/**
 * Hiring's wire shapes: openings, candidates moving through stages, interview notes, one scorecard
 * per interviewer, the offer, and the hire (which adds the person to the staff directory). Every
 * shape here is for owners and managers only.
 */

const Text = (max: number, required: string) =>
  z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, `At most ${max} characters`));
const OptionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));

export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

/** The pipeline in order, then the two ways out. */
export const CANDIDATE_STAGES = [
  'applied',
  'phone_screen',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrew',
] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];
export const CANDIDATE_STAGE_LABELS: Record<CandidateStage, string> = {
  applied: 'Applied',
  phone_screen: 'Phone screen',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrew: 'Withdrew',
};
/** Stages a candidate is moved to by hand (hired comes only from the hire, offer from the offer). */
export const MOVABLE_STAGES = ['applied', 'phone_screen', 'interview', 'rejected', 'withdrew'] as const;

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  no: 'No',
  strong_no: 'Strong no',
};

const openingFields = {
  title: Text(80, 'Enter a job title'),
  staffRole: z.enum(STAFF_ROLES, 'Choose what the person will do'),
  locationId: IdSchema,
  employmentType: z.enum(EMPLOYMENT_TYPES, 'Choose full time, part time or per diem'),
  description: OptionalText(4000),
};

/** POST /api/hr/openings */
export const OpeningInputSchema = z.strictObject(openingFields);
export type OpeningInput = z.infer<typeof OpeningInputSchema>;

/** PUT /api/hr/openings/:id (status open or closed; filled comes from a hire). */
export const OpeningUpdateSchema = z.strictObject({
  ...openingFields,
  status: z.enum(['open', 'closed'], 'Choose open or closed'),
  version: VersionSchema,
});
export type OpeningUpdate = z.infer<typeof OpeningUpdateSchema>;

export const OpeningSchema = z.object({
  id: IdSchema,
  title: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  locationId: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  description: z.optional(z.string()),
  status: z.enum(OPENING_STATUSES),
  openedOn: DateSchema,
  filledByStaffId: z.optional(z.string()),
  candidateCount: z.int(),
  version: z.int(),
});
export type Opening = z.infer<typeof OpeningSchema>;

/** GET /api/hr/openings */
export const OpeningListQuerySchema = z.extend(PageQuerySchema, {
  status: z.optional(z.enum([...OPENING_STATUSES, 'all'], 'Choose open, filled, closed or all')),
  dir: z.optional(z.enum(['asc', 'desc'], 'Sort ascending or descending')),
});
export type OpeningListQuery = z.infer<typeof OpeningListQuerySchema>;

/** POST /api/hr/openings/:id/candidates */
export const CandidateInputSchema = z.strictObject({
  firstName: Text(60, 'Enter a first name'),
  lastName: Text(60, 'Enter a last name'),
  email: z.optional(EmailSchema),
  phone: z.optional(PhoneSchema),
  source: OptionalText(80),
  appliedOn: DateSchema,
});
export type CandidateInput = z.infer<typeof CandidateInputSchema>;

/** POST /api/hr/candidates/:id/stage */
export const CandidateStageInputSchema = z.strictObject({
  stage: z.enum(MOVABLE_STAGES, 'Choose applied, phone screen, interview, rejected or withdrew'),
  date: DateSchema,
  version: VersionSchema,
});
export type CandidateStageInput = z.infer<typeof CandidateStageInputSchema>;

/** POST /api/hr/candidates/:id/notes */
export const CandidateNoteInputSchema = z.strictObject({ text: Text(4000, 'Write the note') });

const AreaSchema = z.strictObject({
  area: Text(60, 'Name the area (e.g. Communication)'),
  score: z.int('Rate from 1 to 5').check(z.minimum(1, 'Rate from 1 to 5'), z.maximum(5, 'Rate from 1 to 5')),
});

/** PUT /api/hr/candidates/:id/scorecard: the caller's own scorecard (replaces theirs). */
export const ScorecardInputSchema = z.strictObject({
  ratings: z
    .array(AreaSchema)
    .check(z.minLength(1, 'Rate at least one area'), z.maxLength(12, 'At most 12 areas')),
  recommendation: z.enum(RECOMMENDATIONS, 'Choose a recommendation'),
  comment: OptionalText(2000),
});
export type ScorecardInput = z.infer<typeof ScorecardInputSchema>;

/** PUT /api/hr/candidates/:id/offer */
export const OfferInputSchema = z.strictObject({
  pay: PaySchema,
  startDate: DateSchema,
  version: VersionSchema,
});
export type OfferInput = z.infer<typeof OfferInputSchema>;

/** POST /api/hr/candidates/:id/hire */
export const HireInputSchema = z.strictObject({
  fte: z.optional(
    z.number().check(z.minimum(0.05, 'FTE is from 0.05 to 1'), z.maximum(1, 'FTE is from 0.05 to 1')),
  ),
  version: VersionSchema,
});
export type HireInput = z.infer<typeof HireInputSchema>;

export const CandidateSchema = z.object({
  id: IdSchema,
  openingId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  source: z.optional(z.string()),
  stage: z.enum(CANDIDATE_STAGES),
  /** Each stage reached, with its date. */
  history: z.array(z.object({ stage: z.enum(CANDIDATE_STAGES), date: DateSchema })),
  offer: z.optional(z.object({ pay: PaySchema, startDate: DateSchema })),
  staffId: z.optional(z.string()),
  version: z.int(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const ScorecardSchema = z.object({
  interviewerUserId: z.string(),
  interviewerName: z.string(),
  ratings: z.array(z.object({ area: z.string(), score: z.int() })),
  recommendation: z.enum(RECOMMENDATIONS),
  comment: z.optional(z.string()),
  savedAt: z.string(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const CandidateNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type CandidateNote = z.infer<typeof CandidateNoteSchema>;

/** GET /api/hr/candidates/:id */
export const CandidateDetailSchema = z.object({
  ...CandidateSchema.shape,
  openingTitle: z.string(),
  notes: z.array(CandidateNoteSchema),
  scorecards: z.array(ScorecardSchema),
});
export type CandidateDetail = z.infer<typeof CandidateDetailSchema>;

/** GET /api/hr/openings/:id/candidates: by stage (pipeline order), then by when they applied. */
export const CandidateListQuerySchema = z.extend(PageQuerySchema, {
  stage: z.optional(z.enum(CANDIDATE_STAGES, 'Choose a stage')),
});
export type CandidateListQuery = z.infer<typeof CandidateListQuerySchema>;

export const HireResultSchema = z.object({ candidate: CandidateSchema, staffId: z.string() });

export const HiringIdParamsSchema = z.object({ id: IdSchema });
