import { createUniqueId, For, Show } from 'solid-js';
import type { CompareMetric } from '../../../../shared/schemas/benchmarks.ts';
import { PercentileBandChart } from '../../components/charts/PercentileBandChart.tsx';
import { AboutMetric } from './AboutMetric.tsx';
import {
  betterText,
  betterThan,
  formatAxis,
  formatValue,
  isPublished,
  isSuppressed,
  monthLabel,
  monthName,
  rankSentence,
} from './metric-format.ts';

type Cohort = CompareMetric['cohorts'][number];

/** The cohorts' published figures beside the practice's standing in each; a withheld cohort says why. */
function CohortTable(props: { metric: CompareMetric }) {
  const fmt = (v: number) => formatValue(props.metric.unit, v);
  const withheld = (c: Cohort) =>
    isSuppressed(c.figures) ? c.figures.message : 'No practice in this cohort reported this measure';
  return (
    // Focusable, so keyboard users can scroll the table sideways when the card is narrow.
    <section
      class="bench-scroll bench-cohorts-wrap"
      tabindex="0"
      aria-label={`${props.metric.label} by cohort`}
    >
      <table class="table bench-cohorts">
        <caption class="visually-hidden">{props.metric.label}: your cohorts</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col" class="num">
              Median
            </th>
            <th scope="col" class="num">
              Middle half
            </th>
            <th scope="col" class="num">
              Practices
            </th>
            <th scope="col">Where you stand</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.metric.cohorts}>
            {(c) => (
              <tr>
                <th scope="row" class="bench-cohort-name">
                  {c.label}
                </th>
                <Show
                  when={isPublished(c.figures) ? c.figures : undefined}
                  fallback={
                    <td colSpan={4} class="muted small bench-cohort-withheld">
                      Not published: {withheld(c)}
                    </td>
                  }
                >
                  {(f) => (
                    <>
                      <td class="num nowrap" data-label="Median">
                        {fmt(f().p50)}
                      </td>
                      <td class="num nowrap" data-label="Middle half">
                        {fmt(f().p25)} – {fmt(f().p75)}
                      </td>
                      <td class="num" data-label="Practices">
                        {f().n.toLocaleString('en-US')}
                      </td>
                      <td class="nowrap" data-label="Where you stand">
                        <Show when={c.rank !== null} fallback={<span class="muted">No value of yours</span>}>
                          Better than {betterThan(c.rank!, props.metric.better)}%
                        </Show>
                      </td>
                    </>
                  )}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

/** The sentence under the practice's value: its standing in the widest cohort it is ranked in. */
function headlineRank(m: CompareMetric): string | undefined {
  const ranked = m.cohorts.find((c) => c.rank !== null && isPublished(c.figures));
  return ranked ? rankSentence(ranked.rank!, m.better, ranked) : undefined;
}

/** One metric of "How we compare": the practice's value and rank, its cohorts, its trend and the definition. */
export function CompareCard(props: { metric: CompareMetric; percentileDefinition: string }) {
  const titleId = `cmp-${createUniqueId()}`;
  const fmt = (v: number) => formatValue(props.metric.unit, v);
  const trend = () =>
    props.metric.trend.map((t) => ({
      label: monthLabel(t.month),
      name: monthName(t.month),
      p50: t.median,
      own: t.value,
      missing: 'Not published for all members',
    }));
  return (
    <article class="bench-card cmp-card" aria-labelledby={titleId} data-metric={props.metric.id}>
      <header class="bench-card-head">
        <h3 id={titleId} class="bench-card-title">
          {props.metric.label}
        </h3>
        <span class="muted small">{betterText(props.metric.better)}</span>
      </header>
      <div class="cmp-layout">
        <div class="cmp-own">
          <Show
            when={props.metric.value !== null}
            fallback={<p class="muted">Not measured for your practice in this period.</p>}
          >
            <p class="bench-median">
              <span class="bench-value">{fmt(props.metric.value!)}</span>{' '}
              <span class="muted">your practice</span>
            </p>
            <Show when={headlineRank(props.metric)}>
              {(sentence) => <p class="cmp-rank">{sentence()}</p>}
            </Show>
          </Show>
        </div>
        <Show when={trend().some((d) => d.p50 !== null || d.own !== null)}>
          <PercentileBandChart
            title={`${props.metric.label}: yours and the members' median`}
            class="bench-chart"
            data={trend()}
            format={fmt}
            axisFormat={(v) => formatAxis(props.metric.unit, v)}
            ownLabel="Your practice"
            labelHeader="Month"
          />
        </Show>
      </div>
      <CohortTable metric={props.metric} />
      <AboutMetric metric={props.metric} percentileDefinition={props.percentileDefinition} />
    </article>
  );
}
