import { type ScheduleException, SLICE_MINUTES, type Template } from '../../shared/schemas/scheduling.ts';
import { zonedInstant } from '../../shared/time.ts';

/** A half-open interval of instants (epoch ms). */
export interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;

/** Weekday (0 = Sunday) of a calendar date, zone-free. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Whether an exception keeps this provider at this location from working on this date. */
export function blocks(e: ScheduleException, providerId: string, locationId: string, date: string): boolean {
  if (date < e.startDate || date > e.endDate) return false;
  if (e.kind === 'holiday') return true;
  if (e.kind === 'closure') return e.locationId === locationId;
  return e.providerId === providerId;
}

/**
 * The provider's working intervals at a location on a local date, from the weekly templates in
 * effect that day, minus exceptions. Local times become instants in the location's zone, so a
 * block from 08:00 to 12:00 is four hours on ordinary days and still ends at 12:00 local on the
 * days clocks change.
 */
export function openIntervals(
  templates: Template[],
  exceptions: ScheduleException[],
  at: { providerId: string; locationId: string; date: string; timeZone: string },
): Interval[] {
  if (exceptions.some((e) => blocks(e, at.providerId, at.locationId, at.date))) return [];
  const weekday = weekdayOf(at.date);
  return templates
    .filter(
      (t) =>
        t.providerId === at.providerId &&
        t.locationId === at.locationId &&
        t.effectiveFrom <= at.date &&
        (!t.effectiveTo || at.date <= t.effectiveTo),
    )
    .flatMap((t) => t.blocks.filter((b) => b.weekday === weekday))
    .map((b) => ({
      start: zonedInstant(at.date, b.start, at.timeZone),
      end: zonedInstant(at.date, b.end, at.timeZone),
    }))
    .sort((a, b) => a.start - b.start);
}

/** Whether [start, end) lies wholly inside one open interval. */
export const isWithin = (open: Interval[], start: number, end: number) =>
  open.some((o) => o.start <= start && end <= o.end);

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/**
 * Free starts inside the open intervals for a visit of `minutes` whose buffered span must not
 * touch any busy interval, stepping by the visit length up to 15 minutes.
 */
export function freeStarts(
  open: Interval[],
  busy: Interval[],
  visit: { minutes: number; bufferBefore: number; bufferAfter: number },
  notBefore: number,
): number[] {
  const step = Math.max(SLICE_MINUTES, Math.min(visit.minutes, 15)) * MINUTE;
  const starts: number[] = [];
  for (const o of open) {
    for (let s = o.start; s + visit.minutes * MINUTE <= o.end; s += step) {
      if (s < notBefore) continue;
      const span = {
        start: s - visit.bufferBefore * MINUTE,
        end: s + (visit.minutes + visit.bufferAfter) * MINUTE,
      };
      if (!busy.some((b) => overlaps(span, b))) starts.push(s);
    }
  }
  return starts;
}
