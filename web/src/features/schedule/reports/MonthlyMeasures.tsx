import { createAsync } from '@solidjs/router';
import { createMemo, type JSX, Show } from 'solid-js';
import { SCHEDULING_METRICS, type SchedulingMetricId } from '../../../../../shared/metrics.ts';
import type { MonthlyMeasures as Month } from '../../../../../shared/schemas/scheduling.ts';
import { ColumnChart } from '../../../components/charts/ColumnChart.tsx';
import { MetricDefinitions } from '../../../components/charts/MetricDefinitions.tsx';
import { TrendHeadline } from '../../../components/charts/TrendHeadline.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { formatMonthShort, formatMonthYear } from '../../../lib/calendar-format.ts';
import { formatCount, formatPercent } from '../../../lib/number-format.ts';
import { getMonthlyMeasures } from './api.ts';

const MONTHS = 12;

/** Column headers come from the registry, so the table and the definitions below say the same name. */
const label = (id: SchedulingMetricId) => SCHEDULING_METRICS.find((m) => m.id === id)!.label;

/** Scheduling's measures' definitions. */
function Definitions() {
  return <MetricDefinitions metrics={SCHEDULING_METRICS} />;
}

/** A rate cell: "No visits" for screen readers where sighted users see a dash. */
function rateCell(rate: number | null): JSX.Element {
  if (rate !== null) return formatPercent(rate);
  return (
    <span class="muted">
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">No visits</span>
    </span>
  );
}

/** Completed months at one location: new patients as a chart, every measure in a table. */
export function MonthlyMeasures(props: { locationId: string; locationName: string }) {
  const loaded = createAsync(async () => {
    const id = props.locationId;
    return { id, months: (await getMonthlyMeasures(id, MONTHS)).months };
  });
  const stale = () => loaded.latest?.id !== props.locationId;
  /**
   * Oldest first, from the first month with anything in it: the months before a practice
   * started using Rounds are all zeros and would only push the real ones off the chart.
   */
  const months = createMemo((): Month[] => {
    const oldestFirst = [...(loaded.latest?.months ?? [])].reverse();
    const first = oldestFirst.findIndex((m) => m.visits > 0 || m.newPatients > 0);
    return first < 0 ? [] : oldestFirst.slice(first);
  });
  const newestFirst = () => [...months()].reverse();
  const headline = () => {
    const list = months();
    const last = list[list.length - 1]!;
    const before = list[list.length - 2];
    return (
      <TrendHeadline
        better="up"
        value={formatCount(last.newPatients, 'new patient')}
        delta={before ? last.newPatients - before.newPatients : undefined}
        vs={before ? `vs ${formatMonthShort(before.month)}` : ''}
        when={formatMonthYear(last.month)}
      />
    );
  };

  return (
    <Show when={loaded.latest}>
      <Section
        id="monthly"
        title="Monthly snapshots"
        description={`Completed months at ${props.locationName}. New patients count the whole practice, every location.`}
        actions={
          <Show when={stale()}>
            <Spinner size="sm" label="Updating…" />
          </Show>
        }
        class="reports-section"
      >
        <div class="reports-body stack" aria-busy={stale() ? 'true' : undefined}>
          <Show
            when={months().length > 0}
            fallback={
              <EmptyState title="No completed months yet">
                A month appears here once it is over and had visits or new patients: it is measured and stored
                overnight, after 02:00 in the practice's time zone. The weekly measures above fill in right
                away.
              </EmptyState>
            }
          >
            <ColumnChart
              title="New patients per month"
              headline={headline()}
              data={months().map((m) => ({
                label: formatMonthShort(m.month),
                name: formatMonthYear(m.month),
                value: m.newPatients,
              }))}
              format={(v) => String(v)}
              integer
              labelHeader="Month"
              valueHeader="New patients"
              class="chart-new-patients"
            />
            <DataTable<Month>
              caption="Monthly measures"
              columns={[
                { header: 'Month', cell: (m) => <span class="strong">{formatMonthYear(m.month)}</span> },
                {
                  header: label('scheduling.visits'),
                  cell: (m) => m.visits.toLocaleString('en-US'),
                  class: 'num',
                },
                {
                  header: label('scheduling.no_show_rate'),
                  cell: (m) => rateCell(m.noShowRate),
                  class: 'num',
                },
                {
                  header: label('scheduling.late_cancel_rate'),
                  cell: (m) => rateCell(m.lateCancelRate),
                  class: 'num',
                },
                {
                  header: label('scheduling.utilization'),
                  cell: (m) => rateCell(m.utilization),
                  class: 'num',
                },
                {
                  header: label('scheduling.new_patients'),
                  cell: (m) => m.newPatients.toLocaleString('en-US'),
                  class: 'num',
                },
              ]}
              rows={newestFirst()}
              empty={<p class="muted">No completed months yet.</p>}
            />
            <Definitions />
          </Show>
        </div>
      </Section>
    </Show>
  );
}
