import { createAsync, useSearchParams } from '@solidjs/router';
import {
  type ComponentProps,
  createEffect,
  createMemo,
  createSignal,
  For,
  onCleanup,
  Show,
  Suspense,
  splitProps,
} from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type {
  Appointment,
  DayHours,
  Provider,
  WaitlistEntry,
} from '../../../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../../../shared/time.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FieldPlaceholder, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatLocalDayTime, formatLocalTime } from '../../lib/format.ts';
import { createLater, Later } from '../../lib/later.tsx';
import { onDemand } from '../../lib/on-demand.ts';
import { getBoard, moveVisit } from './api.ts';
import { NoLocation, NoProviders } from './NoLocation.tsx';
import { ScheduleNav } from './ScheduleNav.tsx';
import { GONE, offReason, TimeGrid } from './TimeGrid.tsx';

// The dialogs (and the patient search, forms and schemas they bring) are fetched when first opened:
// the day's first paint needs only the grid.
const bookDialog = onDemand(() => import('./BookDialog.tsx').then((m) => m.BookDialog));
const appointmentDialog = onDemand(() => import('./AppointmentDialog.tsx').then((m) => m.AppointmentDialog));
const waitlistOffer = onDemand(() => import('./WaitlistOffer.tsx').then((m) => m.WaitlistOffer));

