import type { OutboxMessage } from '../../../shared/schemas/outbox.ts';
import { type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';

export interface OutgoingMail {
  /** An email address, or an E.164 phone number for a text message. */
  to: string;
  subject: string;
  text: string;
  kind: string;
  channel?: 'email' | 'sms';
}

/**
 * Transactional outbox: a message is written in the same transaction as the change that
 * caused it, then delivered by `deliverOutboxMessage` (delivery.ts). Locally the transport
 * only logs (the outbox page is the mailbox); in the cloud, SES delivers it.
 */
export interface MailTransport {
  deliver(message: OutboxMessage): Promise<void>;
}

/** The write op that queues a message, plus the stored message for delivery after commit. */
export function queueMail(
  scope: TenantScope,
  mail: OutgoingMail,
  now: Date,
): { op: WriteOp; message: OutboxMessage } {
  const id = newId(now.getTime());
  const message: OutboxMessage = { id, ...mail, status: 'queued', createdAt: now.toISOString() };
  return {
    op: { kind: 'create', item: { ...tenantKeys.outbox(scope, id), type: 'outbox', ...message } },
    message,
  };
}

/** Local transport: records that the message would have been sent. Never logs its body. */
export function localMailTransport(logger: Logger): MailTransport {
  return {
    async deliver(message) {
      logger.info('mail.queued', { messageId: message.id, kind: message.kind });
    },
  };
}

/** Sends each message through its channel's transport (email by default). */
export function channelTransport(by: { email: MailTransport; sms: MailTransport }): MailTransport {
  return {
    deliver: (message) => (message.channel === 'sms' ? by.sms : by.email).deliver(message),
  };
}

/** A US number as E.164 (+1 and ten digits), an already-international one as is, else undefined. */
export function e164(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+') && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return undefined;
}
