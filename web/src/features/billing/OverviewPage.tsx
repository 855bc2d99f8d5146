import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { Dashboard } from '../../../../shared/schemas/billing.ts';
import { ColumnChart } from '../../components/charts/ColumnChart.tsx';
import { TrendChart } from '../../components/charts/TrendChart.tsx';
import { TrendHeadline } from '../../components/charts/TrendHeadline.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { type Option, SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { DataTable } from '../../components/ui/Table.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { formatMonthYear } from '../../lib/calendar-format.ts';
import { isoDay } from '../../lib/format.ts';
import { listLocations } from '../schedule/api.ts';
import { type DashboardFilters, getDashboard, getDirectory } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { tileDrillDown } from './drill-down.ts';
import {
  DELTA_UNITS,
  formatters,
  headlineMonth,
  KPI_TILES,
  type KpiTile,
  metricOf,
  missingOf,
  monthDatum,
  tileHeadline,
} from './kpi-tiles.ts';
import { claimsHref, IMPORT_HREF, isUnknownKey, overviewHref } from './links.ts';
import { Definitions, Money, Rate } from './parts.tsx';
import './billing.css';

const MONTH_CHOICES = [6, 12, 24] as const;
type Breakdown = 'payer' | 'provider' | 'location';
type BreakdownRow = Dashboard['byPayer'][number];

const monthsOf = (v: string | undefined) => {
  const n = Number(v);
  return (MONTH_CHOICES as readonly number[]).includes(n) ? n : 12;
};

/** The link out of a breakdown row: the claims it stands for, or (locations) the overview narrowed to it. */
function DrillDown(props: { by: Breakdown; row: BreakdownRow; filters: DashboardFilters }) {
  return (
    <Show when={!isUnknownKey(props.row.key)} fallback={<span class="muted small">Not filterable</span>}>
      <Show
        when={props.by !== 'location'}
        fallback={
          <A href={overviewHref({ ...props.filters, location: props.row.key })} class="nowrap">
            Show only this location<span class="visually-hidden">: {props.row.label}</span>
          </A>
        }
      >
        <A href={claimsHref({ [props.by]: props.row.key })} class="nowrap">
          Open claims<span class="visually-hidden"> for {props.row.label}</span>
        </A>
      </Show>
    </Show>
  );
}

const BREAKDOWN_TABS: {
  id: Breakdown;
  label: string;
  noun: string;
  field: 'byPayer' | 'byProvider' | 'byLocation';
}[] = [
  { id: 'payer', label: 'By payer', noun: 'Payer', field: 'byPayer' },
  { id: 'provider', label: 'By provider', noun: 'Provider', field: 'byProvider' },
  { id: 'location', label: 'By location', noun: 'Location', field: 'byLocation' },
];

/** Charges, payments and the two rates per payer, provider or location over the months shown. */
function Breakdowns(props: { data: Dashboard; filters: DashboardFilters; months: number }) {
  const [tab, setTab] = createSignal<Breakdown>('payer');
  const current = () => BREAKDOWN_TABS.find((t) => t.id === tab())!;
  return (
    <Section
      id="billing-breakdown"
      title="Where it comes from"
      description={`The last ${props.months} months together. Open a payer's or a provider's claims to see what is behind a figure.`}
    >
      <Tabs
        label="Break down by"
        idPrefix="billing-by"
        tabs={BREAKDOWN_TABS}
        selected={tab()}
        onSelect={(id) => setTab(id as Breakdown)}
        wrap
      />
      <div {...tabPanelProps('billing-by', tab())}>
        <DataTable<BreakdownRow>
          caption={`Charges, payments and rates ${current().label.toLowerCase()}`}
          rows={props.data[current().field]}
          empty={<p class="muted">Nothing in these months.</p>}
          columns={[
            {
              header: current().noun,
              cell: (r) => <span class="strong break">{r.label}</span>,
            },
            { header: 'Charges', cell: (r) => <Money cents={r.chargesCents} />, class: 'num' },
            { header: 'Payments', cell: (r) => <Money cents={r.paymentsCents} />, class: 'num' },
            {
              header: metricOf('billing.denial_rate').label,
              cell: (r) => <Rate rate={r.denialRate} missing="No claims decided" />,
              class: 'num',
            },
            {
              header: metricOf('billing.net_collection_rate').label,
              cell: (r) => <Rate rate={r.netCollectionRate} missing="No charges" />,
              class: 'num',
            },
            {
              header: 'Drill down',
              headerHidden: true,
              cell: (r) => <DrillDown by={tab()} row={r} filters={props.filters} />,
              class: 'cell-actions',
            },
          ]}
        />
      </div>
    </Section>
  );
}

