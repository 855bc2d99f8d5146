/**
 * Charts of one series of labelled values (a line over time, columns, or a list of bars), each in a
 * figure with its headline, an accessible summary and the numbers as a table.
 */
import { createSignal, createUniqueId, For, Index, type JSX, onCleanup, Show } from 'solid-js';
import { basisOf, type Datum, listed, missingOf, summarise } from './text-alternative.ts';
import './charts.css';

export type { Datum } from './text-alternative.ts';

/** What every chart takes: its title and headline, the series, how to format it and the table's headers. */
export interface ChartProps {
  /** The figure's caption, and the start of the chart's accessible name. */
  title: string;
  /** The big number under the title (latest value, change). */
  headline?: JSX.Element;
  data: Datum[];
  format: (value: number) => string;
  /** What a null value means to a reader ("No visits"). */
  missing?: string;
  /** What each value is measured over, plural ("visits"): a `few` point reads "few visits". */
  sampleNoun?: string;
  /** The value axis reaches at least this high, so small values do not look dramatic. */
  minTop?: number;
  /** Whole-number axis steps (counts). */
  integer?: boolean;
  /** Column headers of the data table; `countHeader` names the column of counts when data has them. */
  labelHeader: string;
  valueHeader: string;
  countHeader?: string;
  /** A sentence for screen readers; a computed summary of the series otherwise. */
  summary?: string;
  class?: string;
}

const HEIGHT = 190;
const PAD = { top: 24, right: 12, bottom: 30, left: 44 };
/** Axis labels closer than this overlap ("Nov 16" at 11 px is about 38 px wide). */
const LABEL_GAP = 52;

/** The rendered width of an element, kept up to date, so SVG text stays at its real pixel size. */
function createWidth(initial: number): [() => number, (el: HTMLElement) => void] {
  const [width, setWidth] = createSignal(initial);
  let observer: ResizeObserver | undefined;
  onCleanup(() => observer?.disconnect());
  const ref = (el: HTMLElement) => {
    observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
  };
  return [width, ref];
}

/** A value axis from 0 to a round top in 1-2-5 steps (about four gridlines). */
export function niceScale(max: number, opts: { minTop?: number; integer?: boolean } = {}) {
  const target = Math.max(max, opts.minTop ?? 0, opts.integer ? 4 : Number.EPSILON);
  const raw = target / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12) ?? raw;
  if (opts.integer) step = Math.max(1, Math.ceil(step));
  const top = Math.ceil(target / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(i * step);
  return { top, ticks };
}

/**
 * The frame every chart shares: figure and caption, the SVG (an image named by its summary),
 * and the numbers as a table that screen readers always get and sighted users can open.
 */
