import { For, type JSX } from 'solid-js';
import type { MetricDefinition } from '../../../../shared/metrics.ts';

/**
 * What each number counts, from the metric registry: the same text the monthly snapshots and the
 * association benchmarks are built on, so a page never words a definition its own way.
 */
export function MetricDefinitions(props: {
  metrics: readonly MetricDefinition[];
  class?: string;
  children?: JSX.Element;
}) {
  return (
    <details class={`metric-definitions ${props.class ?? ''}`}>
      <summary>How these are measured</summary>
      {props.children}
      <dl>
        <For each={props.metrics}>
          {(m) => (
            <>
              <dt>{m.label}</dt>
              <dd>
                {m.definition}{' '}
                <span class="muted">
                  Source: {m.source}, version {m.version}; {m.better} is better.
                </span>
              </dd>
            </>
          )}
        </For>
      </dl>
    </details>
  );
}
