/**
 * The statistics association benchmarks publish. One definition everywhere (rollup, pages, tests):
 *
 * - Percentile: linear interpolation between closest ranks (Hyndman & Fan type 7, the one Excel's
 *   PERCENTILE.INC and R's default use). Over values sorted x₁ ≤ … ≤ xₙ, the p-th percentile sits at
 *   position h = (n − 1)·p + 1 and is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * - Percentile rank of a practice: the share of the cohort below its value, with ties counted half
 *   (mid-rank): 100 · (below + equal / 2) / n. Equal values then always get the same rank.
 */

export const PERCENTILES = [10, 25, 50, 75, 90] as const;
export type PercentileKey = 'p10' | 'p25' | 'p50' | 'p75' | 'p90';

export const PERCENTILE_DEFINITION =
  'Percentiles interpolate linearly between the closest ranks (the method of Excel’s PERCENTILE.INC): with values sorted from lowest to highest, the median of 5 is the 3rd and the 25th percentile of 6 is a quarter of the way from the 2nd to the 3rd. A practice’s rank is the share of the cohort below its value, ties counted half.';

/** The p-th percentile (0–100) of values, type 7; `null` for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}

/** As `percentile`, for values already sorted ascending (the rollup sorts once per cell). */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The percentile rank (0–100) of `value` among `values`, ties counted half. */
export function percentileRank(values: readonly number[], value: number): number {
  if (values.length === 0) return 0;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return (100 * (below + equal / 2)) / values.length;
}

/** As `percentileRank`, over values sorted ascending: two binary searches instead of a pass. */
export function percentileRankInSorted(sorted: readonly number[], value: number): number {
  if (sorted.length === 0) return 0;
  const below = firstIndex(sorted, (v) => v >= value);
  const upTo = firstIndex(sorted, (v) => v > value);
  return (100 * (below + (upTo - below) / 2)) / sorted.length;
}

/** The first index whose value passes `test` (which holds for a suffix), or the length. */
function firstIndex(sorted: readonly number[], test: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Distribution {
  n: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

/** n and the five published percentiles of a non-empty list. */
export function distribution(values: readonly number[]): Distribution {
  return distributionOfSorted([...values].sort((a, b) => a - b));
}

/** As `distribution`, for values already sorted ascending. */
export function distributionOfSorted(sorted: readonly number[]): Distribution {
  const at = (p: number) => round(percentileOfSorted(sorted, p));
  return { n: sorted.length, p10: at(10), p25: at(25), p50: at(50), p75: at(75), p90: at(90) };
}

/** Six significant decimals: enough for fractions and dollars, no float noise in exports. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
