import { describe, expect, it } from 'vitest';
import {
  distribution,
  percentile,
  percentileRank,
  percentileRankInSorted,
} from '../../shared/benchmarks/stats.ts';

describe('percentiles (linear between closest ranks, as PERCENTILE.INC)', () => {
  it('matches hand-computed values', () => {
    // h = (n − 1)·p + 1 over sorted values
    expect(percentile([50, 15, 40, 20, 35], 50)).toBe(35); // the 3rd of 5
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29); // 20 + 0.6 × 15
    expect(percentile([1, 2, 3, 4, 5, 6], 25)).toBeCloseTo(2.25); // a quarter from the 2nd to the 3rd
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10)).toBeCloseTo(1.9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('gives n and the five published percentiles', () => {
    expect(distribution([0.05, 0.1, 0.02, 0.08, 0.04])).toEqual({
      n: 5,
      p10: 0.028, // 0.02 + 0.4 × 0.02
      p25: 0.04,
      p50: 0.05,
      p75: 0.08,
      p90: 0.092, // 0.08 + 0.6 × 0.02
    });
  });
});

describe('percentile rank (share below, ties counted half)', () => {
  const values = [1, 2, 2, 2, 5];
  it('ranks ties alike, at the middle of their run', () => {
    expect(percentileRank(values, 2)).toBe(50); // (1 below + 3/2) / 5
    expect(percentileRank(values, 1)).toBe(10); // (0 + 1/2) / 5
    expect(percentileRank(values, 5)).toBe(90); // (4 + 1/2) / 5
  });
  it('gives the same ranks by binary search over sorted values (what the rollup uses)', () => {
    for (const v of [0, 1, 2, 3, 5, 6])
      expect(percentileRankInSorted(values, v)).toBe(percentileRank(values, v));
  });
  it('places a value between the others', () => {
    expect(percentileRank([10, 20, 30, 40], 25)).toBe(50);
  });
});
