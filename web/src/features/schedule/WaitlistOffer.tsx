import { createResource, createSignal, For, Show } from 'solid-js';
import type { Appointment, AppointmentType, WaitlistEntry } from '../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatLocalDayTime, formatLocalTime } from '../../lib/format.ts';
import { book, getPatient } from './api.ts';

/** A freed time (cancelled or moved) offered to the waitlist: book a waiting patient into it in one step. */
export function WaitlistOffer(props: {
  freed: Appointment;
  matches: WaitlistEntry[];
  types: AppointmentType[];
  onClose: () => void;
}) {
  const [busyId, setBusyId] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const typeName = (id: string) => props.types.find((t) => t.id === id)?.name ?? 'Visit';
  // The front desk calls them: each waiting patient's phone, read with the (audited) patient record.
  const [phones] = createResource(
    () => props.matches.map((m) => m.patientId),
    async (ids) =>
      new Map(await Promise.all(ids.map(async (id) => [id, (await getPatient(id)).phone] as const))),
  );
  const when = () => formatLocalDayTime(props.freed.date, props.freed.time);
  const offerTo = async (entry: WaitlistEntry) => {
    setBusyId(entry.id);
    setError(undefined);
    try {
      await book({
        patientId: entry.patientId,
        providerId: props.freed.providerId,
        locationId: props.freed.locationId,
        typeId: entry.typeId,
        date: props.freed.date,
        time: props.freed.time,
        fromWaitlist: { id: entry.id, version: entry.version },
      });
      toast.success(`Booked ${entry.patientName} from the waitlist at ${formatLocalTime(props.freed.time)}`);
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusyId(undefined);
    }
  };
  return (
    <Dialog open={true} title="Offer the freed time" onClose={() => props.onClose()}>
      <p>
        {when()} is free again. These patients on the waitlist want a time like it (first come, first
        offered). Call them, then book the one who takes it.
      </p>
      <FormAlert message={error()} />
      <ul class="offer-list" aria-label="Waitlist patients this time fits">
        <For each={props.matches}>
          {(entry) => (
            <li class="offer-item">
              <span>
                <strong>{entry.patientName}</strong> · {typeName(entry.typeId)}
                <span class="nowrap">
                  {' '}
                  · {phones.latest?.get(entry.patientId) ?? (phones.loading ? '…' : 'no phone on file')}
                </span>
                <Show when={entry.note}>
                  <span class="muted"> · {entry.note}</span>
                </Show>
              </span>
              <Button
                size="sm"
                variant="primary"
                busy={busyId() === entry.id}
                onClick={() => offerTo(entry)}
                aria-label={`Book ${entry.patientName} at ${formatLocalTime(props.freed.time)}`}
              >
                Book
              </Button>
            </li>
          )}
        </For>
      </ul>
      <div class="button-row">
        <Button onClick={() => props.onClose()}>Not now</Button>
      </div>
    </Dialog>
  );
}
