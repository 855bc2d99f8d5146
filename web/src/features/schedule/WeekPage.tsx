import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import type { Appointment, WaitlistEntry } from '../../../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../../../shared/time.ts';
import { me } from '../../app/session.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatLocalDay, formatLocalDayTime } from '../../lib/format.ts';
import { AppointmentDialog } from './AppointmentDialog.tsx';
import { getWeek, listLocations, listProviders, listTypes, moveVisit } from './api.ts';
import { BookDialog } from './BookDialog.tsx';
import { NoProviders } from './NoLocation.tsx';
import { ScheduleNav } from './ScheduleNav.tsx';
import { GONE, offReason, TimeGrid } from './TimeGrid.tsx';
import { WaitlistOffer } from './WaitlistOffer.tsx';

/** One provider's week, Monday to Sunday: book on an empty time, drag a visit to another day or time, or use "Move…". */
export function WeekPage() {
  const providers = createAsync(() => listProviders());
  const locations = createAsync(() => listLocations());
  const types = createAsync(() => listTypes());
  const active = createMemo(() => (providers()?.items ?? []).filter((p) => p.active));
  const [chosen, setChosen] = createSignal('');
  // A provider who signs in sees their own week first.
  const mine = () => active().find((p) => p.userId && p.userId === me()?.user.id);
  const provider = createMemo(() => active().find((p) => p.id === chosen()) ?? mine() ?? active()[0]);
  // The week is read in the zone of the provider's first location, as the API does.
  const timeZone = () =>
    locations()?.items.find((l) => l.id === provider()?.locationIds[0])?.timeZone ?? 'UTC';
  const [weekOf, setWeekOf] = createSignal('');
  const anchor = () => weekOf() || localParts(Date.now(), timeZone()).date;
  const week = createAsync(async () => (provider() ? getWeek(provider()!.id, anchor()) : undefined));
  const [showCancelled, setShowCancelled] = createSignal(false);
  const [open, setOpen] = createSignal<Appointment>();
  // An empty time clicked (or Enter on it) in the grid: book exactly there.
  const [pickedAt, setPickedAt] = createSignal<{ providerId: string; date: string; time: string }>();
  const weekLocation = () => locations()?.items.find((l) => l.id === provider()?.locationIds[0]);
  // The old time of a dragged visit, offered to matching waitlist patients.
  const [offer, setOffer] = createSignal<{ freed: Appointment; matches: WaitlistEntry[] }>();

  const days = () => {
    const start = week()?.weekStart;
    if (!start) return [];
    return [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const date = addDays(start, i);
      const hours = week()?.days.find((d) => d.date === date);
      return {
        id: date,
        label: formatLocalDay(date),
        open: hours?.open,
        offReason: offReason(hours?.closed),
      };
    });
  };
  const visible = () => (week()?.appointments ?? []).filter((a) => showCancelled() || !GONE.has(a.status));
  const booked = () => visible().filter((a) => !GONE.has(a.status)).length;

  const drop = async (a: Appointment, date: string, time: string) => {
    try {
      const moved = await moveVisit(a, { date, time, providerId: a.providerId });
      if (moved.waitlistMatches.length) setOffer({ freed: a, matches: moved.waitlistMatches });
      toast.success(`Moved to ${formatLocalDayTime(date, time)}`);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title="Week" description="One provider’s week; times are the location’s local time." />
      <ScheduleNav />
      <Show
        when={provider()}
        fallback={
          <Show when={providers()} fallback={<Loading label="Loading providers…" />}>
            <NoProviders />
          </Show>
        }
      >
        {(p) => (
          <>
            <div class="sched-toolbar">
              <SelectField
                label="Provider"
                name="provider"
                value={p().id}
                onChange={setChosen}
                options={active().map((x) => ({ value: x.id, label: x.name }))}
              />
              <TextField
                label="Week of"
                name="weekOf"
                type="date"
                value={anchor()}
                onInput={(v) => setWeekOf(v)}
              />
              <fieldset class="sched-nav">
                <legend class="visually-hidden">Change week</legend>
                <Button size="sm" onClick={() => setWeekOf(addDays(anchor(), -7))}>
                  Previous week
                </Button>
                <Button size="sm" onClick={() => setWeekOf('')}>
                  This week
                </Button>
                <Button size="sm" onClick={() => setWeekOf(addDays(anchor(), 7))}>
                  Next week
                </Button>
              </fieldset>
              <Checkbox
                label="Show cancelled and moved"
                name="showCancelled"
                checked={showCancelled()}
                onChange={setShowCancelled}
              />
            </div>
            <Show when={week()} fallback={<Loading label="Loading the week…" />}>
              {(w) => (
                <>
                  <p class="muted" aria-live="polite">
                    {booked()} visits booked for {p().name}, week of {formatCalendarDate(w().weekStart)}.
                  </p>
                  <TimeGrid
                    label={`${p().name}, week of ${formatCalendarDate(w().weekStart)}`}
                    columns={days()}
                    appointments={visible()}
                    columnOf={(a) => a.date}
                    onOpen={setOpen}
                    onDrop={(a, date, time) => void drop(a, date, time)}
                    onPick={(date, time) => setPickedAt({ providerId: p().id, date, time })}
                  />
                </>
              )}
            </Show>
          </>
        )}
      </Show>
      <Show when={offer()}>
        {(o) => (
          <WaitlistOffer
            freed={o().freed}
            matches={o().matches}
            types={types()?.items ?? []}
            onClose={() => setOffer(undefined)}
          />
        )}
      </Show>
      <Show when={weekLocation() && provider() && pickedAt()}>
        {(at) => (
          <BookDialog
            open
            location={weekLocation()!}
            date={at().date}
            providers={[provider()!]}
            at={at()}
            onClose={() => setPickedAt(undefined)}
          />
        )}
      </Show>
      <AppointmentDialog
        appointment={open()}
        providers={active()}
        types={types()?.items ?? []}
        onClose={() => setOpen(undefined)}
      />
    </>
  );
}
