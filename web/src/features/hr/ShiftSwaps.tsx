import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Shift } from '../../../../shared/schemas/hr-shifts.ts';
import { SWAP_STATUS_LABELS, type SwapRequest } from '../../../../shared/schemas/hr-swaps.ts';
import { me } from '../../app/session.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { formatDateTime, formatLocalDay, formatLocalTimes } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { SwapAskDialog } from './SwapAskDialog.tsx';
import { DecideDialog, type DecideTarget } from './SwapDecideDialog.tsx';
import { SwapSettingsForm } from './SwapSettingsForm.tsx';
import { getMyShifts } from './shifts-api.ts';
import { listAllCurrentStaff } from './staff-api.ts';
import { cancelSwap, getSwapSettings, listSwapRequests, type SwapShow } from './swaps-api.ts';
import { isWaiting, STALE_SWAP, STATUS_TONES, shiftWhen } from './swaps-format.ts';
import './swaps.css';

const SHOW_OPTIONS = [
  { value: 'pending', label: 'Waiting' },
  { value: 'all', label: 'All' },
];

/**
 * The caller's own shifts in published weeks, the next four weeks, every location; each can be
 * offered to a colleague unless a request for it is already waiting.
 */
export function MyShifts(props: { locationNames: ReadonlyMap<string, string> }) {
  const data = createAsync(() => getMyShifts());
  // The same first page the Swap requests section reads, so it costs no extra request. A failure
  // there is that section's to show: here it only hides the "Swap asked" marks.
  const waiting = createAsync(() =>
    listSwapRequests('pending', undefined, PAGE_SIZE).catch(() => ({ items: [], nextCursor: null })),
  );
  // Both are read here, above the rows, not inside them: read only by rows that the same revalidation
  // rebuilds, the new page was left out of the router's transition, and a shift just asked about
  // kept offering "Ask to swap" until a reload.
  const view = () => {
    const d = data();
    const w = waiting();
    if (!d || !w) return undefined;
    const asked = new Set(w.items.filter((r) => isWaiting(r.status)).map((r) => r.shiftId));
    return { items: d.items, asked };
  };
  const [asking, setAsking] = createSignal<Shift>();
  return (
    <Show when={view()}>
      {(d) => (
        <Show
          when={d().items.length}
          fallback={
            <EmptyState title="No shifts coming up">
              Your shifts show here once your manager publishes the weeks they are in.
            </EmptyState>
          }
        >
          <ul class="shifts-mine">
            <For each={d().items}>
              {(s) => (
                <li>
                  <span class="strong nowrap">{formatLocalDay(s.date)}</span>
                  <span class="nowrap">{formatLocalTimes(s.start, s.end)}</span>
                  <span class="muted">{props.locationNames.get(s.locationId) ?? ''}</span>
                  <span class="swaps-mine-action">
                    <Show when={!d().asked.has(s.id)} fallback={<Badge tone="warning">Swap asked</Badge>}>
                      <Button
                        size="sm"
                        onClick={() => setAsking(s)}
                        aria-label={`Ask to swap the shift on ${shiftWhen(s)}`}
                      >
                        Ask to swap
                      </Button>
                    </Show>
                  </span>
                  <Show when={s.note}>
                    <span class="small muted shifts-note">{s.note}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <SwapAskDialog
            shift={asking()}
            locationName={props.locationNames.get(asking()?.locationId ?? '') ?? ''}
            onClose={() => setAsking(undefined)}
          />
        </Show>
      )}
    </Show>
  );
}

async function withdraw(r: SwapRequest) {
  const ok = await confirm({
    title: 'Withdraw your swap request?',
    message: (
      <p>
        You keep the shift on {shiftWhen(r)} at {r.locationName}, and {r.toName} is no longer asked to take
        it.
      </p>
    ),
    confirmLabel: 'Withdraw the request',
    cancelLabel: 'Keep it',
  });
  if (!ok) return;
  try {
    await cancelSwap(r.id, { version: r.version });
    toast.success(`Withdrew your request to swap the shift on ${formatLocalDay(r.date)}.`);
  } catch (err) {
    toast.error(isStale(err) ? STALE_SWAP : errorMessage(err));
  }
}

/** The requests as a table (cards on a phone); deciding and withdrawing happen in the rows. */
function SwapList(props: { admin: boolean; show: SwapShow }) {
  const list = createPagedList(
    () => props.show,
    (cursor) => listSwapRequests(props.show, cursor, PAGE_SIZE),
  );
  // Rows name people by directory id: the caller's own entry tells "you asked" from "you were asked".
  const staff = createAsync(() => listAllCurrentStaff());
  const ownStaffId = () => {
    const userId = me()?.user.id;
    return userId ? staff()?.find((p) => p.userId === userId)?.id : undefined;
  };
  const [deciding, setDeciding] = createSignal<DecideTarget>();
  const you = (id: string) => (id === ownStaffId() ? ' (you)' : '');

  const columns: Column<SwapRequest>[] = [
    {
      header: 'Shift',
      // One element: on a phone the cell is a label/value grid with room for one value.
      cell: (r) => (
        <span class="swaps-shift">
          <span class="strong nowrap">{formatLocalDay(r.date)}</span>{' '}
          <span class="nowrap">{formatLocalTimes(r.start, r.end)}</span>
          <span class="small muted"> {r.locationName}</span>
        </span>
      ),
    },
    {
      header: 'Who',
      cell: (r) => (
        <span>
          {r.fromName}
          {you(r.fromStaffId)} <span aria-hidden="true">→</span>
          <span class="visually-hidden">hands it to</span> {r.toName}
          {you(r.toStaffId)}
        </span>
      ),
    },
    {
      header: 'Note',
      cell: (r) => (
        <Show when={r.note} fallback={<span class="muted">—</span>}>
          <span class="swaps-note">“{r.note}”</span>
        </Show>
      ),
    },
    {
      header: 'Status',
      cell: (r) => (
        <span class="swaps-status">
          <Badge tone={STATUS_TONES[r.status]}>{SWAP_STATUS_LABELS[r.status]}</Badge>
          <Show when={r.decidedBy}>
            <span class="small muted">
              {' '}
              by {r.decidedBy}
              <Show when={r.decidedAt}>, {formatDateTime(r.decidedAt)}</Show>
            </span>
          </Show>
          <Show when={r.decisionNote}>
            <span class="small swaps-note"> “{r.decisionNote}”</span>
          </Show>
        </span>
      ),
    },
    { header: 'Asked', cell: (r) => <span class="small">{formatDateTime(r.askedAt)}</span> },
    {
      header: 'Actions',
      headerHidden: true,
      class: 'cell-actions',
      cell: (r) => (
        <Show when={isWaiting(r.status)}>
          <div class="row-actions">
            <Show when={props.admin && r.status === 'pending'}>
              <Button
                size="sm"
                variant="primary"
                onClick={() => setDeciding({ request: r, decision: 'approve', by: 'manager' })}
                aria-label={`Approve ${r.fromName}’s swap to ${r.toName}`}
              >
                Approve
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => setDeciding({ request: r, decision: 'decline', by: 'manager' })}
                aria-label={`Decline ${r.fromName}’s swap to ${r.toName}`}
              >
                Decline
              </Button>
            </Show>
            <Show when={r.status === 'awaiting_colleague' && r.toStaffId === ownStaffId()}>
              <Button
                size="sm"
                variant="primary"
                onClick={() => setDeciding({ request: r, decision: 'approve', by: 'colleague' })}
                aria-label={`Accept ${r.fromName}’s shift on ${shiftWhen(r)}`}
              >
                Accept
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => setDeciding({ request: r, decision: 'decline', by: 'colleague' })}
                aria-label={`Decline ${r.fromName}’s shift on ${shiftWhen(r)}`}
              >
                Decline
              </Button>
            </Show>
            <Show when={r.fromStaffId === ownStaffId()}>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => withdraw(r)}
                aria-label={`Withdraw your request to swap the shift on ${shiftWhen(r)}`}
              >
                Withdraw
              </Button>
            </Show>
          </div>
        </Show>
      ),
    },
  ];

  return (
    <>
      <DataTable<SwapRequest>
        caption={props.show === 'pending' ? 'Swap requests still waiting' : 'Swap requests, newest first'}
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState
              title={props.show === 'pending' ? 'No swap requests waiting' : 'No swap requests yet'}
            >
              <Show
                when={props.admin}
                fallback={
                  <>
                    Can’t work a shift? Use “Ask to swap” on it under My next shifts to hand it to a colleague
                    at the same location. A manager approves or declines (your colleague may be asked to
                    accept first); your requests, and any naming you, show here.
                  </>
                }
              >
                When someone can’t work a shift, they can ask to hand it to a colleague at the same location.
                The request waits here and in Today; approving it gives the shift to the colleague.
              </Show>
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Swap requests" list={list} />
      <DecideDialog target={deciding()} onClose={() => setDeciding(undefined)} />
    </>
  );
}

