import * as z from 'zod/mini';
import '../validation.ts';
import { IdSchema } from './common.ts';

export const OutboxMessageSchema = z.object({
  id: IdSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  /** How it goes out: email (SES) or a text message (SNS); email when absent. */
  channel: z.optional(z.enum(['email', 'sms'])),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.optional(z.int()),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
