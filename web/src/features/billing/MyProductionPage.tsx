import { createAsync, useSearchParams } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { MyProduction } from '../../../../shared/schemas/billing-production.ts';
import { BarList } from '../../components/charts/BarList.tsx';
import { ColumnChart } from '../../components/charts/ColumnChart.tsx';
import { MetricDefinitions } from '../../components/charts/MetricDefinitions.tsx';
import { TrendChart } from '../../components/charts/TrendChart.tsx';
import { TrendHeadline } from '../../components/charts/TrendHeadline.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { formatCalendarDate, isoDay } from '../../lib/format.ts';
import { formatCents, formatCentsShort } from '../../lib/number-format.ts';
import { getMyProduction } from './production-api.ts';
import {
  DELTA_UNITS,
  formatters,
  monthDatum,
  PRODUCTION_METRICS,
  PRODUCTION_TILES,
  type ProductionTile,
  tileHeadline,
} from './production-tiles.ts';
import './billing.css';

const MONTH_CHOICES = [3, 6, 12] as const;
const monthsOf = (v: string | undefined) => {
  const n = Number(v);
  return (MONTH_CHOICES as readonly number[]).includes(n) ? n : 12;
};

type Linked = MyProduction & { linked: true };

/** One figure: its latest value with what it is out of and its change, and the months as a chart. */
function ProductionChart(props: { tile: ProductionTile; data: Linked; thisMonth: string }) {
  const h = () => tileHeadline(props.data.months, props.tile, props.thisMonth);
  const headline = (): JSX.Element => (
    <TrendHeadline
      better={props.tile.better}
      unit={DELTA_UNITS[props.tile.unit]}
      value={h().value}
      none={h().none}
      count={h().count}
      delta={h().delta}
      vs={h().vs}
      noPrevious={h().noPrevious}
      when={h().when}
    />
  );
  const common = () => ({
    title: props.tile.label,
    headline: headline(),
    data: props.data.months.map((m) => monthDatum(m, props.tile)),
    format: formatters(props.tile).axis,
    missing: props.tile.missing,
    minTop: props.tile.minTop,
    integer: props.tile.unit === 'count',
    labelHeader: 'Month',
    valueHeader: props.tile.label,
    countHeader: 'Out of',
    class: `billing-kpi chart-${props.tile.key}`,
  });
  return (
    <Show when={props.tile.chart === 'columns'} fallback={<TrendChart {...common()} />}>
      <ColumnChart {...common()} />
    </Show>
  );
}

/** What is still owed on the provider's claims today, by days since the date of service. */
function Owed(props: { ar: NonNullable<MyProduction['ar']> }) {
  return (
    <BarList
      title="Still owed"
      headline={
        <span class="chart-headline">
          <span class="chart-value">{formatCents(props.ar.totalCents)}</span>{' '}
          <span class="chart-when">on {formatCalendarDate(props.ar.asOf)}</span>
        </span>
      }
      data={props.ar.buckets.map((b, i) => ({
        label: `${b} days`,
        name: `${b} days since the date of service`,
        value: props.ar.bucketCents[i] ?? 0,
      }))}
      format={formatCentsShort}
      labelHeader="Days since service"
      valueHeader="Owed"
      class="billing-kpi"
    />
  );
}

function ProductionBody(props: { months: number }) {
  const data = createAsync(() => getMyProduction(props.months));
  const thisMonth = isoDay(new Date()).slice(0, 7);
  return (
    <Show when={data()}>
      {(d) => (
        <Show
          when={d().linked ? (d() as Linked) : undefined}
          fallback={<EmptyState title="Your login is not linked to your NPI yet">{d().message}</EmptyState>}
        >
          {(linked) => (
            <div class="stack-lg">
              <Section
                id="production-figures"
                title="Month by month"
                description={`Claims billed under NPI ${linked().npi} (${linked().providerName}). Charges count by date of service, payments and decisions by the date posted, claims by the date sent. A month without a figure is left blank, not counted as zero.`}
              >
                <div class="billing-body stack">
                  <div class="billing-kpi-grid">
                    <For each={PRODUCTION_TILES}>
                      {(tile) => <ProductionChart tile={tile} data={linked()} thisMonth={thisMonth} />}
                    </For>
                  </div>
                  <MetricDefinitions metrics={PRODUCTION_METRICS} class="billing-definitions">
                    <p>
                      <strong>Claims submitted</strong>: claims sent to a payer in the month, counted by the
                      date they were sent.
                    </p>
                  </MetricDefinitions>
                </div>
              </Section>
              <Show when={linked().ar}>
                {(ar) => (
                  <Section
                    id="production-owed"
                    title="Still owed today"
                    description="Charges on your claims not yet paid, adjusted or written off (a denied claim stays owed until it is worked), by days since the date of service."
                  >
                    <Owed ar={ar()} />
                  </Section>
                )}
              </Show>
            </div>
          )}
        </Show>
      )}
    </Show>
  );
}

/** A provider's own production: their NPI's figures only, totals with no patient. */
export function MyProductionPage() {
  const [params, setParams] = useSearchParams<{ months?: string }>();
  const months = () => monthsOf(params.months);
  return (
    <div class="page billing">
      <PageHeader
        title="My production"
        description="What your own claims bring in: charges, payments, claims sent, denials and how long payers take."
        actions={
          <SelectField
            label="Months shown"
            name="months"
            value={String(months())}
            onChange={(v) => setParams({ months: v === '12' ? undefined : v }, { replace: true })}
            options={MONTH_CHOICES.map((n) => ({ value: String(n), label: `Last ${n} months` }))}
          />
        }
      />
      <LoadBoundary what="your production" keys={[getMyProduction.key]}>
        <ProductionBody months={months()} />
      </LoadBoundary>
    </div>
  );
}
