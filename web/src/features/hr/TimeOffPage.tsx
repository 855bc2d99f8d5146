import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import {
  TIME_OFF_KIND_LABELS,
  TIME_OFF_STATUS_LABELS,
  type TimeOffPolicy,
  type TimeOffRequest,
} from '../../../../shared/schemas/hr-time-off.ts';
import { addDays } from '../../../../shared/time.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { formatDateTime, isoDay } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { HrNav } from './HrNav.tsx';
import { TimeOffDecisionDialog } from './TimeOffDecisionDialog.tsx';
import { TimeOffPolicyDialog } from './TimeOffPolicyDialog.tsx';
import { TimeOffRequestDialog } from './TimeOffRequestDialog.tsx';
import {
  cancelTimeOff,
  getMyStaff,
  getTimeOffBalances,
  getTimeOffPolicies,
  listTimeOff,
  listTimeOffWindow,
} from './time-off-api.ts';
import { formatDayRange, formatHours, TIME_OFF_STATUS_TONES, weekStart } from './time-off-format.ts';

import './hr.css';
import './time-off.css';

const today = () => isoDay(new Date());
/** The team calendar's reach: eight weeks from this Monday. */
const CALENDAR_WEEKS = 8;

/** PTO and sick leave as cards: today's hours, what is already spoken for, and the policy. */
function MyBalances(props: { staffId: string }) {
  const data = createAsync(() => getTimeOffBalances(props.staffId));
  return (
    <Show when={data()}>
      {(d) => (
        <div class="stack">
          <div class="time-off-cards">
            <For each={d().balances}>
              {(b) => (
                <article class="time-off-card" aria-labelledby={`time-off-bal-${b.kind}`}>
                  <h3 id={`time-off-bal-${b.kind}`} class="time-off-card-title">
                    {TIME_OFF_KIND_LABELS[b.kind]}
                  </h3>
                  <p class={`time-off-card-hours${b.today < 0 ? ' time-off-negative' : ''}`}>
                    {formatHours(b.today)}
                    <span class="small muted"> today</span>
                  </p>
                  <dl class="time-off-card-facts small">
                    <div>
                      <dt>Approved ahead</dt>
                      <dd>{formatHours(b.approvedAhead)}</dd>
                    </div>
                    <div>
                      <dt>Waiting for a decision</dt>
                      <dd>{formatHours(b.pending)}</dd>
                    </div>
                  </dl>
                  <Show when={b.cappedHours > 0}>
                    <p class="small time-off-capped">
                      {formatHours(b.cappedHours)} not earned this plan year because of a cap.
                    </p>
                  </Show>
                  <p class="small muted">{b.policyText}</p>
                </article>
              )}
            </For>
          </div>
          <p class="small muted">
            <Show
              when={d().shiftsThrough}
              fallback={
                <>
                  No shifts are recorded yet, so hours earned assume {d().assumedWeeklyHours} hours worked a
                  week.
                </>
              }
            >
              {(through) => (
                <>
                  Hours worked come from your shifts through {formatDayRange(through(), through())}; after
                  that, {d().assumedWeeklyHours} hours a week are assumed.
                </>
              )}
            </Show>
          </p>
        </div>
      )}
    </Show>
  );
}

/** Whether the person may still withdraw it: waiting, or approved and not yet started. */
const cancellable = (r: TimeOffRequest) =>
  r.status === 'pending' || (r.status === 'approved' && r.startDate > today());

async function askToCancel(r: TimeOffRequest, who: string) {
  const ok = await confirm({
    title: 'Cancel this request?',
    message: (
      <p>
        {who} {TIME_OFF_KIND_LABELS[r.kind].toLowerCase()}, {formatDayRange(r.startDate, r.endDate)} (
        {formatHours(r.hours)}) is withdrawn
        {r.status === 'approved' ? ' and the hours go back to the balance' : ''}. To take the days after all,
        ask again.
      </p>
    ),
    confirmLabel: 'Cancel the request',
    cancelLabel: 'Keep it',
  });
  if (!ok) return;
  try {
    await cancelTimeOff(r.id, r.version);
    toast.success(`Cancelled: ${formatDayRange(r.startDate, r.endDate)}.`);
  } catch (err) {
    toast.error(
      isStale(err)
        ? 'This request changed meanwhile; the list now shows it as it is. Check it again.'
        : errorMessage(err),
    );
  }
}

