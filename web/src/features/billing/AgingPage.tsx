import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Index, Show } from 'solid-js';
import { AGING_BUCKETS, type Aging } from '../../../../shared/schemas/billing.ts';
import { BarList } from '../../components/charts/BarList.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { formatCents, formatCentsShort, formatPercent } from '../../lib/number-format.ts';
import { type AgingBy, getAging } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { bucketRange } from './drill-down.ts';
import { type ClaimsLinkFilters, claimsHref, IMPORT_HREF, isUnknownKey } from './links.ts';
import { Money } from './parts.tsx';
import './billing.css';

type Row = Aging['rows'][number];

const GROUPS: { id: AgingBy; label: string; noun: string }[] = [
  { id: 'payer', label: 'By payer', noun: 'Payer' },
  { id: 'provider', label: 'By provider', noun: 'Provider' },
  { id: 'location', label: 'By location', noun: 'Location' },
];
const isBy = (v: string | undefined): v is AgingBy => v === 'payer' || v === 'provider' || v === 'location';

/** "0-30" → "0–30 days", "120+" → "Over 120 days". */
const bucketName = (b: string) =>
  b.endsWith('+') ? `Over ${b.slice(0, -1)} days` : `${b.replace('-', '–')} days`;

/** The claims a row stands for: patient balances, or a payer's, provider's or location's open claims. */
function rowClaims(by: AgingBy, row: Row): ClaimsLinkFilters | undefined {
  if (by === 'payer' && row.key === 'PATIENT') return { state: 'patient' };
  // A provider or location not known is `-` to the claims list too.
  if (by !== 'payer' && row.key === '-') return { state: 'open', [by]: '-' };
  if (isUnknownKey(row.key)) return undefined;
  return { state: 'open', [by]: row.key };
}

/** The footer's rows: patients' balances, or every open claim (one owing a payer may also owe the patient). */
const footerClaims = (row: Row): ClaimsLinkFilters =>
  row.key === 'patient' ? { state: 'patient' } : { state: 'open' };

/** A bucket's amount, linked to the row's claims serviced in the bucket's days (as of the report's day). */
function BucketCell(props: {
  claims: ClaimsLinkFilters | undefined;
  whose: string;
  bucket: number;
  cents: number;
  asOf: string;
}) {
  const href = () =>
    props.claims && props.cents !== 0
      ? claimsHref({ ...props.claims, ...bucketRange(props.asOf, props.bucket) })
      : undefined;
  return (
    <td class="num">
      <Show
        when={href()}
        fallback={
          props.cents === 0 ? <span class="muted">{formatCents(0)}</span> : <Money cents={props.cents} />
        }
      >
        {(h) => (
          <A href={h()}>
            <Money cents={props.cents} />
            <span class="visually-hidden">
              {` ${props.whose}, ${bucketName(AGING_BUCKETS[props.bucket] ?? '')}: see the claims`}
            </span>
          </A>
        )}
      </Show>
    </td>
  );
}

