/**
 * A cohort's spread over ordered periods: the 10th–90th and 25th–75th percentiles as bands, the
 * median as a line, and optionally one practice's own value as a second line. Periods where the
 * cohort is not published are gaps (with the reason), never zero. The numbers are always in a table
 * for screen readers, which sighted users can open.
 */
import { createSignal, createUniqueId, For, Index, type JSX, Show } from 'solid-js';
import { Axes } from './Axes.tsx';
import {
  type BandDatum,
  type BandSeries,
  bandMissingOf,
  hasBand,
  hasOuterBand,
  summariseBands,
} from './band-text.ts';
import { createWidth } from './ChartFigure.tsx';
import { frame, HEIGHT, niceScale, PAD } from './chart-scale.ts';
import './charts.css';
import './band-chart.css';

export interface PercentileBandChartProps extends BandSeries {
  /** The big number or sentence under the title. */
  headline?: JSX.Element;
  /** Short values for the axis ("$12K"); `format` otherwise. */
  axisFormat?: (value: number) => string;
  /** The value axis reaches at least this high, so small spreads do not look dramatic. */
  minTop?: number;
  /** Whole-number axis steps (counts). */
  integer?: boolean;
  /** The first column's header in the data table ("Month"). */
  labelHeader: string;
  /** A sentence for screen readers; a computed summary of the series otherwise. */
  summary?: string;
  class?: string;
}

