import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show, Suspense } from 'solid-js';
import { CLAIM_STATE_LABELS, type ClaimDto } from '../../../../shared/schemas/billing.ts';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { formatCents } from '../../lib/number-format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { type ClaimFilters, type ClaimListState, getDirectory, listClaims } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import { ActiveFilters } from './claim-filter-chips.tsx';
import { serviceDatesOf, serviceRangeText } from './drill-down.ts';
import { claimHref, IMPORT_HREF } from './links.ts';
import { CredentialingBadge, Day, DenialReasons, Money, PreventableBadge, StateBadge } from './parts.tsx';
import './billing.css';

/** The tabs, in the order a biller works them: what needs action first. */
const STATE_TABS: { id: ClaimListState; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'denied', label: CLAIM_STATE_LABELS.denied },
  { id: 'appealed', label: CLAIM_STATE_LABELS.appealed },
  { id: 'partial', label: CLAIM_STATE_LABELS.partial },
  { id: 'submitted', label: CLAIM_STATE_LABELS.submitted },
  { id: 'patient', label: CLAIM_STATE_LABELS.patient },
  { id: 'closed', label: CLAIM_STATE_LABELS.closed },
];
const isState = (v: string | undefined): v is ClaimListState => STATE_TABS.some((t) => t.id === v);

/** What an empty tab means, and so what to do next. */
const EMPTY_TEXT: Record<ClaimListState, string> = {
  open: 'No claim is waiting on a payer or a patient. New ones arrive with each imported remittance.',
  denied: 'No denied claim waits for work. Denials land here as remittances are imported.',
  appealed: 'No appeal is pending. Record an appeal on a denied claim to follow it here.',
  partial: 'No claim is partly paid.',
  submitted: 'No claim is waiting for a payer’s decision.',
  patient: 'No patient owes a balance after insurance.',
  closed: 'No claim is closed yet.',
};

/** Search, payer, provider and sort above the list; the search is applied on submit. */
function ClaimFiltersBar(props: {
  filters: ClaimFilters;
  onChange: (patch: Record<string, string | undefined>) => void;
}) {
  // The filters are a convenience: the list works without them if they fail to load.
  const directory = createAsync(() => getDirectory().catch(() => ({ payers: [], providers: [] })));
  const [search, setSearch] = createSignal(props.filters.q ?? '');
  // A link or the back button changes the search: the box follows.
  createEffect(
    on(
      () => props.filters.q,
      (q) => setSearch(q ?? ''),
      { defer: true },
    ),
  );
  return (
    <div class="billing-toolbar">
      <form
        class="billing-search"
        aria-label="Find claims"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange({ q: search().trim() || undefined });
        }}
      >
        <TextField
          label="Search"
          name="q"
          type="search"
          placeholder="Patient, claim id or member id"
          value={search()}
          onInput={setSearch}
          maxLength={80}
        />
        <Button type="submit">Search</Button>
      </form>
      <Suspense>
        <SelectField
          label="Payer"
          name="payer"
          value={props.filters.payer ?? ''}
          placeholder="All payers"
          options={(directory()?.payers ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => props.onChange({ payer: v || undefined })}
        />
        <SelectField
          label="Provider"
          name="provider"
          value={props.filters.provider ?? ''}
          placeholder="All providers"
          options={(directory()?.providers ?? []).map((p) => ({ value: p.npi, label: p.name }))}
          onChange={(v) => props.onChange({ provider: v || undefined })}
        />
      </Suspense>
      <SelectField
        label="Order"
        name="sort"
        value={props.filters.sort}
        options={[
          { value: 'oldest', label: 'Oldest visit first' },
          { value: 'newest', label: 'Newest visit first' },
        ]}
        onChange={(v) => props.onChange({ sort: v === 'oldest' ? undefined : v })}
      />
    </div>
  );
}

