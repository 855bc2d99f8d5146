import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/**
 * HR's wire shapes for shift swap requests: a person asks to hand one of their upcoming shifts to
 * a colleague at the same location; a manager approves (the shift becomes the colleague's, checked
 * again for clashes) or declines. One pending request per shift. With the practice's setting
 * "colleague accepts first" on, a request first waits for the colleague to accept or decline.
 */

export const SWAP_STATUSES = ['awaiting_colleague', 'pending', 'approved', 'declined', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
export const SWAP_STATUS_LABELS: Record<SwapStatus, string> = {
  awaiting_colleague: 'Waiting for the colleague',
  pending: 'Waiting for a manager',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Withdrawn',
};

const Note = z.optional(z.string().check(z.trim(), z.maxLength(500, 'At most 500 characters')));

/** POST /api/hr/shifts/:id/swap: the shift's person asks to hand it to a colleague. */
export const SwapAskSchema = z.strictObject({
  toStaffId: IdSchema.check(z.minLength(1, 'Choose who takes the shift')),
  note: Note,
});
export type SwapAsk = z.infer<typeof SwapAskSchema>;

/** POST /api/hr/swap-requests/:id/decision */
export const SwapDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'decline'], 'Choose approve or decline'),
  note: Note,
  version: VersionSchema,
});
export type SwapDecision = z.infer<typeof SwapDecisionSchema>;

/** POST /api/hr/swap-requests/:id/answer: the colleague asked accepts (a manager decides next) or declines. */
export const SwapAnswerSchema = z.strictObject({
  answer: z.enum(['accept', 'decline'], 'Choose accept or decline'),
  note: Note,
  version: VersionSchema,
});
export type SwapAnswer = z.infer<typeof SwapAnswerSchema>;

/** GET /api/hr/swap-settings: how the practice handles swap requests (version 0 until saved). */
export const SwapSettingsSchema = z.object({
  /** A request waits for the colleague to accept before managers see it. Off by default. */
  colleagueAccepts: z.boolean(),
  version: z.int(),
});
export type SwapSettings = z.infer<typeof SwapSettingsSchema>;

/** PUT /api/hr/swap-settings at the version read (0 the first time). */
export const SwapSettingsInputSchema = z.strictObject({
  colleagueAccepts: z.boolean('Choose whether the colleague accepts first'),
  version: z.int().check(z.minimum(0)),
});
export type SwapSettingsInput = z.infer<typeof SwapSettingsInputSchema>;

/** POST /api/hr/swap-requests/:id/cancel: the person withdraws their request. */
export const SwapCancelSchema = z.strictObject({ version: VersionSchema });
export type SwapCancel = z.infer<typeof SwapCancelSchema>;

export const SwapRequestSchema = z.object({
  id: IdSchema,
  shiftId: IdSchema,
  locationId: IdSchema,
  locationName: z.string(),
  date: DateSchema,
  start: z.string(),
  end: z.string(),
  fromStaffId: IdSchema,
  fromName: z.string(),
  toStaffId: IdSchema,
  toName: z.string(),
  note: z.optional(z.string()),
  status: z.enum(SWAP_STATUSES),
  askedAt: z.string(),
  /** When the colleague accepted (with the setting on). */
  acceptedAt: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  decisionNote: z.optional(z.string()),
  version: z.int(),
});
export type SwapRequest = z.infer<typeof SwapRequestSchema>;

/**
 * GET /api/hr/swap-requests: owners and managers see everyone's; anyone else their own (asked or
 * asked of). "pending" shows every request still waiting (for the colleague or a manager).
 */
export const SwapListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  status: z.optional(z.enum(['pending', 'all'], 'Show pending or all requests')),
});
export type SwapListQuery = z.infer<typeof SwapListQuerySchema>;

export const SwapIdParamsSchema = z.object({ id: IdSchema });
