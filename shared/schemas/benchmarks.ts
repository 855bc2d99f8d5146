import * as z from 'zod/mini';
import '../validation.ts';
import { BENCHMARK_WINDOWS, SUPPRESSION_REASONS } from '../benchmarks/cohorts.ts';
import { IdSchema } from './common.ts';
import { PracticeSizeSchema, RegionSchema, SpecialtySchema } from './tenants.ts';

const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const BenchmarkWindowSchema = z.enum(
  keysOf(BENCHMARK_WINDOWS),
  'Choose month, trailing 3 or 12 months',
);
export const BenchmarkMonthSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-10'));
const SuppressionSchema = z.enum(keysOf(SUPPRESSION_REASONS));

/** n and percentiles, or why the cell is not published (with the plain-words reason). */
export const FiguresSchema = z.union([
  z.object({
    n: z.int(),
    p10: z.number(),
    p25: z.number(),
    p50: z.number(),
    p75: z.number(),
    p90: z.number(),
  }),
  z.object({ suppressed: SuppressionSchema, message: z.string() }),
]);
export type Figures = z.infer<typeof FiguresSchema>;

/** A metric as the registry declares it (shown one click away from every figure). */
const MetricInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.enum(['percent', 'count', 'minutes', 'days', 'dollars']),
  module: z.string(),
  better: z.enum(['higher', 'lower']),
  definition: z.string(),
  source: z.string(),
  version: z.int(),
  additive: z.boolean(),
});

export const DashboardQuerySchema = z.strictObject({
  window: z.optional(BenchmarkWindowSchema),
  month: z.optional(BenchmarkMonthSchema),
  specialty: z.optional(SpecialtySchema),
  region: z.optional(RegionSchema),
  size: z.optional(PracticeSizeSchema),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DashboardMetricSchema = z.object({
  ...MetricInfoSchema.shape,
  figures: z.nullable(FiguresSchema),
  /** Practices whose value counted this month (the whole association), of the members then. */
  participation: z.nullable(z.object({ contributors: z.int(), members: z.int() })),
  trend: z.array(z.object({ month: z.string(), figures: FiguresSchema })),
});
export type DashboardMetric = z.infer<typeof DashboardMetricSchema>;

export const DashboardSchema = z.object({
  window: BenchmarkWindowSchema,
  /** The month shown; null before the first rollup. */
  month: z.nullable(z.string()),
  /** Every month rolled up (newest first): the month picker's choices. */
  months: z.array(z.string()),
  cohort: z.object({ key: z.string(), label: z.string() }),
  /** False when no member practice falls in the cohort. */
  cohortHasMembers: z.boolean(),
  members: z.int(),
  percentileDefinition: z.string(),
  privacy: z.array(z.string()),
  metrics: z.array(DashboardMetricSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const RollupResultSchema = z.object({
  months: z.array(z.string()),
  members: z.int(),
  cells: z.int(),
});
export type RollupResultDto = z.infer<typeof RollupResultSchema>;

export const CompareQuerySchema = z.strictObject({
  associationId: IdSchema,
  window: z.optional(BenchmarkWindowSchema),
});

export const CompareCohortSchema = z.object({
  key: z.string(),
  label: z.string(),
  figures: z.nullable(FiguresSchema),
  /** The practice's percentile rank in the cohort (0–100, ties half), when the cohort is published. */
  rank: z.nullable(z.number()),
});

export const CompareMetricSchema = z.object({
  ...MetricInfoSchema.shape,
  value: z.nullable(z.number()),
  cohorts: z.array(CompareCohortSchema),
  /** The practice's value and the all-members median, month by month. */
  trend: z.array(
    z.object({ month: z.string(), value: z.nullable(z.number()), median: z.nullable(z.number()) }),
  ),
});
export type CompareMetric = z.infer<typeof CompareMetricSchema>;

export const CompareSchema = z.object({
  associationId: IdSchema,
  associationName: z.string(),
  window: BenchmarkWindowSchema,
  /** The newest month the practice contributed to; null before its first rollup. */
  month: z.nullable(z.string()),
  percentileDefinition: z.string(),
  metrics: z.array(CompareMetricSchema),
  /** Exactly what the practice shared: its own values per month (the month window). */
  contributed: z.array(z.object({ month: z.string(), values: z.record(z.string(), z.number()) })),
});
export type Compare = z.infer<typeof CompareSchema>;
