import { A, createAsync } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Provider } from '../../../../../shared/schemas/scheduling.ts';
import { addDays } from '../../../../../shared/time.ts';
import { BarList } from '../../../components/charts/BarList.tsx';
import { TrendChart } from '../../../components/charts/TrendChart.tsx';
import { TrendHeadline } from '../../../components/charts/TrendHeadline.tsx';
import { Badge, type Tone } from '../../../components/ui/Badge.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { formatMonthDay } from '../../../lib/calendar-format.ts';
import { formatCount, formatMinutesAsHours, formatPercent } from '../../../lib/number-format.ts';
import { getMeasures } from './api.ts';
import { FEW_VISITS, MEASURES, rateHeadline, SAMPLE_NOUN, weekDatum } from './weekly-rates.ts';

/** "Today", "1 day", "9 days", or the 60-day horizon when nothing is free. */
function waitLabel(days: number | null): string {
  if (days === null) return 'None in 60 days';
  if (days === 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** Days to the third free start: quick is good news, none in 60 days is a problem. */
function waitTone(days: number | null): Tone {
  if (days === null) return 'danger';
  if (days <= 2) return 'success';
  return days <= 7 ? 'neutral' : 'warning';
}

/** Week-over-week rates and the per-provider view of one location, from one measures read. */
export function WeeklyMeasures(props: {
  locationId: string;
  locationName: string;
  weeks: number;
  providers: Provider[];
}) {
  const key = () => `${props.locationId}/${props.weeks}`;
  const loaded = createAsync(async () => {
    const k = key();
    return { key: k, measures: await getMeasures(props.locationId, props.weeks) };
  });
  // After the first load the old figures stay on screen, dimmed, while another location or range loads.
  const stale = () => loaded.latest?.key !== key();
  const weeks = () => loaded.latest?.measures.weeks ?? [];
  const latest = () => weeks()[weeks().length - 1];
  const names = createMemo(() => new Map(props.providers.map((p) => [p.id, p.name])));
  const nameOf = (id: string) => names().get(id) ?? 'Former provider';
  const noVisits = () => weeks().every((w) => w.booked === 0);
  /** All providers' booked or open minutes this week, in hours ("12.5 h"). */
  const weekHours = (of: 'bookedMinutes' | 'availableMinutes') =>
    formatMinutesAsHours(latest()!.byProvider.reduce((sum, p) => sum + p[of], 0));
  const busy = () => (
    <Show when={stale()}>
      <Spinner size="sm" label="Updating…" />
    </Show>
  );

  return (
    <Show when={loaded.latest}>
      <Section
        id="weekly"
        title="Week over week"
        description={`Visits at ${props.locationName}, Monday to Sunday. A week with nothing to measure is left blank, not counted as zero; a rate from fewer than ${FEW_VISITS} visits is marked “few visits” and shows no trend.`}
        actions={busy()}
        class="reports-section"
      >
        <div class="reports-body" aria-busy={stale() ? 'true' : undefined}>
          <Show
            when={!noVisits()}
            fallback={
              <EmptyState
                title={`No visits in the last ${formatCount(props.weeks, 'week')}`}
                action={
                  <A href="/app/schedule" class="btn btn-secondary">
                    Open the schedule
                  </A>
                }
              >
                Measures fill in as visits are booked and held at {props.locationName}: a no-show or a late
                cancellation shows here the week it happens.
              </EmptyState>
            }
          >
            <div class="reports-grid">
              <For each={MEASURES}>
                {(m) => {
                  const h = () => rateHeadline(weeks(), m);
                  return (
                    <TrendChart
                      title={m.title}
                      headline={
                        <TrendHeadline
                          better={m.better}
                          sampleNoun={SAMPLE_NOUN}
                          unit={['pt', 'pts']}
                          value={h().value}
                          none={h().none}
                          count={h().count}
                          few={h().few}
                          delta={h().delta}
                          vs={h().vs}
                          noPrevious={h().noPrevious}
                          when={h().when}
                        />
                      }
                      data={weeks().map((w) => weekDatum(w, m))}
                      format={formatPercent}
                      missing={m.missing}
                      sampleNoun={SAMPLE_NOUN}
                      minTop={m.minTop}
                      labelHeader="Week"
                      valueHeader={m.title}
                      countHeader="Out of"
                      class={`chart-${m.key}`}
                    />
                  );
                }}
              </For>
            </div>
            <ul class="reports-notes">
              <For each={MEASURES}>
                {(m) => (
                  <li>
                    <span class="strong">{m.title}:</span> {m.about}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </Section>

      <Section
        id="providers"
        title="Providers"
        description={`How full each provider's week is at ${props.locationName}, and how soon a patient can be seen.`}
        actions={busy()}
        class="reports-section"
      >
        <div class="reports-body" aria-busy={stale() ? 'true' : undefined}>
          <Show
            when={(latest()?.byProvider.length ?? 0) > 0}
            fallback={
              <EmptyState title={`No providers at ${props.locationName} yet`}>
                Add providers and their working hours in Setup to see utilization and access here.
              </EmptyState>
            }
          >
            <div class="reports-split">
              <BarList
                title="Utilization by provider"
                headline={
                  <span class="chart-headline">
                    <span class="chart-when">
                      This week ({formatMonthDay(latest()!.weekStart)} –{' '}
                      {formatMonthDay(addDays(latest()!.weekStart, 6))}): {weekHours('bookedMinutes')} booked
                      of {weekHours('availableMinutes')} open
                    </span>
                  </span>
                }
                data={latest()!.byProvider.map((p) => ({
                  label: nameOf(p.providerId),
                  name: nameOf(p.providerId),
                  value: p.utilization,
                }))}
                format={formatPercent}
                missing="No open hours"
                minTop={1}
                labelHeader="Provider"
                valueHeader="Utilization"
                class="chart-providers"
              />
              <div class="tna">
                <h3 class="tna-title" id="tna-title">
                  Time to third next available
                </h3>
                <p class="tna-about">
                  Days until each provider's third open appointment: the standard measure of how soon a
                  patient can be seen. Lower is better.
                </p>
                <ul class="tna-list" aria-labelledby="tna-title">
                  <For each={loaded.latest!.measures.thirdNextAvailable}>
                    {(t) => (
                      <li class="tna-item">
                        <span class="tna-name">{nameOf(t.providerId)}</span>
                        <Badge tone={waitTone(t.days)}>{waitLabel(t.days)}</Badge>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </div>
          </Show>
        </div>
      </Section>
    </Show>
  );
}