/** One KPI: its latest figure with what it is out of and its change, the months as a chart, and its claims. */
function KpiChart(props: {
  tile: KpiTile;
  data: Dashboard;
  filters: DashboardFilters;
  filtered: boolean;
  thisMonth: string;
}) {
  const metric = () => metricOf(props.tile.id);
  const f = () => formatters(props.tile);
  const h = () => tileHeadline(props.data.months, props.tile, props.filtered, props.thisMonth);
  const drill = () => {
    const month = headlineMonth(props.data.months, props.tile);
    return month ? tileDrillDown(props.tile.id, month, props.filters) : undefined;
  };
  const headline = (): JSX.Element => (
    <>
      <TrendHeadline
        better={metric().better === 'higher' ? 'up' : 'down'}
        unit={DELTA_UNITS[props.tile.unit]}
        value={h().value}
        none={h().none}
        count={h().count}
        delta={h().delta}
        vs={h().vs}
        noPrevious={h().noPrevious}
        when={h().when}
      />
      <Show when={drill()}>
        {(d) => (
          <A href={d().href} class="billing-kpi-drill small">
            {d().label}
            <span class="visually-hidden"> behind {metric().label}</span>
          </A>
        )}
      </Show>
    </>
  );
  const common = () => ({
    title: metric().label,
    headline: headline(),
    data: props.data.months.map((m) => monthDatum(m, props.tile, props.filtered)),
    format: f().axis,
    missing: missingOf(props.tile, props.filtered),
    minTop: props.tile.minTop,
    labelHeader: 'Month',
    valueHeader: metric().label,
    countHeader: 'Out of',
    class: `billing-kpi chart-${props.tile.key}`,
  });
  return (
    <Show when={props.tile.unit === 'money'} fallback={<TrendChart {...common()} />}>
      <ColumnChart {...common()} />
    </Show>
  );
}

/** True when nothing at all was ever imported: no payer seen, no money in any month shown. */
const isEmptyPractice = (d: Dashboard) =>
  d.payers.length === 0 &&
  d.months.every((m) => m.chargesCents === 0 && m.paymentsCents === 0 && m.arCents === 0);

function Filters(props: {
  filters: DashboardFilters;
  payers: Option[];
  providers: Option[];
  locations: Option[];
  onChange: (
    patch: Partial<Record<'payer' | 'provider' | 'location' | 'months', string | undefined>>,
  ) => void;
}) {
  const filtered = () => Boolean(props.filters.payer || props.filters.provider || props.filters.location);
  return (
    <form class="billing-toolbar" aria-label="Filter the figures" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label="Payer"
        name="payer"
        value={props.filters.payer ?? ''}
        onChange={(v) => props.onChange({ payer: v || undefined })}
        placeholder="All payers"
        options={props.payers}
      />
      <SelectField
        label="Provider"
        name="provider"
        value={props.filters.provider ?? ''}
        onChange={(v) => props.onChange({ provider: v || undefined })}
        placeholder="All providers"
        options={props.providers}
      />
      <SelectField
        label="Location"
        name="location"
        value={props.filters.location ?? ''}
        onChange={(v) => props.onChange({ location: v || undefined })}
        placeholder="All locations"
        options={props.locations}
      />
      <SelectField
        label="Months shown"
        name="months"
        value={String(props.filters.months)}
        onChange={(v) => props.onChange({ months: v === '12' ? undefined : v })}
        options={MONTH_CHOICES.map((n) => ({ value: String(n), label: `Last ${n} months` }))}
      />
      <Show when={filtered()}>
        <div class="billing-toolbar-action">
          <Button
            size="sm"
            onClick={() => props.onChange({ payer: undefined, provider: undefined, location: undefined })}
          >
            Clear filters
          </Button>
        </div>
      </Show>
    </form>
  );
}

