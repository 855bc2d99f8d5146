import type { OutboxMessage } from '../../../shared/schemas/outbox.ts';
import { localParts } from '../../../shared/time.ts';
import type { Clock } from '../clock.ts';
import { systemKeys, tenantKeys } from '../db/keys.ts';
import type { Store, WriteOp } from '../db/store.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { raiseTodayItemOp } from '../today/today-items.ts';
import type { MailTransport } from './outbox.ts';

/** Which outbox message: what a stream record or a retry pointer names. */
export interface OutboxRef {
  tenantId: string;
  messageId: string;
}

export interface DeliveryDeps {
  store: Store;
  mail: MailTransport;
  clock: Clock;
  logger: Logger;
}

export type DeliveryResult = 'sent' | 'skipped' | 'retry' | 'failed';

/** After this many failed sends a message is marked failed and shown so on the outbox page. */
export const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a sender that died mid-send; it may be taken over. */
const STALE_CLAIM_MS = 5 * 60 * 1000;
/** Waits between attempts grow: 1, 4, 9, 16 minutes. */
const backoffMs = (attempts: number) => attempts * attempts * 60 * 1000;

type StoredMessage = OutboxMessage & { claimedAt?: number; retryAt?: number };

/**
 * Delivers one outbox message at most once per claim: queued → sending (conditional), send,
 * → sent. A send failure returns it to queued with a retry pointer for the mail-retry job.
 * Locally it runs right after the commit; in the cloud the Streams consumer runs it.
 */
export async function deliverOutboxMessage(deps: DeliveryDeps, given: OutboxRef): Promise<DeliveryResult> {
  // Only the two ids: callers may pass a whole pointer item, whose keys must not leak into writes.
  const ref: OutboxRef = { tenantId: given.tenantId, messageId: given.messageId };
  const key = tenantKeys.outbox(ref, ref.messageId);
  const message = await deps.store.get<StoredMessage>(key);
  if (!message || !(await claim(deps, ref, message))) return 'skipped';
  const attempts = (message.attempts ?? 0) + 1;
  try {
    await deps.mail.deliver(message);
  } catch (err) {
    deps.logger.warn('mail.send_failed', {
      tenant: ref.tenantId,
      messageId: ref.messageId,
      attempts,
      error: (err as Error).name,
    });
    return attempts >= MAX_ATTEMPTS
      ? finish(deps, ref, message, { status: 'failed', attempts })
      : scheduleRetry(deps, ref, message, attempts);
  }
  return finish(deps, ref, message, { status: 'sent', attempts, sentAt: deps.clock.now().toISOString() });
}

/** Retries messages whose retry time has come, a bounded page per run. Returns what happened. */
export async function retryQueuedMail(
  deps: DeliveryDeps,
  limit = 100,
): Promise<Record<DeliveryResult, number>> {
  const counts: Record<DeliveryResult, number> = { sent: 0, skipped: 0, retry: 0, failed: 0 };
  const page = await deps.store.query<OutboxRef & { retryAt: number }>({
    partition: systemKeys.mailRetryPartition,
    skBetween: systemKeys.mailRetryDue(deps.clock.now().getTime()),
    limit,
  });
  for (const pointer of page.items) {
    const result = await deliverOutboxMessage(deps, pointer);
    counts[result]++;
    // Skipped: sent or claimed meanwhile; the pointer has nothing left to do.
    if (result === 'skipped') await deletePointer(deps, pointer.retryAt, pointer);
  }
  return counts;
}

async function claim(deps: DeliveryDeps, ref: OutboxRef, message: StoredMessage): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const claimable =
    message.status === 'queued' ||
    (message.status === 'sending' && (message.claimedAt ?? 0) < now - STALE_CLAIM_MS);
  if (!claimable) return false;
  try {
    await deps.store.transact([
      {
        kind: 'update',
        key: tenantKeys.outbox(ref, ref.messageId),
        set: { status: 'sending', claimedAt: now },
        condition: {
          expression: '#status = :queued OR (#status = :sending AND #claimedAt < :stale)',
          names: { '#status': 'status', '#claimedAt': 'claimedAt' },
          values: { ':queued': 'queued', ':sending': 'sending', ':stale': now - STALE_CLAIM_MS },
        },
        onFail: () => new AppError('conflict', 'Another sender claimed this message'),
      },
    ]);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') return false;
    throw err;
  }
}

async function scheduleRetry(
  deps: DeliveryDeps,
  ref: OutboxRef,
  message: StoredMessage,
  attempts: number,
): Promise<DeliveryResult> {
  const retryAt = deps.clock.now().getTime() + backoffMs(attempts);
  await deps.store.transact([
    {
      kind: 'update',
      key: tenantKeys.outbox(ref, ref.messageId),
      set: { status: 'queued', attempts, retryAt },
    },
    ...previousPointer(message, ref),
    { kind: 'put', item: { ...systemKeys.mailRetry(retryAt, ref.tenantId, ref.messageId), ...ref, retryAt } },
  ]);
  return 'retry';
}

/** Records the final state (sent or failed) and removes the message's retry pointer. */
async function finish(
  deps: DeliveryDeps,
  ref: OutboxRef,
  message: StoredMessage,
  set: Record<string, unknown> & { status: 'sent' | 'failed' },
): Promise<DeliveryResult> {
  await deps.store.transact([
    { kind: 'update', key: tenantKeys.outbox(ref, ref.messageId), set, remove: ['claimedAt'] },
    ...previousPointer(message, ref),
    ...(set.status === 'failed' ? [await undeliveredItemOp(deps, ref, message)] : []),
  ]);
  return set.status;
}

/** A message given up on needs a person today: a Today item for the managers, in the same write. */
async function undeliveredItemOp(
  deps: DeliveryDeps,
  ref: OutboxRef,
  message: StoredMessage,
): Promise<WriteOp> {
  const tenant = await deps.store.get<{ timeZone?: string }>(tenantKeys.tenant(ref));
  const now = deps.clock.now();
  const toPatient = message.kind === 'appointment.reminder';
  return raiseTodayItemOp(
    { tenantId: ref.tenantId },
    {
      source: 'platform',
      kind: 'mail_failed',
      ref: ref.messageId,
      title: `${toPatient ? 'Reminder' : 'Message'} not delivered to ${message.to}`,
      detail: `“${message.subject}” could not be sent after ${MAX_ATTEMPTS} tries. Check the address or call instead.`,
      link: '/app/outbox',
      assignee: { role: 'manager' },
      dueDate: localParts(now.getTime(), tenant?.timeZone ?? 'UTC').date,
      priority: 'high',
    },
    now,
  );
}

function previousPointer(message: StoredMessage, ref: OutboxRef): WriteOp[] {
  return message.retryAt === undefined
    ? []
    : [{ kind: 'delete', key: systemKeys.mailRetry(message.retryAt, ref.tenantId, ref.messageId) }];
}

function deletePointer(deps: DeliveryDeps, retryAt: number, ref: OutboxRef) {
  return deps.store.transact([
    { kind: 'delete', key: systemKeys.mailRetry(retryAt, ref.tenantId, ref.messageId) },
  ]);
}
