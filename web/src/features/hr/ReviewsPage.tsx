import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import {
  REVIEW_DUE_SHOWS,
  REVIEW_DUE_SORTS,
  REVIEW_KIND_LABELS,
  REVIEW_STATUS_LABELS,
  type Review,
  type ReviewDueRow,
} from '../../../../shared/schemas/hr-reviews.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { HrNav } from './HrNav.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';
import { listDueReviews, listReviews, type ReviewDueFilters, startReview } from './reviews-api.ts';
import { getMyStaff } from './time-off-api.ts';
import './hr.css';
import './reviews.css';

type Sort = (typeof REVIEW_DUE_SORTS)[number];
type ShowFilter = (typeof REVIEW_DUE_SHOWS)[number];
const SHOW_OPTIONS: { value: ShowFilter; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'next_30_days', label: 'Overdue or due in 30 days' },
];
const ORDERS: { sort: Sort; dir: 'asc' | 'desc'; label: string }[] = [
  { sort: 'dueDate', dir: 'asc', label: 'Due soonest first' },
  { sort: 'dueDate', dir: 'desc', label: 'Due latest first' },
  { sort: 'name', dir: 'asc', label: 'Name, A to Z' },
  { sort: 'status', dir: 'asc', label: 'Status' },
];
const orderValue = (sort: Sort, dir: string) => `${sort}-${dir}`;

function StatusBadge(props: { row: ReviewDueRow }) {
  return (
    <Show
      when={props.row.overdue && props.row.status !== 'done'}
      fallback={
        <Badge tone={props.row.status === 'not_started' ? 'neutral' : 'info'}>
          {REVIEW_STATUS_LABELS[props.row.status]}
        </Badge>
      }
    >
      <Badge tone="danger">Overdue · {REVIEW_STATUS_LABELS[props.row.status].toLowerCase()}</Badge>
    </Show>
  );
}

/** Every current person's open or next review, sorted and paged; opening one starts it. */
function DueList(props: {
  filters: ReviewDueFilters;
  onOpen: (id: string) => void;
  onHistory: (staffId: string, name: string) => void;
  onShowAll: () => void;
}) {
  const list = createPagedList(
    () => JSON.stringify(props.filters),
    (cursor) => listDueReviews(props.filters, cursor, PAGE_SIZE),
    'staffId',
  );
  const [starting, setStarting] = createSignal<string>();
  const start = async (row: ReviewDueRow) => {
    setStarting(row.staffId);
    try {
      const r = await startReview(row.staffId);
      toast.success(
        r.hasLogin
          ? `${row.staffName} is asked for a self-review`
          : `${row.staffName}'s review is open for you`,
      );
      props.onOpen(r.id);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setStarting(undefined);
    }
  };
  const columns: Column<ReviewDueRow>[] = [
    { header: 'Person', cell: (r) => <span class="strong">{r.staffName}</span> },
    { header: 'Job title', cell: (r) => r.jobTitle },
    { header: 'Review', cell: (r) => REVIEW_KIND_LABELS[r.kind] },
    {
      header: 'Due',
      cell: (r) => (
        <time class="nowrap" datetime={r.dueDate}>
          {formatCalendarDate(r.dueDate)}
        </time>
      ),
    },
    { header: 'Status', cell: (r) => <StatusBadge row={r} /> },
    {
      header: 'Actions',
      headerHidden: true,
      cell: (r) => (
        <span class="reviews-actions">
          <Show
            when={r.reviewId}
            fallback={
              <Button size="sm" variant="primary" busy={starting() === r.staffId} onClick={() => start(r)}>
                Start review<span class="visually-hidden"> for {r.staffName}</span>
              </Button>
            }
          >
            {(id) => (
              <Button size="sm" onClick={() => props.onOpen(id())}>
                Open<span class="visually-hidden"> {r.staffName}'s review</span>
              </Button>
            )}
          </Show>
          <Button size="sm" variant="ghost" onClick={() => props.onHistory(r.staffId, r.staffName)}>
            History<span class="visually-hidden"> of {r.staffName}</span>
          </Button>
        </span>
      ),
    },
  ];
  return (
    <>
      <DataTable<ReviewDueRow>
        caption="Reviews due"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <Show
              when={props.filters.show !== 'all'}
              fallback={
                <EmptyState title="No one to review yet">
                  Reviews come due 90 days after a person's hire date, then each anniversary. Add people on
                  the Staff page with their hire dates.
                </EmptyState>
              }
            >
              <EmptyState
                title="Nothing due here"
                action={<Button onClick={() => props.onShowAll()}>Show everyone</Button>}
              >
                No review is overdue or coming due in this view.
              </EmptyState>
            </Show>
          </Show>
        }
      />
      <ListPager label="Reviews due" list={list} />
    </>
  );
}

