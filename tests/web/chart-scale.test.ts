import { describe, expect, it } from 'vitest';
import { niceScale } from '../../web/src/components/charts/chart-scale.ts';

describe('chart value axis', () => {
  it('rounds the top up in 1-2-5 steps with about four gridlines', () => {
    expect(niceScale(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(0.083).top).toBeCloseTo(0.1);
    expect(niceScale(3, { integer: true })).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it('draws a readable 0–1 axis for an all-zero (or all-hidden) series instead of millions of ticks', () => {
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 0.5, 1] });
    expect(niceScale(Number.NaN).ticks).toEqual([0, 0.5, 1]);
  });
});
