import { Index, Show } from 'solid-js';
import { Axes } from './Axes.tsx';
import { ChartFigure, type ChartProps } from './ChartFigure.tsx';
import { frame, HEIGHT, niceScale, PAD } from './chart-scale.ts';

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
