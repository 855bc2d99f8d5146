import type { Page } from '../../shared/schemas/common.ts';
import type { OutboxAudience, OutboxMessage } from '../../shared/schemas/outbox.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { hideResetLink } from './password.service.ts';
import { feedRepo } from './tenants.repo.ts';

const OUTBOX_STATUSES = new Set(['queued', 'sending', 'sent', 'failed']);

/**
 * Messages Rounds sent on the tenant's behalf (invitations, reminders), newest first, with
 * delivery state; `audience` keeps only patient mail or only staff mail.
 */
export async function listOutbox(
  db: TenantDb,
  opts: { limit: number; cursor?: string; audience?: OutboxAudience },
): Promise<Page<OutboxMessage>> {
  const page = await feedRepo.outbox(db, opts);
  return {
    items: page.items.map((m) => ({
      id: String(m.id),
      to: String(m.to),
      subject: String(m.subject),
      text: hideResetLink(String(m.kind), String(m.text)),
      kind: String(m.kind),
      ...(m.channel === 'sms' ? { channel: 'sms' as const } : {}),
      status: OUTBOX_STATUSES.has(String(m.status)) ? (m.status as OutboxMessage['status']) : 'queued',
      ...(typeof m.attempts === 'number' ? { attempts: m.attempts } : {}),
      createdAt: String(m.createdAt),
    })),
    nextCursor: page.nextCursor,
  };
}
