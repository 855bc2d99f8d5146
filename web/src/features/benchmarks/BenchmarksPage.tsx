import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Dashboard, RollupResultDto } from '../../../../shared/schemas/benchmarks.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { saveFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/errors.ts';
import { type DashboardView, dashboardViewOf, getBenchmarks, rollUpNow } from './api.ts';
import { BenchmarkFilters, type ViewPatch } from './BenchmarkFilters.tsx';
import { benchmarksCsv, benchmarksFileName } from './benchmarks-csv.ts';
import { MetricCard } from './MetricCard.tsx';
import { groupByModule, monthName, windowPhrase } from './metric-format.ts';
import { PrivacyRules } from './PrivacyRules.tsx';
import './benchmarks.css';

/** What "Roll up now" reports: the months it published, or that there was nothing new. */
function rollupMessage(r: RollupResultDto): string {
  if (r.months.length === 0) return 'Nothing new to roll up: every finished month is already published.';
  const months = r.months.map(monthName).join(', ');
  const noun = r.months.length === 1 ? 'month' : 'months';
  return `Published ${r.months.length} ${noun} (${months}) from ${r.members} member practices.`;
}

/** The association admin's "Roll up now", with its busy state and what it did. */
function RollupButton(props: {
  onDone: (message: { tone: 'success' | 'info' | 'error'; text: string }) => void;
}) {
  const [busy, setBusy] = createSignal(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await rollUpNow();
      props.onDone({ tone: r.months.length ? 'success' : 'info', text: rollupMessage(r) });
    } catch (err) {
      props.onDone({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={run} busy={busy()}>
      {busy() ? 'Rolling up…' : 'Roll up now'}
    </Button>
  );
}

/** The figures for one view: the filters, a summary line, one card per metric by module, and the rules. */
function DashboardBody(props: { view: DashboardView; viewKey: string; onChange: (p: ViewPatch) => void }) {
  const loaded = createAsync(async () => {
    const key = props.viewKey;
    return { key, data: await getBenchmarks(props.view) };
  });
  const stale = () => loaded.latest?.key !== props.viewKey;
  const data = (): Dashboard => loaded.latest!.data;
  return (
    <Show when={loaded.latest}>
      <div class="stack-lg">
        <BenchmarkFilters
          view={props.view}
          months={data().months}
          month={data().month}
          onChange={props.onChange}
        />
        <Show
          when={data().month}
          fallback={
            <EmptyState title="No benchmarks published yet">
              Figures appear once a month has ended and member practices' measures have been rolled up. A
              month is rolled up automatically early the next month.
            </EmptyState>
          }
        >
          {(month) => (
            <div class="bench-body stack-lg" aria-busy={stale() ? 'true' : undefined}>
              <div class="bench-summary">
                <p>
                  <strong>{data().cohort.label}</strong> · {windowPhrase(data().window, month())} ·{' '}
                  {data().members.toLocaleString('en-US')} member practices that month
                </p>
                <div class="bench-summary-actions">
                  <Show when={stale()}>
                    <Spinner size="sm" label="Updating…" />
                  </Show>
                  <Button
                    size="sm"
                    disabled={!data().cohortHasMembers}
                    onClick={() => saveFile(benchmarksCsv(data()), benchmarksFileName(data()), 'text/csv')}
                  >
                    Export CSV
                  </Button>
                </div>
              </div>
              <Show
                when={data().cohortHasMembers}
                fallback={
                  <EmptyState title="No member practice is in this cohort">
                    No member practice was {data().cohort.label} in {monthName(month())}. Choose "Any" for one
                    of the filters to widen the cohort.
                  </EmptyState>
                }
              >
                <For each={groupByModule(data().metrics)}>
                  {(group) => (
                    <Section title={group.label} id={`bench-${group.module}`}>
                      <div class="bench-grid">
                        <For each={group.metrics}>
                          {(m) => (
                            <MetricCard
                              metric={m}
                              month={month()}
                              percentileDefinition={data().percentileDefinition}
                            />
                          )}
                        </For>
                      </div>
                    </Section>
                  )}
                </For>
              </Show>
            </div>
          )}
        </Show>
        <PrivacyRules rules={data().privacy} percentileDefinition={data().percentileDefinition} />
      </div>
    </Show>
  );
}

/** The association's benchmarks: members' percentiles per metric for a cohort, window and month. */
export function BenchmarksPage() {
  const [params, setParams] = useSearchParams();
  const view = () => dashboardViewOf(params);
  const viewKey = () => JSON.stringify(view());
  const isAdmin = () => me()?.user.role === 'assoc_admin';
  const [notice, setNotice] = createSignal<{ tone: 'success' | 'info' | 'error'; text: string }>();
  return (
    <div class="page bench">
      <PageHeader
        title="Benchmarks"
        description="How member practices compare, measure by measure: percentiles by specialty, region and size. Only aggregates over enough practices are ever shown."
        actions={
          <Show when={isAdmin()}>
            <RollupButton onDone={setNotice} />
          </Show>
        }
      />
      <Show when={notice()}>
        {(n) => (
          <Alert tone={n().tone} class="bench-notice">
            {n().text}
          </Alert>
        )}
      </Show>
      <LoadBoundary what="benchmarks" keys={[getBenchmarks.key]}>
        <DashboardBody
          view={view()}
          viewKey={viewKey()}
          onChange={(patch) => setParams(patch, { replace: true })}
        />
      </LoadBoundary>
    </div>
  );
}
