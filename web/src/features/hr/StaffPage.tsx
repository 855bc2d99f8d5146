import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show, Suspense } from 'solid-js';
import {
  STAFF_ROLE_LABELS,
  STAFF_ROLES,
  STAFF_SORTS,
  type Staff,
  type StaffRole,
  type StaffSort,
} from '../../../../shared/schemas/hr.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { listLocations } from '../schedule/api.ts';
import { HrNav } from './HrNav.tsx';
import { StaffDialog } from './StaffDialog.tsx';
import { listStaff, type StaffFilters, type StaffStatusFilter } from './staff-api.ts';
import { employmentText, licenseWarning, locationNames, payText } from './staff-format.ts';
import './hr.css';

const STATUS_OPTIONS: { value: StaffStatusFilter; label: string }[] = [
  { value: 'active', label: 'Current staff' },
  { value: 'ended', label: 'Former staff' },
  { value: 'all', label: 'Current and former' },
];
const isStatus = (v: string | undefined): v is StaffStatusFilter => STATUS_OPTIONS.some((o) => o.value === v);
const isRole = (v: string | undefined): v is StaffRole => STAFF_ROLES.includes(v as StaffRole);
const isSort = (v: string | undefined): v is StaffSort => STAFF_SORTS.includes(v as StaffSort);

/** Each order the directory offers, as one choice: the API's sort and direction together. */
const ORDERS: { sort: StaffSort; dir: 'asc' | 'desc'; label: string }[] = [
  { sort: 'name', dir: 'asc', label: 'Last name, A to Z' },
  { sort: 'name', dir: 'desc', label: 'Last name, Z to A' },
  { sort: 'hireDate', dir: 'desc', label: 'Newest hire first' },
  { sort: 'hireDate', dir: 'asc', label: 'Longest serving first' },
  { sort: 'jobTitle', dir: 'asc', label: 'Job title, A to Z' },
  { sort: 'staffRole', dir: 'asc', label: 'Role' },
];
const orderValue = (sort: StaffSort, dir: 'asc' | 'desc') => `${sort}-${dir}`;
const ORDER_OPTIONS = ORDERS.map((o) => ({ value: orderValue(o.sort, o.dir), label: o.label }));
const ROLE_OPTIONS = optionsOf(STAFF_ROLE_LABELS);

/** The person's page in the directory. */
export const personHref = (id: string) => `/app/hr/staff/${encodeURIComponent(id)}`;

/** The soonest license problem as a badge beside the name: expired, or expiring within 90 days. */
export function LicenseWarningBadge(props: { person: Staff }) {
  return (
    <Show when={props.person.status === 'active' && licenseWarning(props.person)}>
      {(w) => (
        <Badge tone={w().state === 'expired' ? 'danger' : 'warning'}>
          {w().state === 'expired' ? 'License expired' : 'License expires soon'}
          <span class="visually-hidden">
            : {w().credential.name}, {formatCalendarDate(w().credential.expiresOn ?? '')}
          </span>
        </Badge>
      )}
    </Show>
  );
}

/** Search, role, location, status and order above the list; the search is applied on submit. */
function StaffToolbar(props: {
  filters: StaffFilters;
  locations: { value: string; label: string }[];
  onChange: (patch: Record<string, string | undefined>) => void;
}) {
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
    <div class="hr-toolbar">
      <form
        class="hr-search"
        aria-label="Find people"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange({ q: search().trim() || undefined });
        }}
      >
        <TextField
          label="Search"
          name="q"
          type="search"
          placeholder="Name, job title or email"
          value={search()}
          onInput={setSearch}
          maxLength={80}
        />
        <Button type="submit">Search</Button>
      </form>
      <SelectField
        label="Role"
        name="staffRole"
        value={props.filters.staffRole ?? ''}
        placeholder="All roles"
        options={ROLE_OPTIONS}
        onChange={(v) => props.onChange({ role: v || undefined })}
      />
      <SelectField
        label="Location"
        name="location"
        value={props.filters.location ?? ''}
        placeholder="All locations"
        options={props.locations}
        onChange={(v) => props.onChange({ location: v || undefined })}
      />
      <SelectField
        label="Show"
        name="status"
        value={props.filters.status}
        options={STATUS_OPTIONS}
        onChange={(v) => props.onChange({ status: v === 'active' ? undefined : v })}
      />
      <SelectField
        label="Order"
        name="order"
        value={orderValue(props.filters.sort, props.filters.dir)}
        options={ORDER_OPTIONS}
        onChange={(v) => {
          const [sort, dir] = v.split('-');
          props.onChange({
            sort: sort === 'name' ? undefined : sort,
            dir: dir === 'asc' && sort !== 'hireDate' ? undefined : dir,
          });
        }}
      />
    </div>
  );
}

