/**
 * A staff member's shifts as a calendar feed (iCalendar), like a provider's visits: the URL's
 * token is the only secret, stored hashed; a new feed revokes the old one. Only published weeks
 * are in it. Cross-domain read: getLocation from tenants/settings.service.ts (each shift's local
 * time is in its location's zone).
 */
import { createHash } from 'node:crypto';
import { addDays, zonedInstant } from '../../shared/time.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { calendar, escapeText, icsTime } from '../platform/ical.ts';
import { newToken } from '../platform/ids.ts';
import type { Platform } from '../platform/platform.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { shiftRepo } from './shifts.repo.ts';
import { mondayOf } from './shifts.service.ts';
import { staffRepo } from './staff.repo.ts';
import { staffFeedRepo } from './staff-feed.repo.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
/** The feed's window: what a phone's calendar needs, bounded. */
const DAYS_BACK = 14;
const DAYS_AHEAD = 60;

async function ownStaffId(db: TenantDb, userId: string): Promise<string> {
  const id = await staffRepo.idByUser(db, userId);
  if (!id)
    throw badRequest('Your login is not linked to a staff record yet: ask your practice manager to link it');
  return id;
}

/** Whether the caller has a feed, and since when. */
export async function myFeed(db: TenantDb, userId: string): Promise<{ active: boolean; createdAt?: string }> {
  const staffId = await staffRepo.idByUser(db, userId);
  const pointer = staffId ? await staffFeedRepo.pointer(db, staffId) : undefined;
  return pointer ? { active: true, createdAt: pointer.createdAt } : { active: false };
}

/** Creates (or replaces) the caller's feed; the token is shown once. */
export async function createMyFeed(
  db: TenantDb,
  userId: string,
): Promise<{ token: string; createdAt: string }> {
  const staffId = await ownStaffId(db, userId);
  const previous = await staffFeedRepo.pointer(db, staffId);
  const token = newToken(32);
  const tokenHash = hashOf(token);
  const createdAt = db.now().toISOString();
  await db.writeWithPlatformItems(
    [staffFeedRepo.pointerOp(db, staffId, { tokenHash, createdAt })],
    [
      staffFeedRepo.createOp(tokenHash, { tenantId: db.tenantId, staffId, createdAt }),
      ...(previous ? [staffFeedRepo.deleteOp(previous.tokenHash)] : []),
    ],
    {
      action: 'hr.shift_feed_created',
      entityType: 'staff',
      entityId: staffId,
      summary: previous ? 'Replaced their shift calendar feed' : 'Created their shift calendar feed',
    },
  );
  return { token, createdAt };
}

/** Revokes the caller's feed: its URL stops working at once. */
export async function revokeMyFeed(db: TenantDb, userId: string): Promise<void> {
  const staffId = await ownStaffId(db, userId);
  const previous = await staffFeedRepo.pointer(db, staffId);
  if (!previous) throw notFound('Calendar feed');
  await db.writeWithPlatformItems(
    [{ kind: 'delete', key: tenantKeys.staffFeedOf(db, staffId) }],
    [staffFeedRepo.deleteOp(previous.tokenHash)],
    {
      action: 'hr.shift_feed_revoked',
      entityType: 'staff',
      entityId: staffId,
      summary: 'Revoked their shift calendar feed',
    },
  );
}

/** The feed as iCalendar: the person's shifts in published weeks, two weeks back to two months ahead. */
export async function renderStaffFeed(p: Platform, token: string): Promise<string | undefined> {
  const feed = await staffFeedRepo.get(p.store, hashOf(token));
  if (!feed) return undefined;
  const db = systemDb(p, feed.tenantId, { id: 'staff-feed', name: 'Calendar feed' });
  const person = await staffRepo.get(db, feed.staffId);
  if (!person) return undefined;
  const now = p.clock.now();
  const today = now.toISOString().slice(0, 10);
  const shifts = await shiftRepo.ofStaff(
    db,
    feed.staffId,
    addDays(today, -DAYS_BACK),
    addDays(today, DAYS_AHEAD),
  );
  const published = new Map<string, boolean>();
  const zones = new Map<string, { zone: string; name: string }>();
  const events: string[] = [];
  const stamp = icsTime(now.toISOString());
  for (const s of shifts) {
    const week = `${s.locationId}|${mondayOf(s.date)}`;
    if (!published.has(week))
      published.set(week, Boolean(await shiftRepo.week(db, s.locationId, mondayOf(s.date))));
    if (!published.get(week)) continue;
    if (!zones.has(s.locationId)) {
      const location = await getLocation(db, s.locationId);
      zones.set(s.locationId, { zone: location.timeZone, name: location.name });
    }
    const at = zones.get(s.locationId)!;
    const iso = (time: string) => new Date(zonedInstant(s.date, time, at.zone)).toISOString();
    events.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@rounds-shifts`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(iso(s.start))}`,
      `DTEND:${icsTime(iso(s.end))}`,
      `SUMMARY:${escapeText(`Shift at ${at.name}`)}`,
      ...(s.note ? [`DESCRIPTION:${escapeText(s.note)}`] : []),
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  return calendar('HR', `${person.firstName} ${person.lastName}: shifts (Rounds)`, events);
}
