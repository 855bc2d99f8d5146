import type { ReminderSettings } from '../../shared/schemas/scheduling.ts';
import { systemKeys, tenantKeys } from '../platform/db/keys.ts';
import type { Store, WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { ContentionError } from '../platform/errors.ts';
import { updateOp } from './scheduling.repo.ts';

/** Reminder settings, the queue of reminders due (it spans tenants) and the links patients open. */

/** A reminder waiting in the queue: enough to find the visit and check it has not moved. */
export interface ReminderQueueItem {
  tenantId: string;
  appointmentId: string;
  hours: number;
  start: string;
  dueMs: number;
}

/** A reminder link's target; it expires (TTL) when the visit has passed. */
export interface ReminderLinkItem {
  tenantId: string;
  appointmentId: string;
  expiresAt: number;
}

export const reminderRepo = {
  settings: (db: TenantDb) => db.get<ReminderSettings>(tenantKeys.reminderSettings(db)),
  saveSettingsOp: (db: TenantDb, s: Omit<ReminderSettings, 'version'>, version: number): WriteOp =>
    version === 0
      ? {
          kind: 'create',
          item: { ...tenantKeys.reminderSettings(db), type: 'reminder_settings', ...s, version: 1 },
        }
      : updateOp(tenantKeys.reminderSettings(db), s, version),
  queueOp: (r: ReminderQueueItem): WriteOp => ({
    kind: 'put',
    item: {
      ...systemKeys.reminderDue(r.dueMs, r.tenantId, r.appointmentId, r.hours),
      type: 'reminder',
      ...r,
    },
  }),
  /** Due reminders, oldest first, a bounded page (platform credentials: they span tenants). */
  due: (store: Store, nowMs: number, limit: number) =>
    store.query<ReminderQueueItem>({
      partition: systemKeys.reminderQueue,
      skBetween: systemKeys.reminderDueRange(nowMs),
      limit,
    }),
  /** With `claim`, the delete fails if another run already took it: that run sends, this one does not. */
  dequeueOp: (r: ReminderQueueItem, claim = false): WriteOp => ({
    kind: 'delete',
    key: systemKeys.reminderDue(r.dueMs, r.tenantId, r.appointmentId, r.hours),
    mustExist: claim,
    onFail: () => new ContentionError('Another run sent this reminder'),
  }),
  linkOp: (tokenHash: string, link: ReminderLinkItem): WriteOp => ({
    kind: 'put',
    item: { ...systemKeys.reminderLink(tokenHash), type: 'reminder_link', ...link },
  }),
  link: (store: Store, tokenHash: string) => store.get<ReminderLinkItem>(systemKeys.reminderLink(tokenHash)),
};
