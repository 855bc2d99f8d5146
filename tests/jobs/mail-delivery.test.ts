import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import { SCHEDULED_JOBS } from '../../functions/jobs/schedules.ts';
import { systemKeys, tenantKeys } from '../../functions/platform/db/keys.ts';
import {
  type DeliveryDeps,
  deliverOutboxMessage,
  MAX_ATTEMPTS,
  retryQueuedMail,
} from '../../functions/platform/mail/delivery.ts';
import { queueMail } from '../../functions/platform/mail/outbox.ts';
import { todayItemId } from '../../functions/platform/today/today-items.ts';
import type { OutboxMessage } from '../../shared/schemas/outbox.ts';
import { createTestApp, type TestApp, testClock } from '../support/app.ts';

let t: TestApp;
const clock = testClock();
const quiet = { info() {}, warn() {}, error() {} };

/** A transport that records what it sent and fails while `failing` is set. */
function transport() {
  const sent: OutboxMessage[] = [];
  const state = { failing: false };
  return {
    sent,
    state,
    async deliver(m: OutboxMessage) {
      if (state.failing) throw Object.assign(new Error('SES down'), { name: 'ServiceUnavailable' });
      sent.push(m);
    },
  };
}

async function queue(tenantId: string) {
  const { op, message } = queueMail(
    { tenantId },
    { to: 'new.hire@clinic.test', subject: 'Welcome', text: 'Hello', kind: 'team.invite' },
    clock.now(),
  );
  await t.platform.store.transact([op]);
  return { tenantId, messageId: message.id };
}

const status = async (ref: { tenantId: string; messageId: string }) =>
  (await t.platform.store.get<OutboxMessage>(tenantKeys.outbox(ref, ref.messageId)))?.status;

const retryPointers = async () =>
  (await t.platform.store.query({ partition: systemKeys.mailRetryPartition, limit: 100 })).items;

beforeAll(async () => {
  t = await createTestApp({ clock });
});

describe('outbox delivery job', () => {
  it('sends a queued message and marks it sent', async () => {
    const mail = transport();
    const deps: DeliveryDeps = { store: t.platform.store, mail, clock, logger: quiet };
    const ref = await queue('01JDELIVERA');
    expect(await deliverOutboxMessage(deps, ref)).toBe('sent');
    expect(await status(ref)).toBe('sent');
    expect(mail.sent.map((m) => m.subject)).toEqual(['Welcome']);
  });

  it('sends once when two deliverers race for the same message (stream retry + sweep)', async () => {
    const mail = transport();
    const deps: DeliveryDeps = { store: t.platform.store, mail, clock, logger: quiet };
    const ref = await queue('01JDELIVERB');
    const results = await Promise.all([deliverOutboxMessage(deps, ref), deliverOutboxMessage(deps, ref)]);
    expect(results.sort()).toEqual(['sent', 'skipped']);
    expect(mail.sent).toHaveLength(1);
    expect(await deliverOutboxMessage(deps, ref)).toBe('skipped');
  });

  it('a failed send stays queued and the mail-retry job sends it once its wait is over', async () => {
    const mail = transport();
    const deps: DeliveryDeps = { store: t.platform.store, mail, clock, logger: quiet };
    const ref = await queue('01JDELIVERC');
    mail.state.failing = true;
    expect(await deliverOutboxMessage(deps, ref)).toBe('retry');
    expect(await status(ref)).toBe('queued');
    expect(await retryPointers()).toEqual([expect.objectContaining(ref)]);

    mail.state.failing = false;
    expect((await retryQueuedMail(deps)).sent).toBe(0); // its first wait (1 minute) has not passed
    clock.advance(61_000);
    expect((await retryQueuedMail(deps)).sent).toBe(1);
    expect(await status(ref)).toBe('sent');
    expect(await retryPointers()).toEqual([]);
  });

  it(`gives up after ${MAX_ATTEMPTS} failed sends and shows the message as failed`, async () => {
    const mail = transport();
    mail.state.failing = true;
    const deps: DeliveryDeps = { store: t.platform.store, mail, clock, logger: quiet };
    const ref = await queue('01JDELIVERD');
    const results = [await deliverOutboxMessage(deps, ref)];
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.advance(60 * 60_000);
      const counts = await retryQueuedMail(deps);
      results.push(counts.failed ? 'failed' : 'retry');
    }
    expect(results.at(-1)).toBe('failed');
    const stored = await t.platform.store.get<OutboxMessage>(tenantKeys.outbox(ref, ref.messageId));
    expect(stored).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(await retryPointers()).toEqual([]);
    // The managers hear of it in Today, in the same write that gave up.
    const item = await t.platform.store.get<Record<string, unknown>>(
      tenantKeys.todayItem(ref, todayItemId('platform', 'mail_failed', ref.messageId)),
    );
    expect(item).toMatchObject({
      title: 'Message not delivered to new.hire@clinic.test',
      assigneeRole: 'manager',
      priority: 'high',
      status: 'open',
      link: '/app/outbox',
    });
  });

  it('every scheduled job has a body, and the local host and EventBridge share the list', async () => {
    for (const job of SCHEDULED_JOBS) expect(SCHEDULED_JOB_BODIES).toHaveProperty([job.name]);
    const result = await SCHEDULED_JOB_BODIES['mail-retry']({ ...t.platform, logger: quiet });
    expect(result).toEqual(expect.objectContaining({ sent: expect.any(Number) }));
  });
});
