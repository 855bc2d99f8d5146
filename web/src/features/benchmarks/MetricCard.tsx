import { createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { DashboardMetric, Figures } from '../../../../shared/schemas/benchmarks.ts';
import { shiftMonth } from '../../../../shared/time.ts';
import type { BandDatum } from '../../components/charts/band-text.ts';
import { PercentileBandChart } from '../../components/charts/PercentileBandChart.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { AboutMetric } from './AboutMetric.tsx';
import {
  betterText,
  formatAxis,
  formatValue,
  isPublished,
  isSuppressed,
  monthLabel,
  monthName,
} from './metric-format.ts';

const NOT_REPORTED = 'No practice in this cohort reported this measure';

/** One period of the trend chart from a cell's figures: published, or a gap with its reason. */
export function bandDatum(month: string, f: Figures | null): BandDatum {
  const base = { label: monthLabel(month), name: monthName(month) };
  if (isPublished(f)) return { ...base, n: f.n, p10: f.p10, p25: f.p25, p50: f.p50, p75: f.p75, p90: f.p90 };
  return { ...base, p50: null, missing: isSuppressed(f) ? f.message : NOT_REPORTED };
}

/**
 * The trend's months from its first cell to the month shown, every month present: a month without
 * a cell is a gap, so the axis never jumps over time.
 */
function trendData(m: DashboardMetric, month: string): BandDatum[] {
  const first = m.trend[0]?.month;
  if (!first) return [];
  const out: BandDatum[] = [];
  for (let at = first; at <= month; at = shiftMonth(at, 1)) {
    out.push(bandDatum(at, m.trend.find((t) => t.month === at)?.figures ?? null));
  }
  return out;
}

/** "Not published in 11 of 12 months: hidden because …": why the chart is mostly gaps, in words. */
function gapNote(data: BandDatum[]): string | undefined {
  const gaps = data.filter((d) => d.p50 === null);
  if (gaps.length === 0) return undefined;
  const reasons = [...new Set(gaps.map((d) => d.missing ?? NOT_REPORTED))].join('; ');
  return `Not published in ${gaps.length} of ${data.length} months (shaded): ${reasons}.`;
}

const PERCENTILES = [
  ['p10', '10th'],
  ['p25', '25th'],
  ['p50', 'Median'],
  ['p75', '75th'],
  ['p90', '90th'],
] as const;

/** A suppressed or empty cell's reason, in place of every number. */
export function NotPublished(props: { figures: Figures | null }) {
  return (
    <p class="bench-withheld">
      <Badge tone="neutral">Not published</Badge>{' '}
      <span>{isSuppressed(props.figures) ? props.figures.message : NOT_REPORTED}</span>
    </p>
  );
}

/** One metric of the dashboard: the cohort's percentiles this month, who reported, the year's trend and its definition. */
export function MetricCard(props: { metric: DashboardMetric; month: string; percentileDefinition: string }) {
  const titleId = `bench-${createUniqueId()}`;
  const fmt = (v: number) => formatValue(props.metric.unit, v);
  const published = () => (isPublished(props.metric.figures) ? props.metric.figures : undefined);
  const trend = () => trendData(props.metric, props.month);
  return (
    <article class="bench-card" aria-labelledby={titleId} data-metric={props.metric.id}>
      <header class="bench-card-head">
        <h3 id={titleId} class="bench-card-title">
          {props.metric.label}
        </h3>
        <span class="muted small">{betterText(props.metric.better)}</span>
      </header>
      <div class="bench-figures">
        <Switch fallback={<NotPublished figures={props.metric.figures} />}>
          <Match when={published()}>
            {(f) => (
              <>
                <p class="bench-median">
                  <span class="bench-value">{fmt(f().p50)}</span> <span class="muted">median</span>
                </p>
                <dl class="bench-percentiles">
                  <For each={PERCENTILES}>
                    {([key, label]) => (
                      <div classList={{ 'bench-pct-median': key === 'p50' }}>
                        <dt>{label}</dt>
                        <dd>{fmt(f()[key])}</dd>
                      </div>
                    )}
                  </For>
                </dl>
                <p class="small muted">n = {f().n.toLocaleString('en-US')} practices in this cohort</p>
              </>
            )}
          </Match>
        </Switch>
        <Show when={props.metric.participation}>
          {(p) => (
            <p class="small muted">
              {p().contributors.toLocaleString('en-US')} of {p().members.toLocaleString('en-US')} members
              reported this measure
            </p>
          )}
        </Show>
      </div>
      <Show when={trend().some((d) => d.p50 !== null)}>
        <PercentileBandChart
          title={`${props.metric.label} by month`}
          class="bench-chart"
          data={trend()}
          format={fmt}
          axisFormat={(v) => formatAxis(props.metric.unit, v)}
          labelHeader="Month"
          missing={NOT_REPORTED}
        />
        <Show when={gapNote(trend())}>{(note) => <p class="small muted bench-gaps">{note()}</p>}</Show>
      </Show>
      <AboutMetric metric={props.metric} percentileDefinition={props.percentileDefinition} />
    </article>
  );
}
