/**
 * The morning digest: at 07:00 in the practice's time zone each person with open items gets one
 * email listing what is overdue and due today. Cross-domain reads go through functions tenants
 * exports for that purpose: getTenant (the practice's name) and listUsers (who to write to).
 */
import { staffDate } from '../../shared/locale.ts';
import { inRoleGroup } from '../../shared/roles.ts';
import type { TodayItem } from '../../shared/schemas/today.ts';
import { localParts } from '../../shared/time.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError } from '../platform/errors.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { publicUrl } from '../platform/public-url.ts';
import { forPracticesAtLocalHour } from '../platform/today/zone-listing.ts';
import { listUsers } from '../tenants/members.service.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { todayRepo } from './today.repo.ts';
import { sortIntoSections } from './today.service.ts';

/** The digest goes out from 07:00; later runs that morning catch a missed hour, never twice. */
export const DIGEST_FROM_HOUR = 7;
const CATCH_UP_HOURS = 3;
const LISTED = 10;
const DIGEST_ACTOR = { id: 'today-digest', name: 'Morning digest' };

export interface DigestCounts {
  practices: number;
  sent: number;
  skipped: number;
}

/** The hourly job: practices whose local time is 07:00–09:59 now, each person once that day. */
export async function sendMorningDigests(p: Platform): Promise<DigestCounts> {
  const now = p.clock.now().getTime();
  const counts: DigestCounts = { practices: 0, sent: 0, skipped: 0 };
  counts.practices = await forPracticesAtLocalHour(
    p.store,
    now,
    { fromHour: DIGEST_FROM_HOUR, hours: CATCH_UP_HOURS },
    (tenantId, zone) => digestPractice(p, systemDb(p, tenantId, DIGEST_ACTOR), zone, now, counts),
  );
  return counts;
}

async function digestPractice(p: Platform, db: TenantDb, zone: string, nowMs: number, counts: DigestCounts) {
  const date = localParts(nowMs, zone).date;
  const [tenant, users, open, prefs, sent] = await Promise.all([
    getTenant(db),
    listUsers(db, { limit: 100, status: 'active' }),
    todayRepo.open(db),
    todayRepo.preferences(db),
    todayRepo.digestsSent(db, date),
  ]);
  if (tenant.timeZone !== zone) return; // the practice moved zones since it was listed
  const optedOut = new Set(prefs.items.filter((x) => x.digest === false).map((x) => x.userId));
  const done = new Set(sent.items.map((x) => x.SK));
  for (const user of users.items) {
    if (!inRoleGroup(user.role, 'practice') || optedOut.has(user.id) || done.has(user.id)) {
      continue;
    }
    const view = sortIntoSections(open.items, { userId: user.id, role: user.role }, 'mine', date, nowMs);
    if (view.overdue.length + view.today.length + view.upcoming.length === 0) continue;
    const mail = queueMail(
      db,
      {
        to: user.email,
        kind: 'today.digest',
        subject: digestSubject(tenant.name, view.overdue.length, view.today.length),
        text: digestText(user.name, view, publicUrl(p)),
      },
      new Date(nowMs),
    );
    try {
      await p.store.transact([
        { kind: 'create', item: { ...tenantKeys.todayDigestSent(db, user.id, date), type: 'today_digest' } },
        mail.op,
      ]);
    } catch (err) {
      // Another run sent this person's digest for the day first.
      if (err instanceof AppError && err.code === 'conflict') {
        counts.skipped++;
        continue;
      }
      throw err;
    }
    await p.jobs.mailQueued({ tenantId: db.tenantId, messageId: mail.message.id });
    counts.sent++;
  }
}

function digestSubject(practice: string, overdue: number, dueToday: number): string {
  const parts = [overdue ? `${overdue} overdue` : '', `${dueToday} due today`].filter(Boolean);
  return `Today at ${practice}: ${parts.join(', ')}`;
}

function digestText(
  name: string,
  view: { overdue: TodayItem[]; today: TodayItem[]; upcoming: TodayItem[] },
  origin: string,
): string {
  const list = (title: string, items: TodayItem[]) =>
    items.length
      ? [
          `${title}:`,
          ...items
            .slice(0, LISTED)
            .map((i) => `- ${i.title}${i.dueDate ? ` (due ${staffDate(i.dueDate)})` : ''}`),
          ...(items.length > LISTED ? [`- and ${items.length - LISTED} more`] : []),
          '',
        ]
      : [];
  return [
    `Good morning, ${name.split(' ')[0]}.`,
    '',
    ...list('Overdue', view.overdue),
    ...list('Due today', view.today),
    ...(view.upcoming.length ? [`Coming up: ${view.upcoming.length} more in the next two weeks.`, ''] : []),
    `Open Today: ${origin}/app`,
    '',
    'To stop this email, turn off "Morning email" at the bottom of Today.',
  ].join('\n');
}
