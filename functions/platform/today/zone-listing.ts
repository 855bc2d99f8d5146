import { localParts } from '../../../shared/time.ts';
import { systemKeys } from '../db/keys.ts';
import type { Store, WriteOp } from '../db/store.ts';

/**
 * A practice is listed under its time zone so the morning digest can find the practices where it
 * is 07:00 without reading any other. Written with sign-up and with a change of time zone.
 */
export function zoneListingOps(tenantId: string, zone: string, previousZone?: string): WriteOp[] {
  if (previousZone === zone) return [];
  return [
    ...(previousZone
      ? [{ kind: 'delete' as const, key: systemKeys.tenantInZone(previousZone, tenantId) }]
      : []),
    { kind: 'put', item: { ...systemKeys.tenantInZone(zone, tenantId), tenantId } },
  ];
}

const ZONES = [...Intl.supportedValuesOf('timeZone'), 'UTC'];

/** The time zones whose local hour is in [fromHour, fromHour + windowHours) now. */
export function zonesAtLocalHour(nowMs: number, fromHour: number, windowHours: number): string[] {
  return ZONES.filter((zone) => {
    const hour = Number(localParts(nowMs, zone).time.slice(0, 2));
    return hour >= fromHour && hour < fromHour + windowHours;
  });
}

/**
 * A daily job at a local hour: calls `visit` for each practice whose local time is within the window
 * now. An hourly schedule runs it; the window lets a later run catch an hour that failed, so `visit`
 * must do its day's work once (a marker written with the work).
 */
export async function forPracticesAtLocalHour(
  store: Store,
  nowMs: number,
  window: { fromHour: number; hours: number },
  visit: (tenantId: string, zone: string) => Promise<void>,
): Promise<number> {
  let practices = 0;
  for (const zone of zonesAtLocalHour(nowMs, window.fromHour, window.hours)) {
    let cursor: string | undefined;
    do {
      const page = await store.query<{ tenantId: string }>({
        partition: systemKeys.tenantsInZone(zone),
        limit: 100,
        cursor,
      });
      for (const { tenantId } of page.items) {
        practices++;
        await visit(tenantId, zone);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return practices;
}