function StaffList(props: {
  filters: StaffFilters;
  filterKey: string;
  admin: boolean;
  locationNames: ReadonlyMap<string, string>;
  onAdd: () => void;
  onClear: () => void;
}) {
  const list = createPagedList(
    () => props.filterKey,
    (cursor) => listStaff(props.filters, cursor, PAGE_SIZE),
  );
  const narrowed = () =>
    Boolean(
      props.filters.q ||
        props.filters.staffRole ||
        props.filters.location ||
        props.filters.status !== 'active',
    );
  const columns = (): Column<Staff>[] => [
    {
      header: 'Name',
      cell: (s) => (
        <span class="hr-name-cell">
          <A href={personHref(s.id)} class="strong">
            {s.lastName}, {s.firstName}
          </A>
          <LicenseWarningBadge person={s} />
          <Show when={s.status === 'ended'}>
            <Badge>Left {formatCalendarDate(s.endDate ?? '')}</Badge>
          </Show>
        </span>
      ),
    },
    { header: 'Job title', cell: (s) => s.jobTitle },
    { header: 'Role', cell: (s) => STAFF_ROLE_LABELS[s.staffRole] },
    {
      header: 'Locations',
      cell: (s) => (
        <Show when={s.locationIds.length > 0} fallback={<span class="muted small">None set</span>}>
          {locationNames(s.locationIds, props.locationNames)}
        </Show>
      ),
    },
    {
      header: 'Hired',
      cell: (s) => (
        <time class="nowrap" datetime={s.hireDate}>
          {formatCalendarDate(s.hireDate)}
        </time>
      ),
    },
    { header: 'Type · FTE', cell: (s) => <span class="nowrap">{employmentText(s)}</span> },
    ...(props.admin
      ? [
          {
            header: 'Pay',
            class: 'num',
            cell: (s: Staff) => (
              <Show when={s.pay} fallback={<span class="muted small">Not recorded</span>}>
                {(p) => <span class="nowrap">{payText(p())}</span>}
              </Show>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div class="hr-table-scroll">
        <DataTable<Staff>
          caption={`${STATUS_OPTIONS.find((o) => o.value === props.filters.status)!.label}, ${ORDERS.find(
            (o) => o.sort === props.filters.sort && o.dir === props.filters.dir,
          )?.label.toLowerCase()}`}
          loading={list.loading()}
          rows={list.items()}
          rowClass={(s) => (s.status === 'ended' ? 'hr-row-ended' : undefined)}
          columns={columns()}
          empty={
            <Show when={!list.loading()}>
              <Show
                when={narrowed()}
                fallback={
                  <EmptyState
                    title="No one in the directory yet"
                    action={
                      <Show
                        when={props.admin}
                        fallback={<p class="small muted">An owner or manager adds the practice’s staff.</p>}
                      >
                        <Button variant="primary" onClick={() => props.onAdd()}>
                          Add the first person
                        </Button>
                      </Show>
                    }
                  >
                    The directory lists everyone who works at the practice, with or without a Rounds login:
                    their job, locations, and licenses with their expiry dates.
                  </EmptyState>
                }
              >
                <EmptyState
                  title="No one matches"
                  action={<Button onClick={() => props.onClear()}>Clear the search and filters</Button>}
                >
                  Search finds words in a name, job title or email. Try fewer filters, or show current and
                  former staff.
                </EmptyState>
              </Show>
            </Show>
          }
        />
      </div>
      <ListPager label="Staff" list={list} />
    </>
  );
}

/** The staff directory: everyone who works at the practice, filtered and sorted; every filter is in the URL. */
export function StaffPage() {
  const [params, setParams] = useSearchParams<{
    q?: string;
    role?: string;
    location?: string;
    status?: string;
    sort?: string;
    dir?: string;
  }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  // The location filter and column are a convenience: the directory works without them if they fail.
  const locations = createAsync(() => listLocations().catch(() => ({ items: [], nextCursor: null })));
  const names = () => new Map((locations()?.items ?? []).map((l) => [l.id, l.name]));
  const locationOptions = () =>
    (locations()?.items ?? []).filter((l) => !l.archived).map((l) => ({ value: l.id, label: l.name }));
  const filters = (): StaffFilters => {
    const sort = isSort(params.sort) ? params.sort : 'name';
    const dir =
      params.dir === 'desc' || params.dir === 'asc' ? params.dir : sort === 'hireDate' ? 'desc' : 'asc';
    return {
      status: isStatus(params.status) ? params.status : 'active',
      staffRole: isRole(params.role) ? params.role : undefined,
      location: params.location || undefined,
      q: params.q?.trim() || undefined,
      sort,
      dir,
    };
  };
  const filterKey = () => JSON.stringify(filters());
  const change = (patch: Record<string, string | undefined>) => setParams(patch, { replace: true });
  const [adding, setAdding] = createSignal(false);
  return (
    <div class="page hr">
      <PageHeader
        title="Staff"
        description="Everyone who works at the practice: their job, where they work, how to reach them, and when their licenses expire."
        actions={
          <Show when={admin()}>
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add a person
            </Button>
          </Show>
        }
      />
      <HrNav />
      <section class="card" aria-labelledby="hr-staff-title">
        <div class="card-header">
          <h2 id="hr-staff-title" class="card-title">
            {STATUS_OPTIONS.find((o) => o.value === filters().status)!.label}
          </h2>
        </div>
        <div class="card-body stack">
          <Suspense>
            <StaffToolbar filters={filters()} locations={locationOptions()} onChange={change} />
          </Suspense>
          <LoadBoundary what="staff directory" keys={[listStaff.key]}>
            <StaffList
              filters={filters()}
              filterKey={filterKey()}
              admin={admin()}
              locationNames={names()}
              onAdd={() => setAdding(true)}
              onClear={() =>
                change({ q: undefined, role: undefined, location: undefined, status: undefined })
              }
            />
          </LoadBoundary>
        </div>
      </section>
      <Show when={admin()}>
        <StaffDialog open={adding()} onClose={() => setAdding(false)} />
      </Show>
    </div>
  );
}