/** Rows × buckets in a real table (it scrolls sideways on a phone; the first column stays put). */
function AgingTable(props: { aging: Aging }) {
  const noun = () => GROUPS.find((g) => g.id === props.aging.by)!.noun;
  const over90 = (r: Row) => (r.buckets[3] ?? 0) + (r.buckets[4] ?? 0);
  const footer = () => [props.aging.insurance, props.aging.patient, props.aging.total];
  return (
    <>
      <p class="billing-scroll-hint muted small">
        Scroll the table sideways for the older buckets and the totals.
      </p>
      <section class="billing-scroll" aria-labelledby="billing-aging-caption" tabindex="0">
        <table class="billing-grid">
          <caption id="billing-aging-caption" class="visually-hidden">
            What is owed by {noun().toLowerCase()}, by days since the date of service, as of{' '}
            {formatCalendarDate(props.aging.asOf)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{noun()}</th>
              <For each={props.aging.buckets}>
                {(b) => (
                  <th scope="col" class="num">
                    {bucketName(b)}
                  </th>
                )}
              </For>
              <th scope="col" class="num">
                Total
              </th>
              <th scope="col" class="num">
                Over 90 days
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.aging.rows}>
              {(r) => (
                <tr>
                  <th scope="row">
                    <Show when={rowClaims(props.aging.by, r)} fallback={<span>{r.label}</span>}>
                      {(f) => (
                        <A href={claimsHref(f())} title="Open its claims">
                          {r.label}
                        </A>
                      )}
                    </Show>
                  </th>
                  <Index each={r.buckets}>
                    {(c, i) => (
                      <BucketCell
                        claims={rowClaims(props.aging.by, r)}
                        whose={r.label}
                        bucket={i}
                        cents={c()}
                        asOf={props.aging.asOf}
                      />
                    )}
                  </Index>
                  <td class="num strong">
                    <Money cents={r.totalCents} />
                  </td>
                  <td class="num">{r.totalCents > 0 ? formatPercent(over90(r) / r.totalCents) : '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <For each={footer()}>
              {(r) => (
                <tr class={r.key === 'total' ? 'billing-grid-total' : undefined}>
                  <th scope="row">{r.key === 'patient' ? 'Patients' : r.label}</th>
                  <Index each={r.buckets}>
                    {(c, i) => (
                      <BucketCell
                        claims={footerClaims(r)}
                        whose={r.key === 'patient' ? 'Patients' : r.label}
                        bucket={i}
                        cents={c()}
                        asOf={props.aging.asOf}
                      />
                    )}
                  </Index>
                  <td class="num strong">
                    <Money cents={r.totalCents} />
                  </td>
                  <td class="num">{r.totalCents > 0 ? formatPercent(over90(r) / r.totalCents) : '—'}</td>
                </tr>
              )}
            </For>
          </tfoot>
        </table>
      </section>
    </>
  );
}

/** Each bucket's share of A/R, insurance and patients stacked, with the legend in words. */
function BucketBars(props: { aging: Aging }) {
  const total = () => props.aging.total.totalCents;
  return (
    <BarList
      title="A/R by age"
      headline={
        <span class="chart-headline">
          <span class="chart-value">{formatCents(total())}</span>
          <span class="chart-when">owed as of {formatCalendarDate(props.aging.asOf)}</span>
        </span>
      }
      data={props.aging.buckets.map((b, i) => ({
        label: bucketName(b),
        name: bucketName(b),
        value: props.aging.total.buckets[i] ?? 0,
        count:
          total() > 0 ? `${formatPercent((props.aging.total.buckets[i] ?? 0) / total())} of A/R` : undefined,
      }))}
      format={formatCentsShort}
      labelHeader="Age"
      valueHeader="Owed"
      countHeader="Share"
      class="billing-aging-bars"
    />
  );
}

function AgingBody(props: { by: AgingBy }) {
  const loaded = createAsync(async () => {
    const by = props.by;
    return { by, aging: await getAging(by) };
  });
  const stale = () => loaded.latest?.by !== props.by;
  const aging = () => loaded.latest!.aging;
  return (
    <Show when={loaded.latest}>
      <div class="billing-body stack-lg" aria-busy={stale() ? 'true' : undefined}>
        <Show
          when={aging().total.totalCents !== 0 || aging().rows.length > 0}
          fallback={
            <EmptyState
              title="Nothing owed"
              action={
                <A href={IMPORT_HREF} class="btn btn-primary">
                  Import an 835 file
                </A>
              }
            >
              No claim has a balance: either every claim is paid or closed, or no remittance has been imported
              yet.
            </EmptyState>
          }
        >
          <Section
            id="billing-aging"
            title={`Owed as of ${formatCalendarDate(aging().asOf)}`}
            description="Balances by days since the date of service. Open a row to work its claims."
            actions={
              <Show when={stale()}>
                <Spinner size="sm" label="Updating…" />
              </Show>
            }
          >
            <AgingTable aging={aging()} />
          </Section>
          <div class="billing-aging-charts">
            <BucketBars aging={aging()} />
            <div class="billing-aging-split">
              <h3 class="chart-title">Who owes it</h3>
              <p class="muted small">Insurance and patients in each age bucket.</p>
              <ul class="billing-stack-list">
                <Index each={aging().buckets}>
                  {(b, i) => {
                    const ins = () => aging().insurance.buckets[i] ?? 0;
                    const pat = () => aging().patient.buckets[i] ?? 0;
                    const sum = () => Math.max(1, ins() + pat());
                    return (
                      <li>
                        <span class="billing-stack-label">
                          <span class="strong">{bucketName(b())}</span>
                          <span class="muted small">
                            Insurance {formatCents(ins())} · Patients {formatCents(pat())}
                          </span>
                        </span>
                        <span class="billing-stack-bar" aria-hidden="true">
                          <span
                            class="billing-stack-ins"
                            style={{ width: `${(Math.max(0, ins()) / sum()) * 100}%` }}
                          />
                          <span
                            class="billing-stack-pat"
                            style={{ width: `${(Math.max(0, pat()) / sum()) * 100}%` }}
                          />
                        </span>
                      </li>
                    );
                  }}
                </Index>
              </ul>
              <p class="billing-legend small" aria-hidden="true">
                <span class="billing-swatch billing-stack-ins" /> Insurance{' '}
                <span class="billing-swatch billing-stack-pat" /> Patients
              </p>
            </div>
          </div>
        </Show>
      </div>
    </Show>
  );
}

/** A/R aging: what is owed, how old it is, and by whom. */
export function AgingPage() {
  const [params, setParams] = useSearchParams<{ by?: string }>();
  const by = (): AgingBy => (isBy(params.by) ? params.by : 'payer');
  return (
    <div class="page billing">
      <PageHeader
        title="A/R aging"
        description="What payers and patients still owe, by how long ago the visit was. Money older than 90 days gets harder to collect every week."
      />
      <BillingNav />
      <Tabs
        label="Group by"
        idPrefix="billing-aging"
        tabs={GROUPS}
        selected={by()}
        onSelect={(id) => setParams({ by: id === 'payer' ? undefined : id }, { replace: true })}
        wrap
      />
      <div {...tabPanelProps('billing-aging', by())}>
        <LoadBoundary what="aging" keys={[getAging.key]}>
          <AgingBody by={by()} />
        </LoadBoundary>
      </div>
    </div>
  );
}
