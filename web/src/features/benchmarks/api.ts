import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import type * as z from 'zod/mini';
import type { BenchmarkWindow } from '../../../../shared/benchmarks/cohorts.ts';
import {
  BenchmarkMonthSchema,
  BenchmarkWindowSchema,
  type Compare,
  type Dashboard,
  type RollupResultDto,
} from '../../../../shared/schemas/benchmarks.ts';
import {
  type PracticeSize,
  PracticeSizeSchema,
  type Region,
  RegionSchema,
  type Specialty,
  SpecialtySchema,
} from '../../../../shared/schemas/tenants.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { listMemberships } from '../membership/api.ts';

/** The dashboard's view, as the address and the API name it: a cohort, a window and a month. */
export interface DashboardView {
  window: BenchmarkWindow;
  /** Absent: the newest month rolled up. */
  month?: string;
  specialty?: Specialty;
  region?: Region;
  size?: PracticeSize;
}

type Param = string | string[] | undefined;
const one = (v: Param) => (Array.isArray(v) ? v[0] : v);
/** A query parameter checked with the API's own schema: anything else is ignored, not sent. */
const valid = <T>(schema: z.ZodMiniType<T>, v: Param): T | undefined => {
  const r = schema.safeParse(one(v));
  return r.success ? r.data : undefined;
};

/** The view a shared address names; unknown values fall back to "any" instead of failing the page. */
export function dashboardViewOf(params: Record<string, Param>): DashboardView {
  return {
    window: valid(BenchmarkWindowSchema, params.window) ?? 'month',
    month: valid(BenchmarkMonthSchema, params.month),
    specialty: valid(SpecialtySchema, params.specialty),
    region: valid(RegionSchema, params.region),
    size: valid(PracticeSizeSchema, params.size),
  };
}

/** Every registered metric's percentiles for one cohort, window and month, with a year's trend. */
export const getBenchmarks = query(
  (v: DashboardView) =>
    api<Dashboard>('/benchmarks/dashboard', {
      query: { window: v.window, month: v.month, specialty: v.specialty, region: v.region, size: v.size },
    }),
  'benchmarkDashboard',
);

/** The practice's values and ranks beside its cohorts in one association. */
export const getComparison = query(
  (associationId: string, window: BenchmarkWindow) =>
    api<Compare>('/benchmarks/compare', { query: { associationId, window } }),
  'benchmarkCompare',
);

/** The associations a practice belongs to (one page is plenty: a practice joins a handful). */
export const MEMBERSHIP_PAGE = 50;
export const listMyAssociations = () => listMemberships(undefined, MEMBERSHIP_PAGE);

/** Rolls up every publishable month not rolled up yet (the monthly job, now), then re-reads the dashboard. */
export function rollUpNow(): Promise<RollupResultDto> {
  return mutate(api<RollupResultDto>('/benchmarks/rollups', { method: 'POST' }), getBenchmarks.key);
}

/** Starts the dashboard's read with the navigation, for the route's `preload`. */
export const preloadBenchmarks = ({ location }: RoutePreloadFuncArgs) =>
  void getBenchmarks(dashboardViewOf(location.query));

/** Starts the memberships read with the navigation (the comparison needs its association first). */
export const preloadCompare = () => void listMyAssociations();
