/**
 * The frame of every series chart (TrendChart, ColumnChart, BarList): figure, caption, the SVG
 * and the numbers as a table.
 */
import { createSignal, createUniqueId, For, type JSX, onCleanup, Show } from 'solid-js';
import { basisOf, type Datum, missingOf, summarise } from './text-alternative.ts';
import './charts.css';

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

/** The rendered width of an element, kept up to date, so SVG text stays at its real pixel size. */
export function createWidth(initial: number): [() => number, (el: HTMLElement) => void] {
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

/**
 * The frame every chart shares: figure and caption, the SVG (an image named by its summary),
 * and the numbers as a table that screen readers always get and sighted users can open.
 */
export function ChartFigure(props: ChartProps & { plot: (width: number) => JSX.Element; height: number }) {
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
