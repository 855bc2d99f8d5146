import { For, Index, Show } from 'solid-js';
import { Axes } from './Axes.tsx';
import { ChartFigure, type ChartProps } from './ChartFigure.tsx';
import { frame, HEIGHT, niceScale, PAD } from './chart-scale.ts';
import { basisOf, type Datum, missingOf } from './text-alternative.ts';

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