const RANGE_OPTIONS = [
  { value: 'upcoming', label: 'Recent and upcoming' },
  { value: 'all', label: 'All, oldest first' },
];

/** The caller's own requests, by first day, each with its status and who decided it. */
function MyRequests(props: { staffId: string; onOpen: (id: string) => void; onRequest: () => void }) {
  const [range, setRange] = createSignal('upcoming');
  const from = () => (range() === 'upcoming' ? addDays(today(), -31) : undefined);
  const list = createPagedList(
    () => `${props.staffId}|${range()}`,
    (cursor) => listTimeOff({ status: 'all', staffId: props.staffId, from: from() }, cursor, PAGE_SIZE),
  );
  const columns: Column<TimeOffRequest>[] = [
    {
      header: 'Dates',
      cell: (r) => (
        <button type="button" class="link-button" onClick={() => props.onOpen(r.id)}>
          {formatDayRange(r.startDate, r.endDate)}
        </button>
      ),
    },
    { header: 'Kind', cell: (r) => TIME_OFF_KIND_LABELS[r.kind] },
    { header: 'Hours', class: 'num', cell: (r) => formatHours(r.hours) },
    {
      header: 'Status',
      cell: (r) => <Badge tone={TIME_OFF_STATUS_TONES[r.status]}>{TIME_OFF_STATUS_LABELS[r.status]}</Badge>,
    },
    {
      header: 'Decided by',
      cell: (r) => (
        <Show when={r.decidedBy} fallback={<span class="muted">—</span>}>
          {/* One element: on a phone the cell is a label/value grid with room for one value. */}
          <span>
            {r.decidedBy}
            <Show when={r.decisionNote}>
              <span class="small muted time-off-note-inline"> “{r.decisionNote}”</span>
            </Show>
          </span>
        </Show>
      ),
    },
    {
      header: 'Actions',
      headerHidden: true,
      class: 'cell-actions',
      cell: (r) => (
        <Show when={cancellable(r)}>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => askToCancel(r, 'Your')}
            aria-label={`Cancel the request for ${formatDayRange(r.startDate, r.endDate)}`}
          >
            Cancel
          </Button>
        </Show>
      ),
    },
  ];
  return (
    <div class="stack">
      <div class="time-off-toolbar">
        <SelectField label="Show" name="range" value={range()} options={RANGE_OPTIONS} onChange={setRange} />
      </div>
      <DataTable<TimeOffRequest>
        caption="Your time-off requests, by first day"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState
              title={range() === 'upcoming' ? 'No time off coming up' : 'No requests yet'}
              action={
                <Button variant="primary" onClick={() => props.onRequest()}>
                  Request time off
                </Button>
              }
            >
              {range() === 'upcoming'
                ? 'Requests from the last month on show here. Choose “All” for older ones.'
                : 'Ask for paid time off or sick leave: a manager decides, and you hear of it in Today.'}
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Your requests" list={list} />
    </div>
  );
}

