/**
 * Busy maps: what a visit holds busy (the provider with buffers, the room for the visit itself)
 * per UTC day, claimed and released under each map's version so nobody is double-booked, however
 * many desks book at once.
 */
import type { Appointment } from '../../shared/schemas/scheduling.ts';
import { addDays } from '../../shared/time.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { ContentionError, conflict } from '../platform/errors.ts';
import { type Interval, overlaps } from './availability.ts';
import { type BusyDay, busyRepo } from './busy-map.repo.ts';

const MINUTE = 60_000;
/** Concurrent bookings of one provider-day retry this often before giving up with 409. */
const MAX_ATTEMPTS = 12;

const iso = (ms: number) => new Date(ms).toISOString();
const isoMinute = (ms: number) => iso(ms).slice(0, 16);

/** What a claim needs of a placement (placement.service.ts makes them). */
interface Claim {
  provider: { id: string };
  type: { bufferBeforeMinutes: number; bufferAfterMinutes: number };
  roomId?: string;
  start: number;
  end: number;
}

/** Which of `rooms` are free for the whole of each span (a visit being moved does not block itself). */
export async function roomsFree(db: TenantDb, rooms: string[], spans: Interval[], ignore?: string) {
  const days = [...new Set(spans.flatMap(daysOf))];
  const maps = await busyRepo.getMany(
    db,
    rooms.flatMap((id) => days.map((day) => ({ who: 'R' as const, id, day }))),
  );
  const busyOf = new Map(
    rooms.map((id) => [
      id,
      maps
        .filter((m) => m.id === id)
        .flatMap((m) => m.intervals.filter((i) => i.a !== ignore))
        .map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) })),
    ]),
  );
  return (span: Interval) => rooms.filter((id) => !busyOf.get(id)!.some((b) => overlaps(span, b)));
}

/** What an appointment holds busy: the provider with buffers, the room for the visit itself. */
function holds(a: {
  providerId: string;
  roomId?: string;
  start: number;
  end: number;
  bufferBefore: number;
  bufferAfter: number;
}): { who: 'P' | 'R'; id: string; span: Interval }[] {
  const out: { who: 'P' | 'R'; id: string; span: Interval }[] = [
    {
      who: 'P' as const,
      id: a.providerId,
      span: { start: a.start - a.bufferBefore * MINUTE, end: a.end + a.bufferAfter * MINUTE },
    },
  ];
  if (a.roomId) out.push({ who: 'R' as const, id: a.roomId, span: { start: a.start, end: a.end } });
  return out;
}

const holdsOf = (a: Appointment) =>
  holds({
    providerId: a.providerId,
    roomId: a.roomId,
    start: Date.parse(a.start),
    end: Date.parse(a.end),
    bufferBefore: (a as { bufferBeforeMinutes?: number }).bufferBeforeMinutes ?? 0,
    bufferAfter: (a as { bufferAfterMinutes?: number }).bufferAfterMinutes ?? 0,
  });

/** UTC days an interval touches (a late-evening visit in the Americas spans two). */
function daysOf(span: Interval): string[] {
  const days = [iso(span.start).slice(0, 10)];
  const last = iso(span.end - 1).slice(0, 10);
  while (days.at(-1)! < last) days.push(addDays(days.at(-1)!, 1));
  return days;
}

export const toIntervals = (b: BusyDay): Interval[] =>
  b.intervals.map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) }));

/**
 * Reads the busy maps the visit touches, refuses on overlap, and returns the writes that add
 * it (and drop `replacing`, for a reschedule) under each map's version.
 */
export async function claim(
  db: TenantDb,
  place: Claim,
  appointmentId: string,
  replacing?: Appointment,
): Promise<WriteOp[]> {
  const mine = holds({
    providerId: place.provider.id,
    roomId: place.roomId,
    start: place.start,
    end: place.end,
    bufferBefore: place.type.bufferBeforeMinutes,
    bufferAfter: place.type.bufferAfterMinutes,
  });
  const old = replacing ? holdsOf(replacing) : [];
  const refs = [...mine, ...old].flatMap((h) => daysOf(h.span).map((day) => ({ who: h.who, id: h.id, day })));
  const maps = await busyRepo.getMany(db, dedupe(refs));
  for (const h of mine) {
    const taken = maps
      .filter((m) => m.who === h.who && m.id === h.id)
      .flatMap((m) => m.intervals.filter((i) => i.a !== replacing?.id))
      .some((i) => overlaps(h.span, { start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) }));
    if (taken) {
      throw conflict(
        h.who === 'P'
          ? 'The provider is already booked at that time'
          : 'The room is already booked at that time',
      );
    }
  }
  for (const m of maps) {
    m.intervals = m.intervals.filter((i) => i.a !== replacing?.id);
    for (const h of mine) {
      if (h.who === m.who && h.id === m.id && daysOf(h.span).includes(m.day)) {
        m.intervals.push({ s: isoMinute(h.span.start), e: isoMinute(h.span.end), a: appointmentId });
      }
    }
  }
  return maps.map((m) => busyRepo.writeOp(db, m));
}

/** Writes that free an appointment's busy time (cancel). */
export async function releaseOps(db: TenantDb, appt: Appointment): Promise<WriteOp[]> {
  const refs = holdsOf(appt).flatMap((h) => daysOf(h.span).map((day) => ({ who: h.who, id: h.id, day })));
  const maps = await busyRepo.getMany(db, dedupe(refs));
  return maps
    .filter((m) => m.version !== undefined)
    .map((m) => busyRepo.writeOp(db, { ...m, intervals: m.intervals.filter((i) => i.a !== appt.id) }));
}

function dedupe<T extends { who: string; id: string; day: string }>(refs: T[]): T[] {
  return [...new Map(refs.map((r) => [`${r.who}|${r.id}|${r.day}`, r])).values()];
}

/** Re-runs a read-check-write when a concurrent booking won the race for the same maps. */
export async function withBusyRetry(attempt: () => Promise<void>): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ContentionError) || i >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * i));
    }
  }
}
