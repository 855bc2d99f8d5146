import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { BENCHMARK_WINDOWS, type BenchmarkWindow } from '../../../../shared/benchmarks/cohorts.ts';
import { BenchmarkWindowSchema, type CompareMetric } from '../../../../shared/schemas/benchmarks.ts';
import type { Membership } from '../../../../shared/schemas/membership.ts';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { listMemberships } from '../membership/api.ts';
import { getComparison, listMyAssociations } from './api.ts';
import { CompareCard } from './CompareCard.tsx';
import { groupByModule, windowPhrase } from './metric-format.ts';
import { SharedTable } from './SharedTable.tsx';
import './benchmarks.css';

const WINDOW_OPTIONS = Object.entries(BENCHMARK_WINDOWS).map(([value, label]) => ({ value, label }));

/** One module's metrics at a time: 21 metrics with eight cohorts each is too long for one scroll. */
function ModuleTabs(props: {
  groups: ReturnType<typeof groupByModule<CompareMetric>>;
  selected?: string;
  onSelect: (module: string) => void;
  percentileDefinition: string;
}) {
  const current = () => props.groups.find((g) => g.module === props.selected) ?? props.groups[0];
  return (
    <Show when={current()}>
      {(g) => (
        <section class="card" aria-labelledby="cmp-measures-title">
          <div class="card-header">
            <h2 id="cmp-measures-title" class="card-title">
              Measures
            </h2>
          </div>
          <div class="card-body stack">
            <Tabs
              label="Measures by area"
              idPrefix="cmp"
              tabs={props.groups.map((x) => ({ id: x.module, label: x.label }))}
              selected={g().module}
              onSelect={props.onSelect}
              wrap
            />
            <div {...tabPanelProps('cmp', g().module)}>
              <div class="cmp-list">
                <For each={g().metrics}>
                  {(m) => <CompareCard metric={m} percentileDefinition={props.percentileDefinition} />}
                </For>
              </div>
            </div>
          </div>
        </section>
      )}
    </Show>
  );
}

/** The comparison with one association: its figures by module, then what the practice shared. */
function Comparison(props: {
  associationId: string;
  window: BenchmarkWindow;
  module?: string;
  onModule: (module: string) => void;
}) {
  const key = () => `${props.associationId}:${props.window}`;
  const loaded = createAsync(async () => {
    const k = key();
    return { key: k, data: await getComparison(props.associationId, props.window) };
  });
  const stale = () => loaded.latest?.key !== key();
  const data = () => loaded.latest!.data;
  return (
    <Show when={loaded.latest}>
      <Show
        when={data().month}
        fallback={
          <EmptyState title="No figures yet">
            Your practice's measures are shared at the first monthly rollup after it joined. Come back after
            the next month has ended.
          </EmptyState>
        }
      >
        {(month) => (
          <div class="bench-body stack-lg" aria-busy={stale() ? 'true' : undefined}>
            <div class="bench-summary">
              <p>
                <strong>{data().associationName}</strong> · {windowPhrase(data().window, month())}
              </p>
              <Show when={stale()}>
                <Spinner size="sm" label="Updating…" />
              </Show>
            </div>
            <ModuleTabs
              groups={groupByModule(data().metrics)}
              selected={props.module}
              onSelect={props.onModule}
              percentileDefinition={data().percentileDefinition}
            />
            <Section
              title="What we shared"
              id="cmp-shared"
              description={`Only these monthly figures for the whole practice go to ${data().associationName}: no patient, staff or visit ever leaves it. Each month's figures are shared once, after the month ends.`}
            >
              <SharedTable data={data()} />
            </Section>
          </div>
        )}
      </Show>
    </Show>
  );
}

/** The association and window choice, then the comparison; no membership → the way to join one. */
function CompareBody(props: {
  association?: string;
  window: BenchmarkWindow;
  module?: string;
  onChange: (p: { association?: string; window?: string; module?: string }) => void;
}) {
  const memberships = createAsync(() => listMyAssociations());
  const items = (): Membership[] => memberships()?.items ?? [];
  // The address's association when the practice still belongs to it, else the first one.
  const chosen = () => items().find((m) => m.associationId === props.association) ?? items()[0];
  return (
    <Show when={memberships()}>
      <Show
        when={chosen()}
        fallback={
          <EmptyState
            title="Not a member of any association"
            action={
              <A href="/app/membership" class="btn btn-primary">
                Join an association
              </A>
            }
          >
            Join your regional association to see how your practice compares with similar practices. Only
            monthly aggregate measures are shared, never patient or staff details.
          </EmptyState>
        }
      >
        {(m) => (
          <div class="stack-lg">
            <form
              class="bench-toolbar"
              aria-label="Choose the comparison"
              onSubmit={(e) => e.preventDefault()}
            >
              <Show when={items().length > 1}>
                <SelectField
                  label="Association"
                  name="association"
                  value={m().associationId}
                  onChange={(v) => props.onChange({ association: v })}
                  options={items().map((i) => ({ value: i.associationId, label: i.associationName }))}
                />
              </Show>
              <SelectField
                label="Window"
                name="window"
                value={props.window}
                onChange={(v) => props.onChange({ window: v === 'month' ? undefined : v })}
                options={WINDOW_OPTIONS}
              />
            </form>
            <Comparison
              associationId={m().associationId}
              window={props.window}
              module={props.module}
              onModule={(module) => props.onChange({ module })}
            />
          </div>
        )}
      </Show>
    </Show>
  );
}

/** A member practice's "How we compare": its measures beside its association's percentiles. */
export function ComparePage() {
  const [params, setParams] = useSearchParams<{ association?: string; window?: string; module?: string }>();
  const window = (): BenchmarkWindow => {
    const r = BenchmarkWindowSchema.safeParse(params.window);
    return r.success ? r.data : 'month';
  };
  return (
    <div class="page bench">
      <PageHeader
        title="How we compare"
        description="Your practice's monthly measures beside the percentiles of your association's members: all of them, and those like you by specialty, region and size."
      />
      <LoadBoundary what="comparison" keys={[listMemberships.key, getComparison.key]}>
        <CompareBody
          association={params.association}
          window={window()}
          module={params.module}
          onChange={(patch) => setParams(patch, { replace: true })}
        />
      </LoadBoundary>
    </div>
  );
}
