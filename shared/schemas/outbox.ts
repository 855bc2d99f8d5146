import * as z from 'zod/mini';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';

/**
 * Who a message was written for: patients (visit reminders, later forms and handouts) or staff
 * (invitations and every other mail to the team). A message's `kind` starts with one of these
 * prefixes when it goes to a patient; any other kind is staff mail.
 */
export const OUTBOX_AUDIENCES = ['patients', 'staff'] as const;
export type OutboxAudience = (typeof OUTBOX_AUDIENCES)[number];
export const PATIENT_MAIL_KIND_PREFIXES = ['appointment.', 'patient.'] as const;

export function audienceOfKind(kind: string): OutboxAudience {
  return PATIENT_MAIL_KIND_PREFIXES.some((p) => kind.startsWith(p)) ? 'patients' : 'staff';
}

export const OutboxQuerySchema = z.object({
  ...PageQuerySchema.shape,
  audience: z.optional(z.enum(OUTBOX_AUDIENCES, 'Choose patients or staff')),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

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
