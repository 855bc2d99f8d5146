/**
 * The geometry the line and column charts share: the plot's height and padding, a round value
 * axis, and one band per category along x.
 */

/** The plot height of the line and column charts, in px. */
export const HEIGHT = 190;
/** Room around the plot for the value labels (left) and the category labels (bottom). */
export const PAD = { top: 24, right: 12, bottom: 30, left: 44 };
/** Axis labels closer than this overlap ("Nov 16" at 11 px is about 38 px wide). */
const LABEL_GAP = 52;

/** A value axis from 0 to a round top in 1-2-5 steps (about four gridlines). */
export function niceScale(max: number, opts: { minTop?: number; integer?: boolean } = {}) {
  // All zeros (or nothing published) still gets a readable 0–1 axis, not one of 1e-16 steps.
  const floor = Math.max(max, opts.minTop ?? 0, opts.integer ? 4 : 0);
  const target = floor > 0 && Number.isFinite(floor) ? floor : 1;
  const raw = target / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12) ?? raw;
  if (opts.integer) step = Math.max(1, Math.ceil(step));
  const top = Math.ceil(target / step - 1e-9) * step;
  // Counted, not compared against an absolute tolerance: tiny steps once made millions of ticks.
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { top, ticks };
}

/** Positions shared by the line and column charts: one band per category along x. */
export function frame(width: number, count: number, top: number) {
  const plotW = Math.max(1, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, count);
  const every = Math.max(1, Math.ceil(LABEL_GAP / band));
  return {
    band,
    base: PAD.top + plotH,
    x: (i: number) => PAD.left + band * (i + 0.5),
    y: (v: number) => PAD.top + plotH * (1 - Math.min(v, top) / top),
    /** Labels thin out from the latest backwards, so the newest category is always named. */
    labelled: (i: number) => (count - 1 - i) % every === 0,
  };
}