/** One person's reviews, newest first (the caller's own when no person is named). */
function History(props: { staffId: string | undefined; onOpen: (id: string) => void; mine: boolean }) {
  const list = createPagedList(
    () => props.staffId ?? 'mine',
    (cursor) => listReviews(props.staffId, cursor, PAGE_SIZE),
  );
  const columns: Column<Review>[] = [
    { header: 'Review', cell: (r) => REVIEW_KIND_LABELS[r.kind] },
    { header: 'Due', cell: (r) => <span class="nowrap">{formatCalendarDate(r.dueDate)}</span> },
    {
      header: 'Status',
      cell: (r) => (
        <Badge tone={r.status === 'done' ? 'success' : 'info'}>{REVIEW_STATUS_LABELS[r.status]}</Badge>
      ),
    },
    {
      header: 'Actions',
      headerHidden: true,
      cell: (r) => (
        <Button size="sm" onClick={() => props.onOpen(r.id)}>
          Open<span class="visually-hidden"> the review due {r.dueDate}</span>
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable<Review>
        caption="Reviews, newest first"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="No reviews yet">
              {props.mine
                ? 'Your manager opens your review when it comes due; it then appears here and in Today.'
                : 'Start this person’s review from the list of reviews due.'}
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Reviews" list={list} />
    </>
  );
}

/** Performance reviews: for managers, who is due and each review's steps; for everyone, their own. */
export function ReviewsPage() {
  const [params, setParams] = useSearchParams<{
    review?: string;
    staff?: string;
    name?: string;
    sort?: string;
    dir?: string;
    show?: string;
  }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  const mine = createAsync(async () => {
    const m = me();
    return m ? ((await getMyStaff(m.user.id).catch(() => null))?.id ?? null) : null;
  });
  const filters = (): ReviewDueFilters => {
    const sort = REVIEW_DUE_SORTS.includes(params.sort as Sort) ? (params.sort as Sort) : 'dueDate';
    return {
      sort,
      dir: params.dir === 'desc' ? 'desc' : 'asc',
      show: REVIEW_DUE_SHOWS.includes(params.show as ShowFilter) ? (params.show as ShowFilter) : 'all',
    };
  };
  const change = (patch: Record<string, string | undefined>) => setParams(patch, { replace: true });
  const open = (id: string) => setParams({ review: id });
  return (
    <div class="page hr">
      <PageHeader
        title="Reviews"
        description="A review 90 days after hire, then each hire anniversary: a self-review, the manager's review, and the person's sign-off."
      />
      <HrNav />
      <Show when={admin()}>
        <section class="card" aria-labelledby="reviews-due-title">
          <div class="card-header">
            <h2 id="reviews-due-title" class="card-title">
              Reviews due
            </h2>
          </div>
          <div class="card-body stack">
            <div class="hr-toolbar">
              <SelectField
                label="Show"
                name="show"
                value={filters().show ?? 'all'}
                options={SHOW_OPTIONS}
                onChange={(v) => change({ show: v === 'all' ? undefined : v })}
              />
              <SelectField
                label="Order"
                name="order"
                value={orderValue(filters().sort ?? 'dueDate', filters().dir ?? 'asc')}
                options={ORDERS.map((o) => ({ value: orderValue(o.sort, o.dir), label: o.label }))}
                onChange={(v) => {
                  const [sort, dir] = v.split('-');
                  change({
                    sort: sort === 'dueDate' ? undefined : sort,
                    dir: dir === 'asc' ? undefined : dir,
                  });
                }}
              />
            </div>
            <LoadBoundary what="reviews due" keys={[listDueReviews.key]}>
              <DueList
                filters={filters()}
                onOpen={open}
                onHistory={(staff, name) => setParams({ staff, name })}
                onShowAll={() => change({ show: undefined })}
              />
            </LoadBoundary>
          </div>
        </section>
      </Show>
      <Show when={admin() ? params.staff : true}>
        <section class="card" aria-labelledby="reviews-history-title">
          <div class="card-header">
            <h2 id="reviews-history-title" class="card-title">
              {admin() ? `${params.name ?? 'Person'}: review history` : 'My reviews'}
            </h2>
            <Show when={admin()}>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setParams({ staff: undefined, name: undefined })}
              >
                Close history
              </Button>
            </Show>
          </div>
          <div class="card-body">
            <LoadBoundary what="reviews" keys={[listReviews.key]}>
              <History staffId={admin() ? params.staff : undefined} onOpen={open} mine={!admin()} />
            </LoadBoundary>
          </div>
        </section>
      </Show>
      <ReviewDialog
        id={params.review}
        admin={admin()}
        myStaffId={mine() ?? undefined}
        onClose={() => setParams({ review: undefined })}
      />
    </div>
  );
}
