import * as z from 'zod/mini';
import '../validation.ts';

/** The steps a new practice takes to its first booking, in the order the guide shows them. */
export const SETUP_STEPS = [
  'location',
  'providers',
  'types',
  'rooms',
  'team',
  'patients',
  'first_visit',
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

export const SetupStepSchema = z.object({
  id: z.enum(SETUP_STEPS),
  /** done: the data shows it; todo: still to do; not_needed: nothing needs it (rooms when no type needs one). */
  status: z.enum(['done', 'todo', 'not_needed']),
  /** Optional steps do not hold the guide open. */
  optional: z.boolean(),
  /** What is still missing, in words ("Dr. Lee has no weekly hours yet"), or what was done. */
  detail: z.optional(z.string()),
});
export type SetupStep = z.infer<typeof SetupStepSchema>;

export const SetupGuideSchema = z.object({
  steps: z.array(SetupStepSchema),
  /** Every required step is done: the guide stops showing on the home page. */
  complete: z.boolean(),
});
export type SetupGuide = z.infer<typeof SetupGuideSchema>;
