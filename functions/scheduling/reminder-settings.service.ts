import type { Appointment, ReminderSettings } from '../../shared/schemas/scheduling.ts';
import { QUIET_HOURS } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts, zonedInstant } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { reminderRepo } from './reminders.repo.ts';

/** Reminder rules: which reminders a booking queues, and when (never in quiet hours). */

const HOUR = 3600_000;
/** The last send time before quiet hours: a reminder is moved earlier, never later. */
const LAST_SEND = '20:45';
const DEFAULTS: ReminderSettings = { enabled: true, hoursBefore: [72, 24], version: 0 };

export async function getReminderSettings(db: TenantDb): Promise<ReminderSettings> {
  const saved = await reminderRepo.settings(db);
  return saved ? strip<ReminderSettings>(saved as never) : DEFAULTS;
}

export async function updateReminderSettings(
  db: TenantDb,
  input: { enabled: boolean; hoursBefore: number[]; version: number },
): Promise<ReminderSettings> {
  const hoursBefore = [...new Set(input.hoursBefore)].sort((a, b) => b - a);
  await db.write([reminderRepo.saveSettingsOp(db, { enabled: input.enabled, hoursBefore }, input.version)], {
    action: 'scheduling.reminders_updated',
    entityType: 'reminder_settings',
    entityId: db.tenantId,
    summary: input.enabled ? `Reminders ${hoursBefore.join(' h and ')} h before` : 'Reminders turned off',
  });
  return { enabled: input.enabled, hoursBefore, version: input.version + 1 };
}

/** When a reminder `hours` before `start` goes out: moved earlier out of quiet hours (local). */
export function reminderDue(startMs: number, hours: number, timeZone: string): number {
  const due = startMs - hours * HOUR;
  const local = localParts(due, timeZone);
  if (local.time >= QUIET_HOURS.from) return zonedInstant(local.date, LAST_SEND, timeZone);
  if (local.time < QUIET_HOURS.until) return zonedInstant(addDays(local.date, -1), LAST_SEND, timeZone);
  return due;
}

/** Queue entries for a new booking's reminders (platform items: the job spans tenants). */
export function reminderQueueOps(
  settings: ReminderSettings,
  appt: Pick<Appointment, 'id' | 'start'>,
  at: { tenantId: string; timeZone: string; nowMs: number },
): WriteOp[] {
  if (!settings.enabled) return [];
  const startMs = Date.parse(appt.start);
  return settings.hoursBefore
    .map((hours) => ({ hours, dueMs: reminderDue(startMs, hours, at.timeZone) }))
    .filter((r) => r.dueMs > at.nowMs)
    .map((r) =>
      reminderRepo.queueOp({ tenantId: at.tenantId, appointmentId: appt.id, start: appt.start, ...r }),
    );
}
