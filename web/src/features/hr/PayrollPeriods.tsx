import { createSignal, For, Show } from 'solid-js';
import type { PayPeriodSummary, PaySchedule } from '../../../../shared/schemas/hr-payroll.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { createPagedList } from '../../lib/paging.ts';
import { listPayPeriods, openPayPeriod } from './payroll-api.ts';

/** A period's days as the payroll pages name them. */
export const periodRange = (p: { start: string; end: string }) =>
  `${formatCalendarDate(p.start)} to ${formatCalendarDate(p.end)}`;

/** The schedule's latest periods not yet opened, each with a button to open it for review. */
export function OpenPeriods(props: { schedule: PaySchedule; onOpen: (id: string) => void }) {
  const [busy, setBusy] = createSignal<string>();
  const open = async (start: string) => {
    setBusy(start);
    try {
      await openPayPeriod(start);
      props.onOpen(start);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  const closed = () => props.schedule.recent.filter((p) => !p.opened);
  return (
    <Show when={closed().length}>
      <div class="stack">
        <p class="small">Open a period to review its hours from the shifts, attendance and time off:</p>
        <ul class="payroll-open">
          <For each={closed()}>
            {(p) => (
              <li>
                <span class="nowrap">{periodRange(p)}</span>
                <Button size="sm" busy={busy() === p.start} onClick={() => open(p.start)}>
                  Open for review
                </Button>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** Pay periods newest first; each opens its review. */
export function PeriodList(props: { onOpen: (id: string) => void }) {
  const list = createPagedList(
    () => 'periods',
    (cursor) => listPayPeriods(cursor, 12),
  );
  const columns: Column<PayPeriodSummary>[] = [
    {
      header: 'Period',
      cell: (p) => (
        <button type="button" class="link-button" onClick={() => props.onOpen(p.id)}>
          {periodRange(p)}
        </button>
      ),
    },
    {
      header: 'Status',
      cell: (p) =>
        p.status === 'locked' ? (
          <Badge tone="neutral">Locked</Badge>
        ) : p.ended ? (
          <Badge tone="warning">Ready to review</Badge>
        ) : (
          <Badge tone="info">Under way</Badge>
        ),
    },
    {
      header: 'Locked by',
      cell: (p) => (
        <Show when={p.lockedBy} fallback={<span class="muted">—</span>}>
          <span>
            {p.lockedBy} <span class="small muted">{formatDateTime(p.lockedAt)}</span>
          </span>
        </Show>
      ),
    },
  ];
  return (
    <>
      <DataTable<PayPeriodSummary>
        caption="Pay periods, newest first"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="No pay period opened yet">
              Open one of the schedule’s latest periods above: it shows here with its status.
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Pay periods" list={list} />
    </>
  );
}
