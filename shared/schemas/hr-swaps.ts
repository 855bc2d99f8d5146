import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/**
 * HR's wire shapes for shift swap requests: a person asks to hand one of their upcoming shifts to
 * a colleague at the same location; a manager approves (the shift becomes the colleague's, checked
 * again for clashes) or declines. One pending request per shift.
 */

export const SWAP_STATUSES = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
export const SWAP_STATUS_LABELS: Record<SwapStatus, string> = {
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
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  decisionNote: z.optional(z.string()),
  version: z.int(),
});
export type SwapRequest = z.infer<typeof SwapRequestSchema>;

/** GET /api/hr/swap-requests: owners and managers see everyone's; anyone else their own (asked or asked of). */
export const SwapListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  status: z.optional(z.enum(['pending', 'all'], 'Show pending or all requests')),
});
export type SwapListQuery = z.infer<typeof SwapListQuerySchema>;

export const SwapIdParamsSchema = z.object({ id: IdSchema });
