import type { OutboxMessage } from '../../../shared/schemas/outbox.ts';
import { type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
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
