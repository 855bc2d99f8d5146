import { A, createAsync } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import type { PatientMatch, Provider } from '../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatLocalDay, formatLocalTime } from '../../lib/format.ts';
import { book, findSlots, listTypes, type Slot } from './api.ts';
import { isOutsideHours, OverrideHours } from './OverrideHours.tsx';
import { PatientPicker } from './PatientPicker.tsx';

/** Book from the slot finder: a type, optional provider, a free time, then the patient. */
export function BookDialog(props: {
  open: boolean;
  location: Location;
  date: string;
  providers: Provider[];
  /** A time picked on the grid: book exactly there (no slot finder). */
  at?: { providerId: string; date: string; time: string };
  onClose: () => void;
}) {
  // Read when the dialog opens, not at the schedule's first paint.
  const types = createAsync(async () => (props.open ? listTypes() : undefined));
  const [typeId, setTypeId] = createSignal('');
  const [providerId, setProviderId] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [found, setFound] = createSignal<{ slots: Slot[]; emptyReason?: string }>();
  const slots = () => found()?.slots;
  const setSlots = (v: undefined) => setFound(v);
  const start = () => from() || props.date;
  // Free times grouped by day, so two weeks of choices read like a calendar.
  const byDay = createMemo(() => {
    const days = new Map<string, Slot[]>();
    for (const s of slots() ?? []) days.set(s.date, [...(days.get(s.date) ?? []), s]);
    return [...days.entries()].map(([date, list]) => ({ date, list }));
  });
  const [slot, setSlot] = createSignal<Slot>();
  const [patient, setPatient] = createSignal<PatientMatch>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [outside, setOutside] = createSignal(false);
  // A time picked on the grid is the slot; the front desk only chooses the type and the patient.
  createEffect(() => {
    const at = props.open ? props.at : undefined;
    if (at) setSlot({ ...at, start: `${at.date}T${at.time}` });
  });

  // Retired types are not offered: a choice retired since is dropped for the first type still offered.
  const offered = () => (types.latest?.items ?? []).filter((t) => t.active);
  const type = () => (offered().some((t) => t.id === typeId()) ? typeId() : offered()[0]?.id) ?? '';
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? '';
  const reset = () => {
    setSlots(undefined);
    setSlot(undefined);
    setOutside(false);
    setPatient(undefined);
    setError(undefined);
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const find = async () => {
    setError(undefined);
    try {
      setFound(
        await findSlots({
          typeId: type(),
          locationId: props.location.id,
          providerIds: providerId() ? [providerId()] : undefined,
          from: start(),
          limit: 50,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const confirmBooking = async (override?: { reason: string }) => {
    const s = slot();
    const p = patient();
    if (!s || !p) return;
    setBusy(true);
    setError(undefined);
    try {
      await book({
        patientId: p.id,
        providerId: s.providerId,
        locationId: props.location.id,
        typeId: type(),
        date: s.date,
        time: s.time,
        override,
      });
      toast.success(
        `Booked ${p.lastName}, ${p.firstName} on ${formatLocalDay(s.date)} at ${formatLocalTime(s.time)}`,
      );
      close();
    } catch (err) {
      setOutside(isOutsideHours(err));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      title={`Book a visit at ${props.location.name}`}
      onClose={close}
      footer={<Button onClick={close}>Close</Button>}
    >
      <Show when={types.latest} fallback={<Loading label="Loading visit types…" />}>
        <Show when={offered().length > 0} fallback={<NothingToBook what="visit type" />}>
          <Show when={props.providers.length > 0} fallback={<NothingToBook what="provider" />}>
            <div class="stack">
              <SelectField
                label="Visit type"
                name="typeId"
                value={type()}
                onChange={(v) => {
                  setTypeId(v);
                  setSlots(undefined);
                }}
                options={offered().map((t) => ({
                  value: t.id,
                  label: `${t.name} (${t.durationMinutes} min)`,
                }))}
              />
              <Show
                when={!props.at}
                fallback={
                  <p>
                    <strong>
                      {formatLocalDay(props.at!.date)} at {formatLocalTime(props.at!.time)}
                    </strong>{' '}
                    with {providerName(props.at!.providerId)}
                  </p>
                }
              >
                <div class="form-row">
                  <SelectField
                    label="Provider"
                    name="providerId"
                    value={providerId()}
                    onChange={(v) => {
                      setProviderId(v);
                      setSlots(undefined);
                    }}
                    placeholder="Any provider"
                    options={props.providers.map((p) => ({ value: p.id, label: p.name }))}
                  />
                  <TextField
                    label="From"
                    name="from"
                    type="date"
                    value={start()}
                    onInput={(v) => {
                      setFrom(v);
                      setSlots(undefined);
                    }}
                  />
                </div>
                <Button onClick={find} disabled={!type() || !start()}>
                  Find next free times
                </Button>
                <Show when={slots()}>
                  {(list) => (
                    <fieldset class="slot-list">
                      <legend>Free times from {formatLocalDay(start())}</legend>
                      <Show
                        when={list().length}
                        fallback={
                          <p class="muted">{found()?.emptyReason ?? 'No free time in the next 14 days.'}</p>
                        }
                      >
                        <For each={byDay()}>
                          {(day) => (
                            <fieldset class="slot-day">
                              <legend class="slot-day-title">{formatLocalDay(day.date)}</legend>
                              <div class="slot-day-times">
                                <For each={day.list}>
                                  {(s) => (
                                    <label class="slot" data-date={s.date} data-time={s.time}>
                                      <input
                                        type="radio"
                                        name="slot"
                                        checked={
                                          slot()?.start === s.start && slot()?.providerId === s.providerId
                                        }
                                        onChange={() => setSlot(s)}
                                      />
                                      {formatLocalTime(s.time)}
                                      <Show when={!providerId()}>
                                        <span class="muted"> · {providerName(s.providerId)}</span>
                                      </Show>
                                    </label>
                                  )}
                                </For>
                              </div>
                            </fieldset>
                          )}
                        </For>
                      </Show>
                    </fieldset>
                  )}
                </Show>
              </Show>
              <Show when={slot()}>
                <PatientPicker selected={patient()} onSelect={setPatient} />
              </Show>
              <Show when={slot() && patient()}>
                <p>
                  <strong>
                    {patient()!.lastName}, {patient()!.firstName}
                  </strong>{' '}
                  on {formatLocalDay(slot()!.date)} at {formatLocalTime(slot()!.time)} with{' '}
                  {providerName(slot()!.providerId)}
                </p>
              </Show>
              <FormAlert message={error()} />
              <Show
                when={outside()}
                fallback={
                  <Button
                    variant="primary"
                    disabled={!slot() || !patient()}
                    busy={busy()}
                    onClick={() => confirmBooking()}
                  >
                    Book visit
                  </Button>
                }
              >
                <OverrideHours
                  action="Book outside hours"
                  busy={busy()}
                  onConfirm={(reason) => confirmBooking({ reason })}
                />
              </Show>
            </div>
          </Show>
        </Show>
      </Show>
    </Dialog>
  );
}

/** The dialog of a practice that cannot book yet: what is missing and where to add it. */
function NothingToBook(props: { what: 'visit type' | 'provider' }) {
  const admin = () => (me() ? canAccess(me()!, 'schedule-admin') : false);
  const tab = () => (props.what === 'provider' ? 'providers' : 'types');
  return (
    <div class="stack">
      <p>
        There is no {props.what} to book yet
        {props.what === 'provider' ? ' at this location' : ''}.{' '}
        {admin()
          ? `Add one in Schedule setup first${props.what === 'provider' ? ', with their weekly hours' : ''}.`
          : 'An owner or practice manager adds it in Schedule setup.'}
      </p>
      <Show when={admin()}>
        <div>
          <A href={`/app/schedule/setup?tab=${tab()}`} class="btn btn-primary">
            {props.what === 'provider' ? 'Add a provider' : 'Add a visit type'}
          </A>
        </div>
      </Show>
    </div>
  );
}
