import { useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import {
  type LEAVE_CASE_SORTS,
  LEAVE_KIND_LABELS,
  LEAVE_SCHEDULE_LABELS,
  type LeaveCase,
} from '../../../../shared/schemas/hr-leave.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { HrNav } from './HrNav.tsx';
import { LeaveCaseDialog } from './LeaveCaseDialog.tsx';
import { LeaveOpenDialog } from './LeaveOpenDialog.tsx';
import { type LeaveFilters, listLeaveCases } from './leave-api.ts';
import { caseTitle, formatWeeks, isLate, KEY_DATE_SHORT, nextKeyDate } from './leave-format.ts';
import './hr.css';
import './leave.css';

type Status = NonNullable<LeaveFilters['status']>;
type Sort = (typeof LEAVE_CASE_SORTS)[number];
const STATUS_OPTIONS: { value: Status; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];
const DEFAULT_ORDER = 'startDate-desc';
const ORDER_OPTIONS = [
  { value: 'startDate-desc', label: 'Latest first day' },
  { value: 'startDate-asc', label: 'Earliest first day' },
  { value: 'name-asc', label: 'Name, A to Z' },
  { value: 'kind-asc', label: 'Kind' },
];

// A component, not one shared element: a DOM node can stand in one cell only.
const Dash = () => <span class="muted">—</span>;

/** What needs doing next on a case: a late key date stands out; otherwise the next one due. */
function KeyDatesCell(props: { row: LeaveCase }) {
  const late = () => props.row.keyDates.filter(isLate);
  return (
    <Show when={props.row.status === 'open'} fallback={<Dash />}>
      <Show
        when={late().length}
        fallback={
          <Show when={nextKeyDate(props.row)} fallback={<Dash />}>
            {(k) => (
              <span class="leave-keydate-cell">
                <span>{KEY_DATE_SHORT[k().kind]}</span>
                <span class="small muted nowrap">{formatCalendarDate(k().date)}</span>
              </span>
            )}
          </Show>
        }
      >
        <span class="leave-keydate-cell">
          <Badge tone="danger">Overdue</Badge>
          <span class="small">
            {late()
              .map((k) => KEY_DATE_SHORT[k.kind])
              .join(', ')}
          </span>
        </span>
      </Show>
    </Show>
  );
}

function CaseList(props: { filters: LeaveFilters; onOpen: (id: string) => void; onStart: () => void }) {
  const list = createPagedList(
    () => JSON.stringify(props.filters),
    (cursor) => listLeaveCases(props.filters, cursor, PAGE_SIZE),
  );
  const columns: Column<LeaveCase>[] = [
    {
      header: 'Person',
      cell: (c) => (
        // Named as the dialog it opens: a person may have more than one case.
        <button
          type="button"
          class="link-button strong"
          aria-label={caseTitle(c)}
          onClick={() => props.onOpen(c.id)}
        >
          {c.staffName}
        </button>
      ),
    },
    { header: 'Kind', cell: (c) => LEAVE_KIND_LABELS[c.kind] },
    // The schedule labels explain themselves in brackets; the word before them is enough in a list.
    { header: 'Schedule', cell: (c) => LEAVE_SCHEDULE_LABELS[c.schedule].replace(/ \(.*\)$/, '') },
    { header: 'First day', cell: (c) => <span class="nowrap">{formatCalendarDate(c.startDate)}</span> },
    {
      header: 'Expected return',
      cell: (c) => (
        <Show when={c.expectedReturnDate} fallback={<Dash />}>
          {(d) => <span class="nowrap">{formatCalendarDate(d())}</span>}
        </Show>
      ),
    },
    {
      header: 'FMLA used',
      cell: (c) => (
        <Show when={c.usage} fallback={<Dash />}>
          {(u) => <span class="nowrap">{formatWeeks(u().weeksUsed)} of 12 weeks</span>}
        </Show>
      ),
    },
    { header: 'Key dates', cell: (c) => <KeyDatesCell row={c} /> },
    {
      header: 'Status',
      cell: (c) =>
        c.status === 'open' ? <Badge tone="info">Open</Badge> : <Badge tone="neutral">Closed</Badge>,
    },
  ];
  return (
    <>
      <DataTable<LeaveCase>
        caption="Leave cases"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState
              title={props.filters.status === 'closed' ? 'No closed cases yet' : 'No leave cases here'}
              action={
                <Button variant="primary" onClick={() => props.onStart()}>
                  Open a case
                </Button>
              }
            >
              A case follows one person's FMLA leave, ADA accommodation or state leave: whether they are
              eligible, the notice and certification dates, the leave they take and their return.
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Leave cases" list={list} />
    </>
  );
}

/** Leave and accommodation cases (owners and managers): the list, opening a case, and one case. */
export function LeavePage() {
  const [params, setParams] = useSearchParams<{ case?: string; status?: string; sort?: string }>();
  const [opening, setOpening] = createSignal(false);
  const filters = (): LeaveFilters => {
    const order = ORDER_OPTIONS.some((o) => o.value === params.sort) ? params.sort! : DEFAULT_ORDER;
    const [sort, dir] = order.split('-') as [Sort, 'asc' | 'desc'];
    const status = STATUS_OPTIONS.find((o) => o.value === params.status)?.value ?? 'open';
    return { status, sort, dir };
  };
  const change = (patch: Record<string, string | undefined>) => setParams(patch, { replace: true });
  return (
    <div class="page hr leave">
      <PageHeader
        title="Leave and accommodation"
        description="FMLA leave, ADA accommodations and state leave: eligibility, the 12 weeks, the notices due and the return to work."
        actions={
          <Button variant="primary" onClick={() => setOpening(true)}>
            Open a case
          </Button>
        }
      />
      <HrNav />
      <section class="card" aria-labelledby="leave-cases-title">
        <div class="card-header">
          <h2 id="leave-cases-title" class="card-title">
            Cases
          </h2>
        </div>
        <div class="card-body stack">
          <div class="hr-toolbar">
            <SelectField
              label="Show"
              name="status"
              value={filters().status ?? 'open'}
              options={STATUS_OPTIONS}
              onChange={(v) => change({ status: v === 'open' ? undefined : v })}
            />
            <SelectField
              label="Order"
              name="order"
              value={`${filters().sort}-${filters().dir}`}
              options={ORDER_OPTIONS}
              onChange={(v) => change({ sort: v === DEFAULT_ORDER ? undefined : v })}
            />
          </div>
          <LoadBoundary what="leave cases" keys={[listLeaveCases.key]}>
            <CaseList
              filters={filters()}
              onOpen={(id) => setParams({ case: id })}
              onStart={() => setOpening(true)}
            />
          </LoadBoundary>
        </div>
      </section>
      <LeaveOpenDialog
        open={opening()}
        onClose={() => setOpening(false)}
        onOpened={(c) => {
          setOpening(false);
          setParams({ case: c.id });
        }}
      />
      <LeaveCaseDialog id={params.case} onClose={() => setParams({ case: undefined })} />
    </div>
  );
}