/** The front desk's day: one column per provider, drag or "Move…" to reschedule, and the flow board. */
export function SchedulePage() {
  // Location and date live in the address (bookmarkable, and the route preloads the same board).
  const [params, setParams] = useSearchParams<{ book?: string; location?: string; date?: string }>();
  const board = createAsync(() => getBoard(params.location, params.date));
  const locations = () => board()?.locations;
  const location = () => board()?.locations.find((l) => l.id === board()?.locationId);
  const setLocationId = (id: string) => setParams({ location: id }, { replace: true });
  const setDate = (d: string) => setParams({ date: d || undefined }, { replace: true });
  const today = () => (location() ? localParts(Date.now(), location()!.timeZone).date : '');
  const day = () => board()?.date ?? '';
  const hours = () => board()?.hours;
  const types = () => ({ items: board()?.types ?? [] });
  const columns = () => board()?.providers ?? [];
  const [showCancelled, setShowCancelled] = createSignal(false);
  const [tab, setTab] = createSignal<'day' | 'flow'>('day');
  const [open, setOpen] = createSignal<Appointment>();
  // The old time of a dragged visit, offered to matching waitlist patients.
  const [offer, setOffer] = createSignal<{ freed: Appointment; matches: WaitlistEntry[] }>();
  // ?book=1 (the setup guide's last step) opens the Book dialog.
  const [booking, setBookingOpen] = createSignal(params.book === '1');
  // A time picked on the grid (click or Enter on an empty cell) books exactly there.
  const [pickedAt, setPickedAt] = createSignal<{ providerId: string; date: string; time: string }>();
  const setBooking = (open: boolean) => {
    setBookingOpen(open);
    if (!open) setPickedAt(undefined);
    if (!open && params.book) setParams({ book: undefined }, { replace: true });
  };
  const visible = () => (board()?.appointments ?? []).filter((a) => showCancelled() || !GONE.has(a.status));
  createEffect(() => booking() && bookDialog.load());
  createEffect(() => open() && appointmentDialog.load());
  createEffect(() => offer() && waitlistOffer.load());

  const drop = async (a: Appointment, providerId: string, time: string) => {
    const provider = columns().find((p) => p.id === providerId);
    try {
      const moved = await moveVisit(a, { date: day(), time, providerId });
      if (moved.waitlistMatches.length) setOffer({ freed: a, matches: moved.waitlistMatches });
      toast.success(`Moved to ${formatLocalDayTime(day(), time)} with ${provider?.name ?? 'the provider'}`);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title="Schedule"
        description="Book, check in and move visits; every time is the location's local time."
        actions={
          // Its own boundary, as the schedule's below: the heading does not wait for the board. The
          // button holds its place meanwhile, so nothing below moves when the board comes in.
          <Suspense
            fallback={
              <Button variant="primary" disabled>
                Book a visit
              </Button>
            }
          >
            <Show when={location()}>
              <Button variant="primary" onClick={() => setBooking(true)}>
                Book a visit
              </Button>
            </Show>
          </Suspense>
        }
      />
      <ScheduleNav />
      {/*
        The heading and the schedule's pages show with the shell, the day once the board is in:
        the first paint does not wait for the board, and the page's first render is two shorter
        tasks (on a mid-range phone, one task of the whole page blocks input for a fifth of a second).
      */}
      <Suspense fallback={<Loading label="Loading the schedule…" />}>
        <Show when={board()} fallback={<Loading label="Loading the schedule…" />}>
          <Show when={location()} fallback={<NoLocation purpose="The schedule is kept per location." />}>
            <div class="sched-toolbar">
              {/* A phone spends tens of milliseconds on a page's first select and first date input:
                  each comes in a task of its own, its place held, so no task of the toolbar is long. */}
              <Later
                fallback={
                  <>
                    <FieldPlaceholder label="Location" />
                    <FieldPlaceholder label="Date" />
                  </>
                }
              >
                <SelectField
                  label="Location"
                  name="location"
                  value={location()?.id ?? ''}
                  onChange={(v) => setLocationId(v)}
                  options={(locations() ?? []).map((l) => ({ value: l.id, label: l.name }))}
                />
                <Later fallback={<FieldPlaceholder label="Date" />}>
                  <TextField label="Date" name="date" type="date" value={day()} onInput={(v) => setDate(v)} />
                </Later>
              </Later>
              <fieldset class="sched-nav">
                <legend class="visually-hidden">Change day</legend>
                <Button size="sm" onClick={() => setDate(addDays(day(), -1))}>
                  Previous day
                </Button>
                <Button size="sm" onClick={() => setDate(today())}>
                  Today
                </Button>
                <Button size="sm" onClick={() => setDate(addDays(day(), 1))}>
                  Next day
                </Button>
              </fieldset>
              <label class="checkbox-row sched-toggle">
                <input
                  class="checkbox"
                  type="checkbox"
                  checked={showCancelled()}
                  onChange={(e) => setShowCancelled(e.currentTarget.checked)}
                />
                Show cancelled and moved
              </label>
            </div>
            <div class="tabs" role="tablist" aria-label="Schedule views">
              <button
                type="button"
                role="tab"
                class="tab"
                aria-selected={tab() === 'day'}
                onClick={() => setTab('day')}
              >
                Day
              </button>
              <button
                type="button"
                role="tab"
                class="tab"
                aria-selected={tab() === 'flow'}
                onClick={() => setTab('flow')}
              >
                Patient flow
              </button>
            </div>
            <Show when={tab() === 'day'} fallback={<FlowBoard appointments={visible()} onOpen={setOpen} />}>
              <Show when={columns().length > 0} fallback={<NoProviders locationName={location()!.name} />}>
                <DayGrid
                  label={`Appointments on ${day()}`}
                  providers={columns()}
                  hours={hours()}
                  appointments={visible()}
                  columnOf={(a) => a.providerId}
                  onOpen={setOpen}
                  onDrop={(a, providerId, time) => void drop(a, providerId, time)}
                  onPick={(providerId, time) => {
                    setPickedAt({ providerId, date: day(), time });
                    setBookingOpen(true);
                  }}
                />
              </Show>
            </Show>
          </Show>
        </Show>
        <Show when={offer() && waitlistOffer.component()}>
          {(WaitlistOffer) => (
            <Dynamic
              component={WaitlistOffer()}
              freed={offer()!.freed}
              matches={offer()!.matches}
              types={types()?.items ?? []}
              onClose={() => setOffer(undefined)}
            />
          )}
        </Show>
        <Show when={appointmentDialog.component()}>
          {(AppointmentDialog) => (
            <Dynamic
              component={AppointmentDialog()}
              appointment={open()}
              providers={columns()}
              types={types()?.items ?? []}
              onClose={() => setOpen(undefined)}
            />
          )}
        </Show>
        <Show when={location() && bookDialog.component()}>
          {(BookDialog) => (
            <Dynamic
              component={BookDialog()}
              open={booking()}
              location={location()!}
              date={day()}
              providers={columns()}
              at={pickedAt()}
              onClose={() => setBooking(false)}
            />
          )}
        </Show>
      </Suspense>
    </>
  );
}

/**
 * The day's grid, one column per provider. Its columns are a memo (the grid reads them in several
 * places, and each read would build them anew) made here, under the day's own Suspense boundary: a
 * memo reads the board as soon as it is made, and made in the page it would hold the whole page,
 * heading and all, until the board is in.
 */
function DayGrid(
  props: Omit<ComponentProps<typeof TimeGrid>, 'columns'> & { providers: Provider[]; hours?: DayHours },
) {
  const [day, grid] = splitProps(props, ['providers', 'hours']);
  const columns = createMemo(() =>
    day.providers.map((p) => {
      const h = day.hours?.providers.find((x) => x.providerId === p.id);
      return {
        id: p.id,
        label: p.name,
        color: p.color,
        // A provider with no hours here today is off all day; unknown (still loading) shades nothing.
        open: day.hours ? (h?.open ?? []) : undefined,
        offReason: offReason(h?.closed),
      };
    }),
  );
  // A task after the toolbar: the board's arrival is drawn in two shorter tasks, not one long one.
  const shown = createLater();
  return (
    <Show when={shown()}>
      <TimeGrid {...grid} columns={columns()} />
    </Show>
  );
}

const FLOW_COLUMNS = [
  { title: 'Expected', statuses: ['scheduled', 'confirmed'], since: 'scheduled' },
  { title: 'Arrived', statuses: ['arrived'], since: 'arrived' },
  { title: 'In room', statuses: ['in_room'], since: 'in_room' },
  { title: 'Checked out', statuses: ['checked_out'], since: 'checked_out' },
] as const;

/** Today's patients by status, with minutes in that status (refreshed every minute). */
function FlowBoard(props: { appointments: Appointment[]; onOpen: (a: Appointment) => void }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  const minutesIn = (a: Appointment, status: string) => {
    const since = a.statusTimes[status] ?? a.statusTimes[a.status];
    return since ? Math.max(0, Math.round((now() - Date.parse(since)) / 60_000)) : 0;
  };
  return (
    <div class="flow-board">
      <For each={FLOW_COLUMNS}>
        {(col) => (
          <section class="flow-col" aria-label={col.title}>
            <h2>
              {col.title}{' '}
              <span class="muted">
                (
                {
                  props.appointments.filter((a) => (col.statuses as readonly string[]).includes(a.status))
                    .length
                }
                )
              </span>
            </h2>
            <ul>
              <For
                each={props.appointments.filter((a) =>
                  (col.statuses as readonly string[]).includes(a.status),
                )}
              >
                {(a) => (
                  <li>
                    <button type="button" class="flow-card" onClick={() => props.onOpen(a)}>
                      <strong>{a.patientName}</strong>
                      <span>
                        {formatLocalTime(a.time)} · {a.typeName}
                      </span>
                      <span>
                        <StatusBadge status={a.status} /> {minutesIn(a, a.status)} min
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}
