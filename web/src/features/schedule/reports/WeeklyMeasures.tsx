import { A, createAsync } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Provider } from '../../../../../shared/schemas/scheduling.ts';
import { addDays } from '../../../../../shared/time.ts';
import { Badge, type Tone } from '../../../components/ui/Badge.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { getMeasures, type WeekMeasures } from './api.ts';
import { BarList, type Datum, TrendChart } from './Chart.tsx';
import { dayLong, dayShort, percent, plural, waitLabel } from './format.ts';
import { Headline } from './Headline.tsx';

type RateKey = 'noShowRate' | 'lateCancelRate' | 'utilization';

interface Measure {
  key: RateKey;
  title: string;
  about: string;
  better: 'up' | 'down';
  /** What a null week means for this measure. */
  missing: string;
  /** The axis reaches at least this high, so 3% does not look like a crisis. */
  minTop: number;
}

const MEASURES: Measure[] = [
  {
    key: 'noShowRate',
    title: 'No-show rate',
    about: 'Visits whose time has passed where the patient did not come.',
    better: 'down',
    missing: 'No visits held',
    minTop: 0.1,
  },
  {
    key: 'lateCancelRate',
    title: 'Late-cancel rate',
    about: 'Booked visits the patient cancelled at short notice.',
    better: 'down',
    missing: 'No visits booked',
    minTop: 0.1,
  },
  {
    key: 'utilization',
    title: 'Utilization',
    about: 'Booked minutes as a share of the providers’ open hours.',
    better: 'up',
    missing: 'No open hours',
    minTop: 1,
  },
];

interface HeadlineParts {
  value?: string;
  none?: string;
  delta?: number;
  vs: string;
  noPrevious?: string;
  when?: string;
}

const weekDatum = (w: WeekMeasures, value: number | null): Datum => ({
  label: dayShort(w.weekStart),
  name: `Week of ${dayLong(w.weekStart)}`,
  value,
});

/**
 * The headline of a rate: the latest week that has one, and the change from the week before in
 * percentage points of the rounded figures, so "12%" and "9%" always read as "3 pts".
 */
function rateHeadline(weeks: WeekMeasures[], m: Measure): HeadlineParts {
  const at = weeks.findLastIndex((w) => w[m.key] !== null);
  if (at < 0) return { none: m.missing, vs: '', when: `in the last ${weeks.length} weeks` };
  const value = weeks[at]![m.key]!;
  const before = at > 0 ? weeks[at - 1]![m.key] : undefined;
  const current = at === weeks.length - 1;
  return {
    value: percent(value),
    delta: before == null ? undefined : Math.round(value * 100) - Math.round(before * 100),
    vs: current ? 'vs last week' : 'vs the week before',
    noPrevious: at > 0 ? `${m.missing.toLowerCase()} the week before` : undefined,
    when: current
      ? m.key === 'utilization'
        ? 'This week'
        : 'This week so far'
      : `Week of ${dayShort(weeks[at]!.weekStart)}, the latest with data`,
  };
}

const hours = (minutes: number) => {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h.toLocaleString('en-US')} h`;
};

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
        description={`Visits at ${props.locationName}, Monday to Sunday. A week with nothing to measure is left blank, not counted as zero.`}
        actions={busy()}
        class="reports-section"
      >
        <div class="reports-body" aria-busy={stale() ? 'true' : undefined}>
          <Show
            when={!noVisits()}
            fallback={
              <EmptyState
                title={`No visits in the last ${plural(props.weeks, 'week')}`}
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
                        <Headline
                          better={m.better}
                          unit={['pt', 'pts']}
                          value={h().value}
                          none={h().none}
                          delta={h().delta}
                          vs={h().vs}
                          noPrevious={h().noPrevious}
                          when={h().when}
                        />
                      }
                      data={weeks().map((w) => weekDatum(w, w[m.key]))}
                      format={percent}
                      missing={m.missing}
                      minTop={m.minTop}
                      labelHeader="Week"
                      valueHeader={m.title}
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
                      This week ({dayShort(latest()!.weekStart)} – {dayShort(addDays(latest()!.weekStart, 6))}
                      ): {hours(latest()!.byProvider.reduce((s, p) => s + p.bookedMinutes, 0))} booked of{' '}
                      {hours(latest()!.byProvider.reduce((s, p) => s + p.availableMinutes, 0))} open
                    </span>
                  </span>
                }
                data={latest()!.byProvider.map((p) => ({
                  label: nameOf(p.providerId),
                  name: nameOf(p.providerId),
                  value: p.utilization,
                }))}
                format={percent}
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
