/**
 * Scheduling measures, week over week, and scheduling's monthly metrics. Cross-domain reads:
 * `getLocation` and `listLocations` from tenants/settings.service.ts (a location's zone decides what
 * "today", a week and a month are).
 */

import { SCHEDULING_METRICS, type SchedulingMetricId } from '../../shared/metrics.ts';
import type { Appointment, MonthlyMeasures } from '../../shared/schemas/scheduling.ts';
import { addDays, localParts, shiftMonth } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import {
  type MetricModule,
  type MetricValue,
  readSnapshots,
} from '../platform/metric-snapshots/metric-snapshots.ts';
import { getLocation, listLocations } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { freeStarts, openIntervals } from './availability.ts';
import { busyRepo } from './busy-map.repo.ts';
import { measureRepo } from './measures.repo.ts';
import { exceptionRepo, providerRepo, templateRepo, typeRepo } from './setup.repo.ts';

const MINUTE = 60_000;
const HORIZON_DAYS = 60;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const NOT_HELD = new Set(['cancelled', 'rescheduled']);

/** No-show, late-cancel and utilization per week (Monday start), and time to third next available. */
export async function measures(db: TenantDb, q: { locationId: string; weekOf?: string; weeks: number }) {
  const location = await getLocation(db, q.locationId);
  const today = localParts(db.now().getTime(), location.timeZone).date;
  const anchor = q.weekOf ?? today;
  const monday = addDays(anchor, -((new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7));
  const firstWeek = addDays(monday, -7 * (q.weeks - 1));
  const [templates, exceptions, providers] = await Promise.all([
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, addDays(monday, 6 + HORIZON_DAYS)),
    providerRepo.list(db, { limit: 100 }),
  ]);
  const atLocation = providers.items.filter((p) => p.locationIds.includes(location.id));
  const nowMs = db.now().getTime();
  const ctx = {
    location,
    templates: templates.items,
    exceptions: exceptions.items,
    providers: atLocation,
    nowMs,
  };
  const weeks = [];
  for (let w = 0; w < q.weeks; w++) {
    const start = addDays(firstWeek, 7 * w);
    const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    const week = await periodMeasures(db, days, ctx);
    // A week with no visits booked has nothing to measure: a gap in the chart, not 0% utilization.
    weeks.push({ weekStart: start, ...week, utilization: week.booked === 0 ? null : week.utilization });
  }
  return {
    locationId: location.id,
    weeks,
    thirdNextAvailable: await thirdNext(
      db,
      atLocation.map((p) => p.id),
      location,
      today,
      templates.items,
      exceptions.items,
    ),
  };
}

interface PeriodContext {
  location: { id: string; timeZone: string };
  templates: Parameters<typeof openIntervals>[0];
  exceptions: Parameters<typeof openIntervals>[1];
  providers: { id: string }[];
  nowMs: number;
}

/** The measures of a run of days at a location: one day-partition Query per day. */
async function periodMeasures(db: TenantDb, days: string[], ctx: PeriodContext) {
  const appts = (await Promise.all(days.map((d) => appointmentRepo.ofDay(db, ctx.location.id, d)))).flatMap(
    (p) => p.items.map((a) => strip<Appointment>(a as never)),
  );
  const held = appts.filter((a) => !NOT_HELD.has(a.status));
  const past = held.filter((a) => Date.parse(a.start) < ctx.nowMs);
  const byProvider = ctx.providers.map((p) => {
    const at = { providerId: p.id, locationId: ctx.location.id, timeZone: ctx.location.timeZone };
    const available = days
      .flatMap((date) => openIntervals(ctx.templates, ctx.exceptions, { ...at, date }))
      .reduce((sum, i) => sum + (i.end - i.start) / MINUTE, 0);
    const booked = held.filter((a) => a.providerId === p.id).reduce((sum, a) => sum + a.durationMinutes, 0);
    return {
      providerId: p.id,
      bookedMinutes: booked,
      availableMinutes: available,
      utilization: ratio(booked, available),
    };
  });
  const bookedMinutes = byProvider.reduce((s, p) => s + p.bookedMinutes, 0);
  const availableMinutes = byProvider.reduce((s, p) => s + p.availableMinutes, 0);
  const booked = appts.filter((a) => a.status !== 'rescheduled').length;
  const noShows = past.filter((a) => a.status === 'no_show').length;
  const lateCancels = appts.filter((a) => a.lateCancel).length;
  return {
    booked,
    heldVisits: held.length,
    pastVisits: past.length,
    noShows,
    lateCancels,
    bookedMinutes,
    availableMinutes,
    noShowRate: ratio(noShows, past.length),
    lateCancelRate: ratio(lateCancels, booked),
    utilization: ratio(bookedMinutes, availableMinutes),
    byProvider,
  };
}

/**
 * Scheduling's entry in the metric registry: the platform's monthly job calls `computeMonth` for
 * each completed month and stores the values; nothing is computed on a page read.
 */
export const schedulingMetrics: MetricModule = {
  module: 'scheduling',
  metrics: SCHEDULING_METRICS,
  computeMonth: computeSchedulingMonth,
};

type Id = SchedulingMetricId;
type Period = Awaited<ReturnType<typeof periodMeasures>>;
interface LocationMonth {
  id: string;
  period: Period;
  beforeOpening: boolean;
}

/**
 * One completed month, per location and for the practice. 'before-start' when every location was
 * added after the month and it holds no visits and no new patients: imported history counts as data.
 */