function ClaimList(props: { filters: ClaimFilters; filterKey: string; onClear: () => void }) {
  const list = createPagedList(
    () => props.filterKey,
    (cursor) => listClaims(props.filters, cursor, PAGE_SIZE),
  );
  const narrowed = () =>
    Boolean(
      props.filters.payer ||
        props.filters.provider ||
        props.filters.location ||
        props.filters.q ||
        props.filters.serviceFrom ||
        props.filters.serviceTo,
    );
  return (
    <>
      <div class="billing-table-scroll">
        <DataTable<ClaimDto>
          caption={[
            `${STATE_TABS.find((t) => t.id === props.filters.state)!.label} claims`,
            serviceRangeText(props.filters.serviceFrom, props.filters.serviceTo),
          ]
            .filter(Boolean)
            .join(', ')}
          loading={list.loading()}
          rows={list.items()}
          rowClass={(c) => (c.preventable ? 'billing-row-preventable' : undefined)}
          empty={
            <Show when={!list.loading()}>
              <Show
                when={narrowed()}
                fallback={
                  <EmptyState
                    title="No claims here"
                    action={
                      <A href={IMPORT_HREF} class="btn btn-secondary">
                        Import an 835 file
                      </A>
                    }
                  >
                    {EMPTY_TEXT[props.filters.state]}
                  </EmptyState>
                }
              >
                <EmptyState
                  title="No claim matches"
                  action={<Button onClick={() => props.onClear()}>Clear the search and filters</Button>}
                >
                  Search finds the start of a patient's last or first name, a claim id or a member id. Try
                  another tab (it keeps the dates of service), or fewer filters.
                </EmptyState>
              </Show>
            </Show>
          }
          columns={[
            {
              header: 'Claim',
              cell: (c) => (
                <span class="who">
                  <A href={claimHref(c.id)} class="mono nowrap">
                    {c.id}
                  </A>
                  <span class="small muted nowrap">
                    Seen <Day date={c.serviceDate} />
                  </span>
                </span>
              ),
            },
            { header: 'Patient', cell: (c) => c.patientName },
            {
              header: 'Payer · provider',
              cell: (c) => (
                <span class="who">
                  <span>{c.payerName}</span>
                  <span class="muted small">{c.providerName ?? c.providerNpi ?? 'No provider named'}</span>
                </span>
              ),
            },
            { header: 'Charge', cell: (c) => <Money cents={c.chargeCents} />, class: 'num' },
            { header: 'Paid', cell: (c) => <Money cents={c.paidCents} />, class: 'num' },
            {
              header: 'Balance',
              cell: (c) => (
                <span class="who">
                  <Money cents={c.insuranceBalanceCents + c.patientBalanceCents} class="strong" />
                  <Show when={c.insuranceBalanceCents !== 0 && c.patientBalanceCents !== 0}>
                    <span class="muted small">
                      payer {formatCents(c.insuranceBalanceCents)}, patient{' '}
                      {formatCents(c.patientBalanceCents)}
                    </span>
                  </Show>
                  <Show when={c.insuranceBalanceCents === 0 && c.patientBalanceCents !== 0}>
                    <span class="muted small">patient</span>
                  </Show>
                </span>
              ),
              class: 'num',
            },
            {
              header: 'State · denial reasons',
              cell: (c) => (
                <span class="stack billing-state-cell">
                  <span class="billing-badges">
                    <StateBadge state={c.state} />
                    <Show when={c.preventable}>
                      <PreventableBadge />
                    </Show>
                    <Show when={c.credentialingIssue}>
                      {(issue) => <CredentialingBadge issue={issue()} />}
                    </Show>
                  </span>
                  <Show when={c.denialReasons.length > 0}>
                    <span class="visually-hidden">Denial reasons:</span>
                    <DenialReasons codes={c.denialReasons} compact />
                  </Show>
                </span>
              ),
            },
            {
              header: 'Follow-up',
              cell: (c) => (
                <Show when={c.assignee} fallback={<span class="muted small">Not assigned</span>}>
                  {(a) => (
                    <span class="who">
                      <span>{a().name}</span>
                      <Show when={c.followUpDate} fallback={<span class="small muted">No date set</span>}>
                        <span class="small nowrap">
                          by <Day date={c.followUpDate} />
                        </span>
                      </Show>
                    </span>
                  )}
                </Show>
              ),
            },
          ]}
        />
      </div>
      <ListPager label="Claims" list={list} />
    </>
  );
}

/** The work list: claims by state, filtered and searched, oldest visit first; every filter is in the URL. */
export function ClaimsPage() {
  const [params, setParams] = useSearchParams<{
    state?: string;
    payer?: string;
    provider?: string;
    location?: string;
    q?: string;
    serviceFrom?: string;
    serviceTo?: string;
    sort?: string;
  }>();
  const dates = () => serviceDatesOf(params.serviceFrom || undefined, params.serviceTo || undefined);
  const filters = (): ClaimFilters => ({
    state: isState(params.state) ? params.state : 'open',
    payer: params.payer || undefined,
    provider: params.provider || undefined,
    location: params.location || undefined,
    q: params.q?.trim() || undefined,
    serviceFrom: dates().serviceFrom,
    serviceTo: dates().serviceTo,
    sort: params.sort === 'newest' ? 'newest' : 'oldest',
  });
  const filterKey = () => JSON.stringify(filters());
  const change = (patch: Record<string, string | undefined>) => setParams(patch, { replace: true });
  return (
    <div class="page billing billing-wide">
      <PageHeader
        title="Claims"
        description="The claims to work: denials to fix or appeal, payers slow to pay, balances patients owe."
      />
      <BillingNav />
      <section class="card" aria-labelledby="billing-claims-title">
        <div class="card-header">
          <h2 id="billing-claims-title" class="card-title">
            {STATE_TABS.find((t) => t.id === filters().state)!.label} claims
          </h2>
        </div>
        <div class="card-body stack">
          <Tabs
            label="Claim state"
            idPrefix="billing-state"
            tabs={STATE_TABS}
            selected={filters().state}
            onSelect={(id) => change({ state: id === 'open' ? undefined : id })}
            wrap
          />
          <div {...tabPanelProps('billing-state', filters().state)}>
            <div class="stack">
              <ClaimFiltersBar filters={filters()} onChange={change} />
              <ActiveFilters filters={filters()} badDates={dates().dropped} onChange={change} />
              <LoadBoundary what="claims" keys={[listClaims.key]}>
                <ClaimList
                  filters={filters()}
                  filterKey={filterKey()}
                  onClear={() =>
                    change({
                      payer: undefined,
                      provider: undefined,
                      location: undefined,
                      q: undefined,
                      serviceFrom: undefined,
                      serviceTo: undefined,
                    })
                  }
                />
              </LoadBoundary>
            </div>
          </div>
        </div>
      </section>
    </div>
  );
}