/**
 * Requests to hand a shift to a colleague: owners and managers see everyone's and decide them;
 * anyone else sees the ones they asked or that name them, and may withdraw their own.
 */
export function SwapRequests(props: { admin: boolean }) {
  const [show, setShow] = createSignal<SwapShow>('pending');
  return (
    <Section
      id="shifts-swaps"
      title="Swap requests"
      description={
        props.admin
          ? 'Staff asking to hand a shift to a colleague. Approving moves the shift to them.'
          : 'Your requests to hand a shift to a colleague, and colleagues’ requests naming you.'
      }
    >
      <div class="stack">
        <Show when={props.admin}>
          <LoadBoundary what="swap settings" keys={[getSwapSettings.key]}>
            <SwapSettingsForm />
          </LoadBoundary>
        </Show>
        <div class="swaps-toolbar">
          <SelectField
            label="Show"
            name="swapShow"
            value={show()}
            options={SHOW_OPTIONS}
            onChange={(v) => setShow(v === 'all' ? 'all' : 'pending')}
          />
        </div>
        <LoadBoundary what="swap requests" keys={[listSwapRequests.key, listAllCurrentStaff.key]}>
          <SwapList admin={props.admin} show={show()} />
        </LoadBoundary>
      </div>
    </Section>
  );
}