async function computeSchedulingMonth(
  db: TenantDb,
  month: string,
): Promise<Record<Id, MetricValue> | 'before-start'> {
  const [locations, templates, exceptions, providers, newPatients] = await Promise.all([
    listLocations(db, { limit: 50, includeArchived: true }),
    templateRepo.list(db, { limit: 100 }),
    exceptionRepo.startingBy(db, `${month}-31`),
    providerRepo.list(db, { limit: 100 }),
    measureRepo.countNewPatients(db, month),
  ]);
  const perLocation: LocationMonth[] = [];
  for (const location of locations.items) {
    const period = await periodMeasures(db, daysOfMonth(month), {
      location,
      templates: templates.items,
      exceptions: exceptions.items,
      providers: providers.items.filter((p) => p.locationIds.includes(location.id)),
      nowMs: db.now().getTime(),
    });
    const openedMonth = localParts(Date.parse(location.createdAt), location.timeZone).date.slice(0, 7);
    // Before the location existed an empty month is not a measured zero: benchmarks must not average it in.
    perLocation.push({ id: location.id, period, beforeOpening: month < openedMonth && period.booked === 0 });
  }
  if (perLocation.every((l) => l.beforeOpening) && newPatients === 0) return 'before-start';
  // Hours on file before a location opened were not hours it was open for booking.
  const open = perLocation.filter((l) => !l.beforeOpening);
  const sum = (list: LocationMonth[], f: (p: Period) => number) => list.reduce((s, l) => s + f(l.period), 0);
  const each = (f: (l: LocationMonth) => number | null) =>
    Object.fromEntries(perLocation.map((l) => [l.id, f(l)]));
  return {
    'scheduling.visits': {
      value: sum(perLocation, (p) => p.booked),
      byLocation: each((l) => l.period.booked),
    },
    'scheduling.no_show_rate': {
      value: ratio(
        sum(perLocation, (p) => p.noShows),
        sum(perLocation, (p) => p.pastVisits),
      ),
      byLocation: each((l) => l.period.noShowRate),
    },
    'scheduling.late_cancel_rate': {
      value: ratio(
        sum(perLocation, (p) => p.lateCancels),
        sum(perLocation, (p) => p.booked),
      ),
      byLocation: each((l) => l.period.lateCancelRate),
    },
    'scheduling.utilization': {
      value: ratio(
        sum(open, (p) => p.bookedMinutes),
        sum(open, (p) => p.availableMinutes),
      ),
      byLocation: each((l) => (l.beforeOpening ? null : l.period.utilization)),
    },
    // Patients belong to the practice, not to a location.
    'scheduling.new_patients': { value: newPatients },
  };
}

/**
 * Completed months' measures at a location, newest first, read from the stored snapshots only: a
 * month the monthly job has not stored yet (or one before the location was measured) is absent.
 */
export async function monthlyMeasures(
  db: TenantDb,
  q: { locationId: string; months: number },
): Promise<MonthlyMeasures[]> {
  const location = await getLocation(db, q.locationId);
  const thisMonth = localParts(db.now().getTime(), location.timeZone).date.slice(0, 7);
  const stored = await readSnapshots(db, {
    module: schedulingMetrics.module,
    from: shiftMonth(thisMonth, -q.months),
    to: shiftMonth(thisMonth, -1),
  });
  const out: MonthlyMeasures[] = [];
  for (const { month, values } of stored) {
    const at = (id: Id) => values.get(id)?.byLocation?.[location.id];
    const visits = at('scheduling.visits');
    // The location was not measured that month (added after the snapshot was stored).
    if (visits === undefined || visits === null) continue;
    out.push({
      month,
      locationId: location.id,
      visits,
      noShowRate: at('scheduling.no_show_rate') ?? null,
      lateCancelRate: at('scheduling.late_cancel_rate') ?? null,
      utilization: at('scheduling.utilization') ?? null,
      newPatients: values.get('scheduling.new_patients')?.value ?? 0,
      computedAt: values.get('scheduling.visits')!.computedAt,
    });
  }
  return out;
}

function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  return days;
}

/** Days until each provider's third free start (the industry's access measure). */
async function thirdNext(
  db: TenantDb,
  providerIds: string[],
  location: { id: string; timeZone: string },
  today: string,
  templates: Parameters<typeof openIntervals>[0],
  exceptions: Parameters<typeof openIntervals>[1],
) {
  const types = await typeRepo.list(db, { limit: 1 });
  const type = types.items[0];
  if (!type) return providerIds.map((providerId) => ({ providerId, days: null }));
  const dates = Array.from({ length: HORIZON_DAYS }, (_, i) => addDays(today, i));
  const visit = {
    minutes: type.durationMinutes,
    bufferBefore: type.bufferBeforeMinutes,
    bufferAfter: type.bufferAfterMinutes,
  };
  const out = [];
  for (const providerId of providerIds) {
    const maps = await busyRepo.getMany(
      db,
      [addDays(today, -1), ...dates].map((day) => ({ who: 'P' as const, id: providerId, day })).slice(0, 100),
    );
    const busy = maps.flatMap((m) =>
      m.intervals.map((i) => ({ start: Date.parse(`${i.s}Z`), end: Date.parse(`${i.e}Z`) })),
    );
    let found = 0;
    let days: number | null = null;
    for (const [i, date] of dates.entries()) {
      const open = openIntervals(templates, exceptions, {
        providerId,
        locationId: location.id,
        date,
        timeZone: location.timeZone,
      });
      found += freeStarts(open, busy, visit, db.now().getTime()).length;
      if (found >= 3) {
        days = i;
        break;
      }
    }
    out.push({ providerId, days });
  }
  return out;
}
