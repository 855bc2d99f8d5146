import { For, Index, Show } from 'solid-js';
import { type frame, HEIGHT, PAD } from './chart-scale.ts';
import type { Datum } from './text-alternative.ts';

/** Gridlines with their values, and the category labels under the plot. */
export function Axes(props: {
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
