import { createHash } from 'node:crypto';
import type { Appointment, Provider } from '../../shared/schemas/scheduling.ts';
import type { Store } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { calendar, escapeText, icsTime } from '../platform/ical.ts';
import { newToken } from '../platform/ids.ts';
import { feedRepo } from './feed.repo.ts';
import { providerRepo } from './setup.repo.ts';

const DAY = 24 * 3600_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Creates (or replaces) a provider's calendar feed. The URL's token is the only secret: it is
 * stored hashed, and a new feed revokes the old one. Patient names show only if the owner says so.
 */
export async function createFeed(
  db: TenantDb,
  providerId: string,
  input: { showNames: boolean; version: number },
) {
  if (input.showNames && db.actor.role !== 'owner') {
    throw forbidden('Only the practice owner can put patient names in a calendar feed');
  }
  const provider = (await providerRepo.get(db, providerId)) as
    | (Provider & { feedTokenHash?: string })
    | undefined;
  if (!provider) throw notFound('Provider');
  const token = newToken(32);
  const tokenHash = hashOf(token);
  const feed = {
    tenantId: db.tenantId,
    providerId,
    showNames: input.showNames,
    createdAt: db.now().toISOString(),
  };
  await db.writeWithPlatformItems(
    [
      providerRepo.updateOp(
        db,
        providerId,
        { feedTokenHash: tokenHash, feedShowsNames: input.showNames },
        input.version,
      ),
    ],
    [
      feedRepo.createOp(tokenHash, feed),
      ...(provider.feedTokenHash ? [feedRepo.deleteOp(provider.feedTokenHash)] : []),
    ],
    {
      action: 'scheduling.feed_created',
      entityType: 'provider',
      entityId: providerId,
      summary: `Calendar feed for ${provider.name}${input.showNames ? ' (with patient names)' : ''}`,
    },
  );
  return { token, showNames: input.showNames, version: input.version + 1 };
}

/** Revokes a provider's feed: its URL stops working at once. */
export async function revokeFeed(db: TenantDb, providerId: string, version: number) {
  const provider = (await providerRepo.get(db, providerId)) as
    | (Provider & { feedTokenHash?: string })
    | undefined;
  if (!provider?.feedTokenHash) throw notFound('Calendar feed');
  await db.writeWithPlatformItems(
    [providerRepo.updateOp(db, providerId, {}, version, ['feedTokenHash', 'feedShowsNames'])],
    [feedRepo.deleteOp(provider.feedTokenHash)],
    {
      action: 'scheduling.feed_revoked',
      entityType: 'provider',
      entityId: providerId,
      summary: 'Revoked the calendar feed',
    },
  );
}

/** The feed as iCalendar (RFC 5545): 30 days back, 180 ahead; cancelled visits as CANCELLED. */
export async function renderFeed(store: Store, token: string, now: Date): Promise<string | undefined> {
  const feed = await feedRepo.get(store, hashOf(token));
  if (!feed) return undefined;
  const [provider, page] = await Promise.all([
    feedRepo.provider(store, feed),
    feedRepo.appointments(
      store,
      feed,
      new Date(now.getTime() - 30 * DAY).toISOString(),
      new Date(now.getTime() + 180 * DAY).toISOString(),
    ),
  ]);
  const stamp = icsTime(now.toISOString());
  const events = page.items
    .filter((a) => a.status !== 'rescheduled')
    .flatMap((a) => vevent(a, feed.showNames, stamp));
  return calendar('Scheduling', `${provider?.name ?? 'Provider'} (Rounds)`, events);
}

function vevent(a: Appointment, showNames: boolean, stamp: string): string[] {
  const summary = showNames ? `${a.patientName} (${a.typeName})` : 'Booked';
  return [
    'BEGIN:VEVENT',
    `UID:${a.id}@rounds`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsTime(a.start)}`,
    `DTEND:${icsTime(a.end)}`,
    `SUMMARY:${escapeText(summary)}`,
    `STATUS:${a.status === 'cancelled' || a.status === 'no_show' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}
