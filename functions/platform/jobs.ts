import type { Logger } from './logger.ts';
import { type DeliveryDeps, deliverOutboxMessage, type OutboxRef } from './mail/delivery.ts';

/**
 * The job-trigger port: follow-up work after a commit. Locally it runs inline, right after
 * the write; in the cloud the DynamoDB Streams consumer runs the same job functions, so
 * the trigger does nothing there.
 */
export interface JobTrigger {
  mailQueued(ref: OutboxRef): Promise<void>;
}

/** Local adapter: delivers at once. A failed send is already queued for retry, never the caller's error. */
export function inlineJobs(deps: DeliveryDeps): JobTrigger {
  return {
    async mailQueued(ref) {
      try {
        await deliverOutboxMessage(deps, ref);
      } catch (err) {
        deps.logger.error('job.failed', {
          job: 'mail-delivery',
          messageId: ref.messageId,
          error: (err as Error).name,
        });
      }
    },
  };
}

/** Cloud adapter: the Streams consumer sees the committed outbox item and delivers it. */
export function streamJobs(logger: Logger): JobTrigger {
  return {
    async mailQueued(ref) {
      logger.info('mail.queued', { messageId: ref.messageId });
    },
  };
}
