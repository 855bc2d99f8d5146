import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { Provider, WaitlistEntry } from '../../../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatLocalDayTime, formatLocalTime } from '../../lib/format.ts';
import { mutate } from '../../lib/mutation.ts';
import { book, findSlots, type Slot } from './api.ts';
import { listWaitlist } from './waitlist-api.ts';

/** A waiting patient's hours as "8:00 AM–11:00 AM", "open–11:00 AM" or "8:00 AM–close". */
export function waitingHours(e: Pick<WaitlistEntry, 'fromTime' | 'toTime'>): string {
  return `${e.fromTime ? formatLocalTime(e.fromTime) : 'open'}–${e.toTime ? formatLocalTime(e.toTime) : 'close'}`;
}

/** The slot finder looks this many days ahead at most (SlotQuerySchema). */
const MAX_DAYS = 30;

/** Free times inside a waiting patient's dates and hours, soonest first. */
async function timesFor(entry: WaitlistEntry, today: string): Promise<Slot[]> {
  const from = entry.earliestDate > today ? entry.earliestDate : today;
  if (from > entry.latestDate) return [];
  const days = Math.min(MAX_DAYS, (Date.parse(entry.latestDate) - Date.parse(from)) / 86_400_000 + 1);
  const { slots } = await findSlots({
    typeId: entry.typeId,
    locationId: entry.locationId,
    providerIds: entry.providerIds,
    from,
    days,
    limit: 50,
  });
  return slots
    .filter((s) => s.date <= entry.latestDate)
    .filter((s) => (!entry.fromTime || s.time >= entry.fromTime) && (!entry.toTime || s.time < entry.toTime))
    .slice(0, 12);
}

/**
 * Books a waiting patient without waiting for a cancellation: the free times that fit their
 * entry, one click to book (the entry closes in the same step).
 */
export function WaitlistFindTime(props: {
  entry: WaitlistEntry | undefined;
  timeZone: (locationId: string) => string;
  providers: Provider[];
  onClose: () => void;
}) {
  const [slots, setSlots] = createSignal<Slot[]>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal<string>();
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? '';
  createEffect(
    on(
      () => props.entry,
      async (entry) => {
        setSlots(undefined);
        setError(undefined);
        if (!entry) return;
        try {
          const today = localParts(Date.now(), props.timeZone(entry.locationId)).date;
          setSlots(await timesFor(entry, today));
        } catch (err) {
          setError(errorMessage(err));
          setSlots([]);
        }
      },
    ),
  );
  const take = async (entry: WaitlistEntry, s: Slot) => {
    setBusy(s.start + s.providerId);
    setError(undefined);
    try {
      await mutate(
        book({
          patientId: entry.patientId,
          providerId: s.providerId,
          locationId: entry.locationId,
          typeId: entry.typeId,
          date: s.date,
          time: s.time,
          fromWaitlist: { id: entry.id, version: entry.version },
        }),
        listWaitlist.key,
      );
      toast.success(`Booked ${entry.patientName} from the waitlist on ${formatLocalDayTime(s.date, s.time)}`);
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Show when={props.entry}>
      {(entry) => (
        <Dialog open={true} title={`Find a time for ${entry().patientName}`} onClose={() => props.onClose()}>
          <p class="muted">
            Free times from {formatCalendarDate(entry().earliestDate)} to{' '}
            {formatCalendarDate(entry().latestDate)}
            {entry().fromTime || entry().toTime ? `, ${waitingHours(entry())}` : ''}
            {addDays(entry().earliestDate, MAX_DAYS) <= entry().latestDate
              ? ` (the next ${MAX_DAYS} days)`
              : ''}
            .
          </p>
          <FormAlert message={error()} />
          <Show when={slots()} fallback={<Loading label="Finding free times…" />}>
            {(found) => (
              <Show
                when={found().length > 0}
                fallback={
                  <p>
                    No free time fits yet. The patient stays on the waitlist and is offered cancellations.
                  </p>
                }
              >
                <ul class="offer-list" aria-label="Free times that fit">
                  <For each={found()}>
                    {(s) => (
                      <li class="offer-item">
                        <span>
                          {formatLocalDayTime(s.date, s.time)} · {providerName(s.providerId)}
                        </span>
                        <Button
                          size="sm"
                          variant="primary"
                          busy={busy() === s.start + s.providerId}
                          onClick={() => take(entry(), s)}
                          aria-label={`Book ${entry().patientName} on ${formatLocalDayTime(s.date, s.time)} with ${providerName(s.providerId)}`}
                        >
                          Book
                        </Button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
          <div class="button-row">
            <Button onClick={() => props.onClose()}>Close</Button>
          </div>
        </Dialog>
      )}
    </Show>
  );
}
