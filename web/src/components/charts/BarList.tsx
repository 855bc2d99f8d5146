import { Index, Show } from 'solid-js';
import { ChartFigure, type ChartProps } from './ChartFigure.tsx';
import { listed } from './text-alternative.ts';

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