/** The figures for the chosen filters: tiles, breakdowns and definitions, or the first step when empty. */
function OverviewBody(props: {
  filters: DashboardFilters;
  filterKey: string;
  onFilter: (p: Record<string, string | undefined>) => void;
}) {
  const loaded = createAsync(async () => {
    const key = props.filterKey;
    return { key, data: await getDashboard(props.filters) };
  });
  const locations = createAsync(() => listLocations().catch(() => ({ items: [], nextCursor: null })));
  const stale = () => loaded.latest?.key !== props.filterKey;
  const filtered = () => Boolean(props.filters.payer || props.filters.provider || props.filters.location);
  const thisMonth = isoDay(new Date()).slice(0, 7);
  const data = () => loaded.latest!.data;
  const latestMonth = () => data().months[data().months.length - 1]?.month;
  /** Locations from settings, plus any a claim names that is no longer listed (archived). */
  const locationOptions = createMemo((): Option[] => {
    const listed = (locations.latest?.items ?? []).map((l) => ({ value: l.id, label: l.name }));
    const extra = (loaded.latest?.data.byLocation ?? [])
      .filter((r) => !isUnknownKey(r.key) && !listed.some((l) => l.value === r.key))
      .map((r) => ({ value: r.key, label: r.label }));
    return [...listed, ...extra];
  });
  const quiet = () => data().months.every((m) => m.chargesCents === 0 && m.paymentsCents === 0);

  return (
    <Show when={loaded.latest}>
      <Show
        when={!isEmptyPractice(data()) || filtered()}
        fallback={
          <EmptyState
            title="No remittances yet"
            action={
              <A href={IMPORT_HREF} class="btn btn-primary">
                Import an 835 file
              </A>
            }
          >
            The figures here come from the 835 remittance files your payers send (ask your billing service or
            clearinghouse for them). Import one and the KPIs, the aging and the claims to work fill in.
          </EmptyState>
        }
      >
        <div class="stack-lg">
          <Filters
            filters={props.filters}
            payers={data().payers.map((p) => ({ value: p.id, label: p.name }))}
            providers={data().providers.map((p) => ({ value: p.npi, label: p.name }))}
            locations={locationOptions()}
            onChange={props.onFilter}
          />
          <Section
            id="billing-kpis"
            title="Key figures"
            description={
              latestMonth()
                ? `Month by month up to ${formatMonthYear(latestMonth()!)}. A month without a figure is left blank, not counted as zero.`
                : undefined
            }
            actions={
              <Show when={stale()}>
                <Spinner size="sm" label="Updating…" />
              </Show>
            }
          >
            <div class="billing-body stack" aria-busy={stale() ? 'true' : undefined}>
              <Show when={quiet()}>
                <Alert tone="info">
                  No charges or payments in these months{filtered() ? ' for this filter' : ''}. Try a longer
                  range
                  {filtered() ? ' or clear the filters' : ''}.
                </Alert>
              </Show>
              <Show when={filtered()}>
                <p class="muted small">
                  A/R over 90 days is measured for the whole practice only, so it is blank while a filter is
                  on.
                </p>
              </Show>
              <div class="billing-kpi-grid">
                <For each={KPI_TILES}>
                  {(tile) => (
                    <KpiChart
                      tile={tile}
                      data={data()}
                      filters={props.filters}
                      filtered={filtered()}
                      thisMonth={thisMonth}
                    />
                  )}
                </For>
              </div>
              <Definitions />
            </div>
          </Section>
          <div aria-busy={stale() ? 'true' : undefined} class="billing-body">
            <Breakdowns data={data()} filters={props.filters} months={props.filters.months} />
          </div>
        </div>
      </Show>
    </Show>
  );
}

/** Billing overview: is money coming in, and where it is stuck. */
export function OverviewPage() {
  const [params, setParams] = useSearchParams<{
    payer?: string;
    provider?: string;
    location?: string;
    months?: string;
  }>();
  const filters = (): DashboardFilters => ({
    months: monthsOf(params.months),
    payer: params.payer || undefined,
    provider: params.provider || undefined,
    location: params.location || undefined,
  });
  const filterKey = () => JSON.stringify(filters());
  return (
    <div class="page billing">
      <PageHeader
        title="Billing"
        description="Is money coming in: the key figures month by month, where A/R is stuck, and the claims to work."
        actions={
          <A href={IMPORT_HREF} class="btn btn-secondary">
            Import an 835
          </A>
        }
      />
      <BillingNav />
      <LoadBoundary what="billing figures" keys={[getDashboard.key, getDirectory.key, listLocations.key]}>
        <OverviewBody
          filters={filters()}
          filterKey={filterKey()}
          onFilter={(patch) => setParams(patch, { replace: true })}
        />
      </LoadBoundary>
    </div>
  );
}
