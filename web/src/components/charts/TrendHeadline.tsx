import { Match, Show, Switch } from 'solid-js';
import { DEFAULT_SAMPLE_NOUN } from './text-alternative.ts';
import './charts.css';

/** The figures of a headline: the value, what it is out of, and its change since the period before. */
export interface TrendHeadlineProps {
  /** The latest value as shown ("12%"); absent when nothing was measured. */
  value?: string;
  /** What to say instead of a value ("No visits yet"). */
  none?: string;
  /** What the value is out of, shown beside it ("1 of 3 visits"). */
  count?: string;
  /** Too few samples behind the value to read as a trend: marked, and no arrow is drawn. */
  few?: boolean;
  /** What the value is measured over, plural ("visits"): a `few` value is marked "Few visits". */
  sampleNoun?: string;
  /** Change in display units ("3" for 3 percentage points); absent when there is nothing to compare with. */
  delta?: number;
  /** The change's unit, singular and plural ("pt"/"pts"; empty for counts). */
  unit?: [string, string];
  /** Which direction is good news for this measure. */
  better: 'up' | 'down';
  /** "vs last week". */
  vs: string;
  /** Said when there is nothing to compare with ("no visits the week before"). */
  noPrevious?: string;
  /** When the value is from ("This week", "Week of Nov 16"). */
  when?: string;
}

/**
 * The big number of a chart, what it is out of, and its change since the period before, colored by
 * whether it is good news. A value from few samples is marked and gets no arrow: it is not a trend.
 */
export function TrendHeadline(props: TrendHeadlineProps) {
  const tone = () => {
    const d = props.delta ?? 0;
    if (d === 0) return 'flat';
    return d > 0 === (props.better === 'up') ? 'good' : 'bad';
  };
  const amount = () => {
    const n = Math.abs(props.delta ?? 0);
    const [one, many] = props.unit ?? ['', ''];
    const unit = n === 1 ? one : many;
    return unit ? `${n} ${unit}` : String(n);
  };
  return (
    <span class="chart-headline">
      <Show when={props.value} fallback={<span class="chart-value chart-value-none">{props.none}</span>}>
        <span class="chart-value">{props.value}</span>{' '}
        <Show when={props.count}>
          <span class="chart-count">{props.count}</span>{' '}
        </Show>
        <Show when={props.few}>
          <span class="chart-few">Few {props.sampleNoun ?? DEFAULT_SAMPLE_NOUN}</span>{' '}
        </Show>
        <Switch>
          <Match when={props.few || props.delta === undefined}>
            <Show when={props.noPrevious}>
              <span class="chart-vs">{props.noPrevious}</span>
            </Show>
          </Match>
          <Match when={props.delta === 0}>
            <span class="chart-delta chart-delta-flat">
              <span aria-hidden="true">→</span> no change
            </span>{' '}
            <span class="chart-vs">{props.vs}</span>
          </Match>
          <Match when={props.delta !== undefined}>
            <span class={`chart-delta chart-delta-${tone()}`}>
              <span aria-hidden="true">{props.delta! > 0 ? '↑' : '↓'}</span>
              <span class="visually-hidden">{props.delta! > 0 ? 'up' : 'down'}</span> {amount()}
            </span>{' '}
            <span class="chart-vs">{props.vs}</span>
          </Match>
        </Switch>
      </Show>
      <Show when={props.when}>
        <span class="chart-when">{props.when}</span>
      </Show>
    </span>
  );
}
