import { Show } from 'solid-js';
import { MAX_SHARE } from '../../../../shared/benchmarks/cohorts.ts';
import { betterText } from './metric-format.ts';

/** What a metric card needs of the registry entry the API repeats with every metric. */
export interface MetricInfo {
  label: string;
  definition: string;
  source: string;
  version: number;
  better: 'higher' | 'lower';
  additive: boolean;
}

/**
 * A metric's definition, source and the percentile method, one click away from its figures. The
 * text is the registry's (through the API), so the page never words a definition its own way.
 */
export function AboutMetric(props: { metric: MetricInfo; percentileDefinition: string }) {
  return (
    <details class="bench-about">
      <summary>
        How this is measured<span class="visually-hidden">: {props.metric.label}</span>
      </summary>
      <dl>
        <dt>Definition</dt>
        <dd>{props.metric.definition}</dd>
        <dt>Source</dt>
        <dd>
          {props.metric.source}, version {props.metric.version}. {betterText(props.metric.better)}.
        </dd>
        <dt>Percentiles</dt>
        <dd>
          {props.percentileDefinition}
          <Show when={props.metric.additive}>
            {' '}
            {`A total: no single practice may make up more than ${MAX_SHARE * 100}% of a cohort's sum.`}
          </Show>
        </dd>
      </dl>
    </details>
  );
}