/** Requests waiting for a decision, oldest first day first; each opens the decision dialog. */
function Waiting(props: { onOpen: (id: string) => void }) {
  const list = createPagedList(
    () => 'pending',
    (cursor) => listTimeOff({ status: 'pending' }, cursor, PAGE_SIZE),
  );
  const columns: Column<TimeOffRequest>[] = [
    { header: 'Who', cell: (r) => <span class="strong">{r.staffName}</span> },
    { header: 'Dates', cell: (r) => <span class="nowrap">{formatDayRange(r.startDate, r.endDate)}</span> },
    { header: 'Kind', cell: (r) => TIME_OFF_KIND_LABELS[r.kind] },
    { header: 'Hours', class: 'num', cell: (r) => formatHours(r.hours) },
    { header: 'Asked', cell: (r) => <span class="small">{formatDateTime(r.requestedAt)}</span> },
    {
      header: 'Actions',
      headerHidden: true,
      class: 'cell-actions',
      cell: (r) => (
        <Button
          size="sm"
          variant={r.startDate <= addDays(today(), 7) ? 'primary' : 'secondary'}
          onClick={() => props.onOpen(r.id)}
          aria-label={`Review ${r.staffName}’s request for ${formatDayRange(r.startDate, r.endDate)}`}
        >
          Review
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable<TimeOffRequest>
        caption="Requests waiting for a decision, by first day"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        rowClass={(r) => (r.startDate < today() ? 'time-off-row-late' : undefined)}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="Nothing waiting">
              New requests appear here and in Today, with the balance they leave and who else is off.
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Waiting requests" list={list} />
    </>
  );
}

/** Approved and waiting time off in the next weeks, grouped by week; reads as a list on a phone too. */
function TeamCalendar(props: { onOpen: (id: string) => void }) {
  const start = () => weekStart(today());
  const end = () => addDays(start(), CALENDAR_WEEKS * 7 - 1);
  // A request that began before this Monday may still run into it: read a month back and keep those.
  const data = createAsync(() => listTimeOffWindow(addDays(start(), -31), end()));
  const weeks = () => {
    const live = (data() ?? []).filter(
      (r) => (r.status === 'approved' || r.status === 'pending') && r.endDate >= start(),
    );
    return Array.from({ length: CALENDAR_WEEKS }, (_, i) => {
      const from = addDays(start(), i * 7);
      const to = addDays(from, 6);
      return { from, to, items: live.filter((r) => r.startDate <= to && r.endDate >= from) };
    });
  };
  const anything = () => weeks().some((w) => w.items.length > 0);
  return (
    <Show when={data()}>
      <Show
        when={anything()}
        fallback={
          <EmptyState title="No one is off in the next eight weeks">
            Approved and waiting requests show here by week, so gaps in coverage stand out.
          </EmptyState>
        }
      >
        <ol class="time-off-weeks">
          <For each={weeks()}>
            {(w, i) => (
              <li class={`time-off-week${w.items.length ? '' : ' time-off-week-empty'}`}>
                <h3 class="time-off-week-title">
                  {i() === 0 ? 'This week' : i() === 1 ? 'Next week' : formatDayRange(w.from, w.to)}
                  <Show when={i() < 2}>
                    <span class="small muted"> {formatDayRange(w.from, w.to)}</span>
                  </Show>
                </h3>
                <Show when={w.items.length} fallback={<p class="small muted">No one off.</p>}>
                  <ul class="time-off-week-items">
                    <For each={w.items}>
                      {(r) => (
                        <li>
                          <button type="button" class="time-off-week-item" onClick={() => props.onOpen(r.id)}>
                            <span class="strong">{r.staffName}</span>
                            <span class="small">
                              {formatDayRange(r.startDate, r.endDate)} · {TIME_OFF_KIND_LABELS[r.kind]}
                            </span>
                            <Show when={r.status === 'pending'}>
                              <Badge tone="warning">Not decided</Badge>
                            </Show>
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </Show>
  );
}

/** Both policies' sentences, each with its Edit button. */
function Policies(props: { onEdit: (p: TimeOffPolicy) => void }) {
  const data = createAsync(() => getTimeOffPolicies());
  return (
    <Show when={data()}>
      {(d) => (
        <ul class="time-off-policies">
          <For each={d().items}>
            {(p) => (
              <li class="time-off-policy">
                <div>
                  <h3 class="time-off-card-title">{TIME_OFF_KIND_LABELS[p.kind]}</h3>
                  <p class="small">{p.text}</p>
                  <Show when={p.version === 0}>
                    <p class="small muted">Rounds’ starting policy: edit it to match your handbook.</p>
                  </Show>
                </div>
                <Button
                  size="sm"
                  onClick={() => props.onEdit(p)}
                  aria-label={`Edit the ${TIME_OFF_KIND_LABELS[p.kind].toLowerCase()} policy`}
                >
                  Edit
                </Button>
              </li>
            )}
          </For>
        </ul>
      )}
    </Show>
  );
}

/** The caller's own part: balances and requests, or why there are none. */
function MinePart(props: {
  staffId: string | undefined;
  onOpen: (id: string) => void;
  onRequest: () => void;
}) {
  return (
    <Show
      when={props.staffId}
      fallback={
        <Alert tone="info" title="No staff record for your login">
          Your login is not linked to a staff record yet; ask your practice manager. Once it is, your balances
          and requests show here.
        </Alert>
      }
    >
      {(id) => (
        <>
          <Section id="time-off-balances" title="My balances">
            <LoadBoundary what="balances" keys={[getTimeOffBalances.key]}>
              <MyBalances staffId={id()} />
            </LoadBoundary>
          </Section>
          <Section id="time-off-mine" title="My requests">
            <LoadBoundary what="requests" keys={[listTimeOff.key]}>
              <MyRequests staffId={id()} onOpen={props.onOpen} onRequest={props.onRequest} />
            </LoadBoundary>
          </Section>
        </>
      )}
    </Show>
  );
}

/** Time off: one's own balances and requests; for owners and managers, decisions, the team's weeks and the policies. */
export function TimeOffPage() {
  const [params, setParams] = useSearchParams<{ request?: string }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  const mine = createAsync(() => {
    const m = me();
    return m ? getMyStaff(m.user.id) : Promise.resolve(null);
  });
  const ownStaffId = () => mine()?.id;
  const [requesting, setRequesting] = createSignal(false);
  const [policy, setPolicy] = createSignal<TimeOffPolicy>();
  // The open request lives in the URL: Today links to it, and Back closes it.
  const open = (id: string) => setParams({ request: id });
  const mayRequest = () => admin() || Boolean(ownStaffId());
  return (
    <div class="page hr time-off">
      <PageHeader
        title="Time off"
        description="Paid time off and sick leave: balances, requests and decisions."
        actions={
          // Waits for the caller's staff record without holding up the page.
          <Suspense>
            <Show when={mayRequest()}>
              <Button variant="primary" onClick={() => setRequesting(true)}>
                Request time off
              </Button>
            </Show>
          </Suspense>
        }
      />
      <HrNav />
      <div class="stack-lg">
        <LoadBoundary what="your staff record" keys={[getMyStaff.key]}>
          <Show when={mine() !== undefined}>
            <MinePart staffId={ownStaffId()} onOpen={open} onRequest={() => setRequesting(true)} />
            {/* Mounted once the caller's staff record is known: a dialog must not wait inside a suspended tree. */}
            <TimeOffRequestDialog
              open={requesting()}
              ownStaffId={ownStaffId()}
              admin={admin()}
              onClose={() => setRequesting(false)}
            />
            <TimeOffDecisionDialog
              requestId={params.request || undefined}
              admin={admin()}
              ownStaffId={ownStaffId()}
              onClose={() => setParams({ request: undefined })}
            />
          </Show>
        </LoadBoundary>
        <Show when={admin()}>
          <Section
            id="time-off-waiting"
            title="Waiting for a decision"
            description="Open a request to see the balance it leaves and who else in the same role is off."
          >
            <LoadBoundary what="waiting requests" keys={[listTimeOff.key]}>
              <Waiting onOpen={open} />
            </LoadBoundary>
          </Section>
          <Section
            id="time-off-calendar"
            title="Team calendar"
            description="Approved and waiting time off in the next eight weeks."
          >
            <LoadBoundary what="team calendar" keys={[listTimeOffWindow.key]}>
              <TeamCalendar onOpen={open} />
            </LoadBoundary>
          </Section>
          <Section
            id="time-off-policies"
            title="Policies"
            description="How paid time off and sick leave are earned. Every balance is worked out from these."
          >
            <LoadBoundary what="policies" keys={[getTimeOffPolicies.key]}>
              <Policies onEdit={setPolicy} />
            </LoadBoundary>
          </Section>
        </Show>
      </div>
      <TimeOffPolicyDialog policy={policy()} onClose={() => setPolicy(undefined)} />
    </div>
  );
}
