import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Appointment, Patient } from '../../../../shared/schemas/scheduling.ts';
import { Badge, StatusBadge } from '../../components/ui/Badge.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { formatCalendarDate, formatLocalTimes } from '../../lib/format.ts';
import { createPagedList } from '../../lib/paging.ts';
import { listPatientVisits, listProviders } from './api.ts';

const VISITS_PAGE = 10;

/** What happened besides the status: moved, cancelled late or by whom, booked outside hours. */
function visitNotes(a: Appointment) {
  return (
    <>
      <Show when={a.lateCancel}>
        <Badge tone="warning">Late cancel</Badge>{' '}
      </Show>
      <Show when={a.status === 'cancelled' && a.cancelledBy}>
        <span class="muted">by the {a.cancelledBy} </span>
      </Show>
      <Show when={a.rescheduledFrom}>
        <span class="muted">moved here </span>
      </Show>
      <Show when={a.overrideReason}>
        <span class="muted">outside hours: {a.overrideReason}</span>
      </Show>
    </>
  );
}

/** One patient's visits, latest first, paged: what the front desk checks before calling them. */
export function PatientVisitsDialog(props: { patient: Patient | undefined; onClose: () => void }) {
  const providers = createAsync(() => listProviders());
  const providerName = (id: string) => providers()?.items.find((p) => p.id === id)?.name ?? 'Former provider';
  const list = createPagedList(
    () => props.patient?.id ?? '',
    (cursor) =>
      props.patient
        ? listPatientVisits(props.patient.id, cursor, VISITS_PAGE)
        : Promise.resolve({ items: [], nextCursor: null }),
  );
  const name = () => (props.patient ? `${props.patient.lastName}, ${props.patient.firstName}` : '');

  return (
    <Dialog open={Boolean(props.patient)} title={`Visits of ${name()}`} onClose={() => props.onClose()}>
      <DataTable
        caption={`Visits of ${name()}, latest first`}
        rows={list.items()}
        loading={list.loading()}
        empty={
          <EmptyState title={list.loading() ? 'Loading visits…' : 'No visits yet'}>
            <p>Visits booked on the Day or Week page, or imported, show here.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'When',
            cell: (a) => (
              <span class="nowrap">
                {formatCalendarDate(a.date)}, {formatLocalTimes(a.time, a.endTime)}
              </span>
            ),
          },
          { header: 'Visit', cell: (a) => a.typeName },
          { header: 'Provider', cell: (a) => providerName(a.providerId) },
          {
            header: 'Status',
            cell: (a) => (
              <>
                <StatusBadge status={a.status} /> {visitNotes(a)}
              </>
            ),
          },
        ]}
      />
      <ListPager label="Visits" list={list} />
    </Dialog>
  );
}