/** Runs of consecutive indices where `known` holds: a missing period breaks a line or band. */
function runsOf(count: number, known: (i: number) => boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < count; i++) {
    if (known(i)) run.push(i);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

type Frame = ReturnType<typeof frame>;

/** A band between two percentiles over a run; a run of one period is a short bar, not an invisible sliver. */
function bandPath(f: Frame, run: number[], lo: (i: number) => number, hi: (i: number) => number): string {
  if (run.length === 1) {
    const i = run[0]!;
    const half = Math.min(f.band * 0.3, 9);
    const x = f.x(i);
    return `M${x - half} ${f.y(hi(i))} H${x + half} V${f.y(lo(i))} H${x - half} Z`;
  }
  const top = run.map((i, k) => `${k ? 'L' : 'M'}${f.x(i).toFixed(1)} ${f.y(hi(i)).toFixed(1)}`);
  const bottom = [...run].reverse().map((i) => `L${f.x(i).toFixed(1)} ${f.y(lo(i)).toFixed(1)}`);
  return `${top.join(' ')} ${bottom.join(' ')} Z`;
}

const linePath = (f: Frame, run: number[], v: (i: number) => number) =>
  run.map((i, k) => `${k ? 'L' : 'M'}${f.x(i).toFixed(1)} ${f.y(v(i)).toFixed(1)}`).join(' ');

export function PercentileBandChart(props: PercentileBandChartProps) {
  const [width, measure] = createWidth(320);
  const [open, setOpen] = createSignal(false);
  const tableId = `chart-${createUniqueId()}`;
  const hasOwn = () => props.data.some((d) => d.own !== undefined);
  const anyBand = () => props.data.some(hasBand);
  const anyOuter = () => props.data.some(hasOuterBand);
  const anyN = () => props.data.some((d) => d.n !== undefined);
  const scale = () => {
    const highs = props.data.flatMap((d) => [d.p90 ?? d.p75 ?? d.p50 ?? 0, d.own ?? 0]);
    const max = Math.max(0, ...highs);
    // niceScale over all zeros makes steps of 1e-17 and a hundred million ticks: give it a unit axis.
    return niceScale(max > 0 ? max : (props.minTop ?? 1), { minTop: props.minTop, integer: props.integer });
  };
  const plot = (w: number) => {
    const { top, ticks } = scale();
    const data = props.data;
    const f = frame(w, data.length, top);
    const at = (i: number) => data[i]!;
    const outer = runsOf(data.length, (i) => hasOuterBand(at(i)));
    const middle = runsOf(data.length, (i) => hasBand(at(i)));
    const medians = runsOf(data.length, (i) => at(i).p50 !== null);
    const own = runsOf(data.length, (i) => at(i).own != null);
    return (
      <>
        <Index each={data}>
          {(d, i) => (
            <Show when={d().p50 === null}>
              <rect
                class="chart-gap"
                x={f.x(i) - f.band / 2 + 1}
                y={PAD.top}
                width={Math.max(0, f.band - 2)}
                height={f.base - PAD.top}
                rx="3"
              >
                <title>{`${d().name}: ${bandMissingOf(d(), props)}`}</title>
              </rect>
            </Show>
          )}
        </Index>
        <Axes
          width={w}
          ticks={ticks}
          format={props.axisFormat ?? props.format}
          data={data.map((d) => ({ label: d.label, name: d.name, value: d.p50 }))}
          f={f}
        />
        <For each={outer}>
          {(r) => (
            <path
              class="chart-band-outer"
              d={bandPath(
                f,
                r,
                (i) => at(i).p10!,
                (i) => at(i).p90!,
              )}
            />
          )}
        </For>
        <For each={middle}>
          {(r) => (
            <path
              class="chart-band-middle"
              d={bandPath(
                f,
                r,
                (i) => at(i).p25!,
                (i) => at(i).p75!,
              )}
            />
          )}
        </For>
        <For each={medians}>
          {(r) => (
            <Show when={r.length > 1}>
              <path class="chart-line chart-median-line" d={linePath(f, r, (i) => at(i).p50!)} />
            </Show>
          )}
        </For>
        <For each={own}>
          {(r) => (
            <Show when={r.length > 1}>
              <path class="chart-own-line" d={linePath(f, r, (i) => at(i).own!)} />
            </Show>
          )}
        </For>
        <Index each={data}>
          {(d, i) => (
            <>
              <Show when={d().p50 !== null}>
                <circle class="chart-dot chart-median-dot" cx={f.x(i)} cy={f.y(d().p50!)} r={3}>
                  <title>{`${d().name}: median ${props.format(d().p50!)}`}</title>
                </circle>
              </Show>
              <Show when={d().own != null}>
                <circle class="chart-own-dot" cx={f.x(i)} cy={f.y(d().own!)} r={3.5}>
                  <title>{`${d().name}: ${props.ownLabel ?? 'Own value'} ${props.format(d().own!)}`}</title>
                </circle>
              </Show>
            </>
          )}
        </Index>
      </>
    );
  };
  return (
    <figure class={`chart chart-bands${props.class ? ` ${props.class}` : ''}`}>
      <figcaption class="chart-caption">
        <span class="chart-title">{props.title}</span>
        {props.headline}
      </figcaption>
      <div class="chart-plot" ref={measure}>
        <svg
          class="chart-svg"
          role="img"
          aria-label={props.summary ?? summariseBands(props)}
          width={width()}
          height={HEIGHT}
          viewBox={`0 0 ${width()} ${HEIGHT}`}
        >
          {plot(width())}
        </svg>
      </div>
      <ul class="chart-legend" aria-hidden="true">
        <Show when={anyOuter()}>
          <li>
            <span class="chart-key chart-key-outer" />
            10th–90th percentile
          </li>
        </Show>
        <Show when={anyBand()}>
          <li>
            <span class="chart-key chart-key-middle" />
            Middle half
          </li>
        </Show>
        <li>
          <span class="chart-key chart-key-median" />
          Median
        </li>
        <Show when={hasOwn()}>
          <li>
            <span class="chart-key chart-key-own" />
            {props.ownLabel ?? 'Own value'}
          </li>
        </Show>
      </ul>
      <div class="chart-foot">
        <button
          type="button"
          class="chart-toggle"
          aria-controls={tableId}
          aria-expanded={open() ? 'true' : 'false'}
          onClick={() => setOpen(!open())}
        >
          {open() ? 'Hide numbers' : 'Show numbers'}
        </button>
      </div>
      <div id={tableId} class={open() ? 'chart-data chart-data-scroll' : 'visually-hidden'}>
        <BandTable {...props} anyBand={anyBand()} anyOuter={anyOuter()} anyN={anyN()} hasOwn={hasOwn()} />
      </div>
    </figure>
  );
}

/** The chart's numbers: one row per period, a gap's reason in place of its figures. */
function BandTable(
  props: PercentileBandChartProps & { anyBand: boolean; anyOuter: boolean; anyN: boolean; hasOwn: boolean },
) {
  /** The cohort's columns, which a period's "not published" reason spans (one's own value stays apart). */
  const cohortColumns = () => 1 + (props.anyBand ? 1 : 0) + (props.anyOuter ? 1 : 0) + (props.anyN ? 1 : 0);
  const range = (lo: number | undefined, hi: number | undefined) =>
    lo === undefined || hi === undefined ? '' : `${props.format(lo)} – ${props.format(hi)}`;
  return (
    <table class="chart-table">
      <caption class="visually-hidden">{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{props.labelHeader}</th>
          <th scope="col">Median</th>
          <Show when={props.anyBand}>
            <th scope="col">Middle half</th>
          </Show>
          <Show when={props.anyOuter}>
            <th scope="col">10th–90th</th>
          </Show>
          <Show when={props.anyN}>
            <th scope="col">Practices</th>
          </Show>
          <Show when={props.hasOwn}>
            <th scope="col">{props.ownLabel ?? 'Own value'}</th>
          </Show>
        </tr>
      </thead>
      <tbody>
        <For each={props.data}>
          {(d: BandDatum) => (
            <tr>
              <th scope="row">{d.name}</th>
              <Show
                when={d.p50 !== null}
                fallback={
                  <td colSpan={cohortColumns()} class="chart-table-reason">
                    {bandMissingOf(d, props)}
                  </td>
                }
              >
                <td>{props.format(d.p50!)}</td>
                <Show when={props.anyBand}>
                  <td>{range(d.p25, d.p75)}</td>
                </Show>
                <Show when={props.anyOuter}>
                  <td>{range(d.p10, d.p90)}</td>
                </Show>
                <Show when={props.anyN}>
                  <td>{d.n?.toLocaleString('en-US') ?? ''}</td>
                </Show>
              </Show>
              <Show when={props.hasOwn}>
                <td>{d.own != null ? props.format(d.own) : 'None'}</td>
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
