import { describe, expect, it } from 'vitest';
import { METRIC_MODULES } from '../../functions/jobs/jobs.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { systemDb } from '../../functions/platform/db/system-db.ts';
import {
  type MetricModule,
  snapshotCompletedMonths,
  snapshotPractice,
} from '../../functions/platform/metric-snapshots/metric-snapshots.ts';
import { schedulingMetrics } from '../../functions/scheduling/measures.service.ts';
import { METRICS, type MetricDefinition, SCHEDULING_METRICS } from '../../shared/metrics.ts';
import { schedulingWorld } from '../scheduling/world.ts';
import { createTestApp, testClock } from '../support/app.ts';

const UNITS = ['percent', 'count', 'minutes', 'days', 'dollars'];
const JOB = { id: 'metric-snapshots', name: 'Monthly metrics' };

describe('metric registry', () => {
  it('declares every metric with all its fields, once', () => {
    for (const m of METRICS as MetricDefinition[]) {
      expect(m.id, m.id).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
      expect(m.id.startsWith(`${m.module}.`), m.id).toBe(true);
      expect(m.label.length, m.id).toBeGreaterThan(0);
      expect(UNITS, m.id).toContain(m.unit);
      // A definition a manager can check: what is counted, over what.
      expect(m.definition.length, m.id).toBeGreaterThan(40);
      expect(m.source.length, m.id).toBeGreaterThan(0);
      expect(Number.isInteger(m.version) && m.version >= 1, m.id).toBe(true);
      expect(['higher', 'lower'], m.id).toContain(m.better);
    }
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every registered module declares only metrics of its own, all in the registry', () => {
    const modules = METRIC_MODULES.map((m) => m.module);
    expect(new Set(modules).size).toBe(modules.length);
    for (const mod of METRIC_MODULES) {
      for (const m of mod.metrics) {
        expect(m.module).toBe(mod.module);
        expect(METRICS).toContainEqual(m);
      }
    }
    expect(schedulingMetrics.metrics).toEqual(SCHEDULING_METRICS);
  });
});

describe('monthly metric snapshots (DynamoDB Local)', () => {
  it('stores a completed month once, even from two overlapping runs; never the current month', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-01-20T15:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const visit = (
      await w.t.call('POST', '/api/scheduling/appointments', {
        token: w.owner.token,
        json: w.booking('2027-01-26', '09:00'),
      })
    ).body;
    expect(visit.id).toBeTruthy();
    const months = () =>
      w.t.call('GET', `/api/scheduling/measures/months?locationId=${w.location.id}&months=3`, {
        token: w.owner.token,
      });
    const stored = async () =>
      (
        await w.t.platform.store.query<{ SK: string; month: string; metricId: string }>({
          partition: tenantKeys.metricSnapshotPartition({ tenantId: w.owner.tenantId }),
          limit: 100,
        })
      ).items;

    // 07:00 in Los Angeles (the practice's zone): outside the 02:00–04:59 window, no practice visited.
    clock.set(Date.parse('2027-02-16T15:00:00Z'));
    expect(await snapshotCompletedMonths(w.t.platform, METRIC_MODULES)).toEqual({ practices: 0, stored: 0 });
    // Nothing is computed on a page read.
    expect((await months()).body.months).toEqual([]);

    // 03:00 in Los Angeles: two runs at once (a retry overlapping the hourly run).
    clock.set(Date.parse('2027-02-16T11:00:00Z'));
    const runs = await Promise.all([
      snapshotCompletedMonths(w.t.platform, METRIC_MODULES),
      snapshotCompletedMonths(w.t.platform, METRIC_MODULES),
    ]);
    expect(runs.map((r) => r.practices)).toEqual([1, 1]);
    // January once; December is before the practice existed and empty, so the walk back stops there.
    expect(runs.reduce((sum, r) => sum + (r.stored ?? 0), 0)).toBe(1);
    const items = await stored();
    expect(new Set(items.map((i) => i.month))).toEqual(new Set(['2027-01']));
    expect(items.map((i) => i.metricId).sort()).toEqual(SCHEDULING_METRICS.map((m) => m.id).sort());

    const read = await months();
    expect(read.status).toBe(200);
    expect(read.body.months).toEqual([
      expect.objectContaining({ month: '2027-01', locationId: w.location.id, visits: 1, newPatients: 1 }),
    ]);

    // A later run in the window finds the month stored: nothing rewritten.
    clock.set(Date.parse('2027-02-16T12:30:00Z'));
    expect(await snapshotCompletedMonths(w.t.platform, METRIC_MODULES)).toEqual({ practices: 1, stored: 0 });
    expect((await months()).body.months[0].computedAt).toBe(read.body.months[0].computedAt);
    // The month just begun is never stored, however often the job runs.
    expect((await stored()).some((i) => i.month === '2027-02')).toBe(false);
  });

  it('a module computes only the metrics it declared; an undeclared id is refused', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-03-10T15:00:00Z'));
    const w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
    const db = systemDb(w.t.platform, w.owner.tenantId, JOB);
    const values = await schedulingMetrics.computeMonth(db, '2027-03');
    expect(values).not.toBe('before-start');
    expect(Object.keys(values).sort()).toEqual(SCHEDULING_METRICS.map((m) => m.id).sort());

    const rogue: MetricModule = {
      ...schedulingMetrics,
      computeMonth: async () => ({ 'scheduling.visits': { value: 1 }, 'scheduling.made_up': { value: 2 } }),
    };
    clock.set(Date.parse('2027-04-02T15:00:00Z'));
    await expect(snapshotPractice(db, 'America/Los_Angeles', [rogue])).rejects.toThrow(/undeclared metric/);
  });
});
