import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';
import { STAFF_ROLES } from './hr.ts';

/**
 * HR's wire shapes for performance reviews: a 90-day review after hire, then one each hire
 * anniversary (shared/hr/review-cycles.ts). A review goes self-review (when the person has a Rounds
 * login) → manager review → the person's acknowledgment → done. Owners and managers see everyone's;
 * a person sees their own, never the reviewer's private notes.
 */

export const REVIEW_KINDS = ['ninety_day', 'annual'] as const;
export const REVIEW_KIND_LABELS: Record<(typeof REVIEW_KINDS)[number], string> = {
  ninety_day: '90-day review',
  annual: 'Annual review',
};

export const REVIEW_STATUSES = ['self_review', 'manager_review', 'acknowledgment', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus | 'not_started', string> = {
  not_started: 'Not started',
  self_review: 'Waiting for self-review',
  manager_review: 'Waiting for manager review',
  acknowledgment: 'Waiting for sign-off',
  done: 'Done',
};

/** The areas every review rates, 1 (needs improvement) to 5 (outstanding). */
export const REVIEW_AREAS = ['quality', 'reliability', 'teamwork', 'patient_care', 'communication'] as const;
export type ReviewArea = (typeof REVIEW_AREAS)[number];
export const REVIEW_AREA_LABELS: Record<ReviewArea, string> = {
  quality: 'Quality of work',
  reliability: 'Reliability and attendance',
  teamwork: 'Teamwork',
  patient_care: 'Patient experience',
  communication: 'Communication',
};
export const RATING_LABELS = [
  '',
  'Needs improvement',
  'Developing',
  'Meets expectations',
  'Exceeds',
  'Outstanding',
];

const OptionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));

export const ReviewRatingSchema = z.strictObject({
  rating: z
    .int('Choose a rating from 1 to 5')
    .check(z.minimum(1, 'Choose a rating from 1 to 5'), z.maximum(5, 'Choose a rating from 1 to 5')),
  comment: OptionalText(1000),
});

/** The form both the person and the manager fill in: each area rated, goals and a summary. */
export const ReviewFormSchema = z.strictObject({
  ratings: z.strictObject({
    quality: ReviewRatingSchema,
    reliability: ReviewRatingSchema,
    teamwork: ReviewRatingSchema,
    patient_care: ReviewRatingSchema,
    communication: ReviewRatingSchema,
  }),
  goals: OptionalText(2000),
  summary: OptionalText(2000),
});
export type ReviewForm = z.infer<typeof ReviewFormSchema>;

/** POST /api/hr/reviews: open the person's next due review. */
export const ReviewStartSchema = z.strictObject({ staffId: IdSchema });
export type ReviewStart = z.infer<typeof ReviewStartSchema>;

/** POST /api/hr/reviews/:id/self */
export const ReviewSelfSchema = z.strictObject({ form: ReviewFormSchema, version: VersionSchema });
export type ReviewSelf = z.infer<typeof ReviewSelfSchema>;

/** POST /api/hr/reviews/:id/manager: private notes are kept from the person. */
export const ReviewManagerSchema = z.strictObject({
  form: ReviewFormSchema,
  privateNotes: OptionalText(2000),
  version: VersionSchema,
});
export type ReviewManager = z.infer<typeof ReviewManagerSchema>;

/** POST /api/hr/reviews/:id/acknowledge: the person has read the review, with a comment if they like. */
export const ReviewAcknowledgeSchema = z.strictObject({
  comment: OptionalText(1000),
  version: VersionSchema,
});
export type ReviewAcknowledge = z.infer<typeof ReviewAcknowledgeSchema>;

const SubmittedSchema = z.object({
  form: ReviewFormSchema,
  submittedAt: z.string(),
  submittedBy: z.string(),
});

export const ReviewSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  cycle: z.int(),
  kind: z.enum(REVIEW_KINDS),
  dueDate: DateSchema,
  status: z.enum(REVIEW_STATUSES),
  /** The person has a Rounds login (self-review and sign-off are theirs to do). */
  hasLogin: z.boolean(),
  selfReview: z.optional(SubmittedSchema),
  managerReview: z.optional(SubmittedSchema),
  /** Only to owners and managers, and never to the person reviewed. */
  privateNotes: z.optional(z.string()),
  acknowledgment: z.optional(z.object({ at: z.string(), by: z.string(), comment: z.optional(z.string()) })),
  startedAt: z.string(),
  startedBy: z.string(),
  version: z.int(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** One row of the due list: each current person's open review, or their next one not started. */
export const ReviewDueRowSchema = z.object({
  staffId: IdSchema,
  staffName: z.string(),
  jobTitle: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  hireDate: DateSchema,
  cycle: z.int(),
  kind: z.enum(REVIEW_KINDS),
  dueDate: DateSchema,
  overdue: z.boolean(),
  status: z.enum(['not_started', ...REVIEW_STATUSES]),
  reviewId: z.optional(IdSchema),
});
export type ReviewDueRow = z.infer<typeof ReviewDueRowSchema>;

export const REVIEW_DUE_SORTS = ['dueDate', 'name', 'status'] as const;
export const REVIEW_DUE_SHOWS = ['all', 'overdue', 'next_30_days'] as const;

/** GET /api/hr/reviews/due */
export const ReviewDueQuerySchema = z.extend(PageQuerySchema, {
  sort: z.optional(z.enum(REVIEW_DUE_SORTS, 'Sort by due date, name or status')),
  dir: z.optional(z.enum(['asc', 'desc'], 'Sort ascending or descending')),
  show: z.optional(z.enum(REVIEW_DUE_SHOWS, 'Show all, overdue or due in the next 30 days')),
});
export type ReviewDueQuery = z.infer<typeof ReviewDueQuerySchema>;

/** GET /api/hr/reviews: one person's history, newest first (staff: their own whatever is asked). */
export const ReviewListQuerySchema = z.extend(PageQuerySchema, { staffId: z.optional(IdSchema) });
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>;

export const ReviewIdParamsSchema = z.object({ id: IdSchema });