function ChartFigure(props: ChartProps & { plot: (width: number) => JSX.Element; height: number }) {
  const [width, measure] = createWidth(320);
  const [open, setOpen] = createSignal(false);
  const tableId = `chart-${createUniqueId()}`;
  const counted = () => props.data.some((d) => d.count || d.few);
  return (
    <figure class={`chart${props.class ? ` ${props.class}` : ''}`}>
      <figcaption class="chart-caption">
        <span class="chart-title">{props.title}</span>
        {props.headline}
      </figcaption>
      <div class="chart-plot" ref={measure}>
        <svg
          class="chart-svg"
          role="img"
          aria-label={props.summary ?? summarise(props)}
          width={width()}
          height={props.height}
          viewBox={`0 0 ${width()} ${props.height}`}
        >
          {props.plot(width())}
        </svg>
      </div>
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
      <div id={tableId} class={open() ? 'chart-data' : 'visually-hidden'}>
        <table class="chart-table">
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeader}</th>
              <th scope="col">{props.valueHeader}</th>
              <Show when={counted()}>
                <th scope="col">{props.countHeader ?? 'Out of'}</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.data}>
              {(d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  <td>{d.value === null ? missingOf(d, props) : props.format(d.value)}</td>
                  <Show when={counted()}>
                    <td>{d.value === null ? '' : basisOf(d, props)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Positions shared by the line and column charts: one band per category along x. */
function frame(width: number, count: number, top: number) {
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

/** Gridlines with their values, and the category labels under the plot. */
function Axes(props: {
  width: number;
  ticks: number[];
  format: (v: number) => string;
  data: Datum[];
  f: ReturnType<typeof frame>;
}) {
  return (
    <g class="chart-axis">
      <For each={props.ticks}>
        {(t) => (
          <>
            <line
              class={t === 0 ? 'chart-baseline' : 'chart-grid'}
              x1={PAD.left}
              x2={props.width - PAD.right}
              y1={props.f.y(t)}
              y2={props.f.y(t)}
            />
            <text x={PAD.left - 8} y={props.f.y(t) + 4} text-anchor="end">
              {props.format(t)}
            </text>
          </>
        )}
      </For>
      <Index each={props.data}>
        {(d, i) => (
          <Show when={props.f.labelled(i)}>
            <text x={props.f.x(i)} y={HEIGHT - 10} text-anchor="middle">
              {d().label}
            </text>
          </Show>
        )}
      </Index>
    </g>
  );
}

/**
 * Where the latest value's label sits: above its point, unless the line comes down into the
 * point from above and there is room underneath, so the label never sits on the line.
 */
function latestLabelY(f: ReturnType<typeof frame>, data: Datum[], at: number): number {
  const y = f.y(data[at]!.value!);
  const before = data[at - 1]?.value;
  const fromAbove = before != null && f.y(before) < y - 4;
  return fromAbove && y + 20 < f.base ? y + 18 : y - 10;
}

/** A line over ordered periods (weeks, months): gaps where nothing was measured, the latest point labelled. */
export function TrendChart(props: ChartProps) {
  const scale = () =>
    niceScale(Math.max(0, ...props.data.map((d) => d.value ?? 0)), {
      minTop: props.minTop,
      integer: props.integer,
    });
  const lastKnown = () => props.data.findLastIndex((d) => d.value !== null);
  const plot = (width: number) => {
    const { top, ticks } = scale();
    const f = frame(width, props.data.length, top);
    // Runs of consecutive known values; a null breaks the line instead of dropping it to zero.
    const runs: { i: number; v: number }[][] = [];
    let run: { i: number; v: number }[] = [];
    props.data.forEach((d, i) => {
      if (d.value === null) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push({ i, v: d.value });
    });
    if (run.length) runs.push(run);
    const line = (r: { i: number; v: number }[]) =>
      r.map((p, k) => `${k ? 'L' : 'M'}${f.x(p.i).toFixed(1)} ${f.y(p.v).toFixed(1)}`).join(' ');
    const area = (r: { i: number; v: number }[]) =>
      `${line(r)} L${f.x(r[r.length - 1]!.i).toFixed(1)} ${f.base} L${f.x(r[0]!.i).toFixed(1)} ${f.base} Z`;
    return (
      <>
        <Index each={props.data}>
          {(d, i) => (
            <Show when={d().value === null}>
              <rect
                class="chart-gap"
                x={f.x(i) - f.band / 2 + 1}
                y={PAD.top}
                width={Math.max(0, f.band - 2)}
                height={f.base - PAD.top}
                rx="3"
              >
                <title>{`${d().name}: ${missingOf(d(), props)}`}</title>
              </rect>
            </Show>
          )}
        </Index>
        <Axes width={width} ticks={ticks} format={props.format} data={props.data} f={f} />
        <For each={runs}>
          {(r) => (
            <Show when={r.length > 1}>
              <path class="chart-area" d={area(r)} />
              {/* A step into or out of a point from few samples is dashed: it is not a trend to read. */}
              <For each={r.slice(1).map((p, k) => [r[k]!, p] as const)}>
                {([a, b]) => (
                  <path
                    class={
                      props.data[a.i]!.few || props.data[b.i]!.few
                        ? 'chart-line chart-line-few'
                        : 'chart-line'
                    }
                    d={line([a, b])}
                  />
                )}
              </For>
            </Show>
          )}
        </For>
        <Index each={props.data}>
          {(d, i) => (
            <Show when={d().value !== null}>
              <circle
                class={`chart-dot${i === lastKnown() ? ' chart-dot-latest' : ''}${d().few ? ' chart-dot-few' : ''}`}
                cx={f.x(i)}
                cy={f.y(d().value!)}
                r={i === lastKnown() ? 5 : 3.5}
              >
                <title>{`${d().name}: ${props.format(d().value!)}${basisOf(d(), props) ? ` (${basisOf(d(), props)})` : ''}`}</title>
              </circle>
            </Show>
          )}
        </Index>
        <Show when={lastKnown() >= 0}>
          <text
            class="chart-value-label"
            x={Math.min(f.x(lastKnown()), width - PAD.right - 14)}
            y={latestLabelY(f, props.data, lastKnown())}
            text-anchor="middle"
          >
            {props.format(props.data[lastKnown()]!.value!)}
          </text>
        </Show>
      </>
    );
  };
  return <ChartFigure {...props} plot={plot} height={HEIGHT} />;
}

/** Vertical bars per category (counts per month); each bar carries its value when there is room. */
export function ColumnChart(props: ChartProps) {
  const plot = (width: number) => {
    const { top, ticks } = niceScale(Math.max(0, ...props.data.map((d) => d.value ?? 0)), {
      minTop: props.minTop,
      integer: props.integer,
    });
    const f = frame(width, props.data.length, top);
    const barW = Math.min(f.band * 0.62, 44);
    return (
      <>
        <Axes width={width} ticks={ticks} format={props.format} data={props.data} f={f} />
        <Index each={props.data}>
          {(d, i) => (
            <Show
              when={d().value !== null}
              fallback={
                <rect
                  class="chart-gap"
                  x={f.x(i) - barW / 2}
                  y={PAD.top}
                  width={barW}
                  height={f.base - PAD.top}
                >
                  <title>{`${d().name}: ${props.missing ?? 'no data'}`}</title>
                </rect>
              }
            >
              <rect
                class="chart-bar"
                x={f.x(i) - barW / 2}
                y={f.y(d().value!)}
                width={barW}
                // A zero still gets a sliver on the baseline, so "none" reads differently from "no data".
                height={Math.max(1.5, f.base - f.y(d().value!))}
                rx="3"
              >
                <title>{`${d().name}: ${props.format(d().value!)}`}</title>
              </rect>
              <Show when={f.band >= 22}>
                <text
                  class="chart-value-label"
                  x={f.x(i)}
                  y={Math.min(f.y(d().value!), f.base - 1.5) - 6}
                  text-anchor="middle"
                >
                  {props.format(d().value!)}
                </text>
              </Show>
            </Show>
          )}
        </Index>
      </>
    );
  };
  return <ChartFigure {...props} plot={plot} height={HEIGHT} />;
}

const ROW = 46;

/**
 * Horizontal bars, one row per category with its name above the bar: long names (people, places)
 * stay readable on a phone, where vertical bars would have to squeeze their labels.
 */
export function BarList(props: ChartProps) {
  const height = () => Math.max(1, props.data.length) * ROW;
  const plot = (width: number) => {
    const top = Math.max(props.minTop ?? 0, ...props.data.map((d) => d.value ?? 0)) || 1;
    // Roughly 7 px per character at 13 px; a longer name is cut with an ellipsis (the table has it whole).
    const room = Math.max(6, Math.floor((width - 96) / 7));
    const truncated = (s: string) => (s.length > room ? `${s.slice(0, room - 1)}…` : s);
    return (
      <Index each={props.data}>
        {(d, i) => (
          <g transform={`translate(0 ${i * ROW})`}>
            <title>{`${d().name}: ${d().value === null ? (props.missing ?? 'no data') : props.format(d().value!)}`}</title>
            <text class="chart-row-label" x="0" y="16">
              {truncated(d().label)}
            </text>
            <text
              class={d().value === null ? 'chart-row-value chart-row-missing' : 'chart-row-value'}
              x={width}
              y="16"
              text-anchor="end"
            >
              {d().value === null ? (props.missing ?? 'No data') : props.format(d().value!)}
            </text>
            <rect class="chart-track" x="0" y="24" width={width} height="12" rx="6" />
            <Show when={d().value !== null && d().value! > 0}>
              <rect
                class="chart-bar"
                x="0"
                y="24"
                width={Math.max(6, (width * Math.min(d().value!, top)) / top)}
                height="12"
                rx="6"
              />
            </Show>
          </g>
        )}
      </Index>
    );
  };
  return <ChartFigure {...props} summary={props.summary ?? listed(props)} plot={plot} height={height()} />;
}
