import { createAsync } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import type {
  Appointment,
  AppointmentType,
  Provider,
  WaitlistEntry,
} from '../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatLocalDay, formatLocalDayTime, formatLocalTime } from '../../lib/format.ts';
import { cancelVisit, getPatient, moveVisit, setStatus, undoStatus } from './api.ts';
import { isOutsideHours, OverrideHours } from './OverrideHours.tsx';
import { listResources } from './setup/api.ts';
import { WaitlistOffer } from './WaitlistOffer.tsx';

/** The next step of the day's flow from each status, and its button label. */
const NEXT: Record<string, { status: string; label: string }[]> = {
  scheduled: [
    { status: 'confirmed', label: 'Confirm' },
    { status: 'arrived', label: 'Check in' },
    { status: 'no_show', label: 'No-show' },
  ],
  confirmed: [
    { status: 'arrived', label: 'Check in' },
    { status: 'no_show', label: 'No-show' },
  ],
  arrived: [{ status: 'in_room', label: 'Room' }],
  in_room: [{ status: 'checked_out', label: 'Check out' }],
};

/** One visit: the flow actions, "Move…" (the keyboard way to reschedule) and cancel. */
export function AppointmentDialog(props: {
  appointment?: Appointment;
  providers: Provider[];
  types: AppointmentType[];
  onClose: () => void;
}) {
  // Only a visit with a room needs the room list (not the schedule's first paint).
  const rooms = createAsync(async () => (props.appointment?.roomId ? listResources() : undefined));
  // .latest: the name fills in when loaded instead of suspending the open dialog.
  const roomName = (id: string) => rooms.latest?.items.find((r) => r.id === id)?.name ?? 'a room';
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [moving, setMoving] = createSignal(false);
  const [to, setTo] = createSignal({ date: '', time: '', providerId: '' });
  const [offer, setOffer] = createSignal<{ freed: Appointment; matches: WaitlistEntry[] }>();
  // The visit as the server last answered: the dialog stays open through check-in → room → check-out.
  const [current, setCurrent] = createSignal<Appointment>();
  createEffect(() => setCurrent(props.appointment));
  const [patient] = createResource(() => props.appointment?.patientId, getPatient);
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? '';

  /** A flow step: the dialog shows the new status and offers the next step (or the undo). */
  const step = async (work: () => Promise<Appointment>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setCurrent(await work());
      toast.success(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOffer(undefined);
    setMoving(false);
    setMoveOutside(false);
    setError(undefined);
    props.onClose();
  };
  const startMove = (a: Appointment) => {
    setTo({ date: a.date, time: a.time, providerId: a.providerId });
    setMoving(true);
  };
  const cancel = async (a: Appointment, by: 'patient' | 'practice') => {
    const ok = await confirm({
      title: `Cancel ${a.patientName}'s visit?`,
      message: `${formatLocalDayTime(a.date, a.time)}. ${by === 'patient' && Date.parse(a.start) - Date.now() < 86_400_000 ? 'Within 24 hours: it counts as a late cancel.' : 'The time becomes free to book.'}`,
      confirmLabel: 'Cancel visit',
      cancelLabel: 'Keep visit',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await cancelVisit(a, by);
      toast.success('Visit cancelled');
      // The freed time fits waiting patients: offer it before closing.
      if (result.waitlistMatches.length) setOffer({ freed: a, matches: result.waitlistMatches });
      else close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // A moved visit frees its old time too: offer it like a cancellation.
  const [moveOutside, setMoveOutside] = createSignal(false);
  const moveAndOffer = async (a: Appointment, override?: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const moved = await moveVisit(a, { ...to(), override });
      toast.success(`Moved to ${formatLocalDayTime(to().date, to().time)}`);
      if (moved.waitlistMatches.length) setOffer({ freed: a, matches: moved.waitlistMatches });
      else close();
    } catch (err) {
      setMoveOutside(isOutsideHours(err));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show
      when={!offer()}
      fallback={
        <Show when={offer()}>
          {(o) => (
            <WaitlistOffer freed={o().freed} matches={o().matches} types={props.types} onClose={close} />
          )}
        </Show>
      }
    >
      <Show when={current()}>
        {(a) => (
          <Dialog
            open={true}
            title={`${a().patientName} · ${formatLocalTime(a().time)}`}
            onClose={close}
            footer={<Button onClick={close}>Close</Button>}
          >
            <p>
              {a().typeName}, {formatLocalDay(a().date)} {formatLocalTime(a().time)}–
              {formatLocalTime(a().endTime)} <StatusBadge status={a().status} />
            </p>
            <dl class="details visit-details">
              <div>
                <dt>Provider</dt>
                <dd>{providerName(a().providerId) || '—'}</dd>
              </div>
              <Show when={a().roomId}>
                {(id) => (
                  <div>
                    <dt>Room</dt>
                    <dd>{roomName(id())}</dd>
                  </div>
                )}
              </Show>
              <Show when={patient()}>
                {(p) => (
                  <>
                    <div>
                      <dt>Phone</dt>
                      <dd>{p().phone ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>Born</dt>
                      <dd>{formatCalendarDate(p().dateOfBirth)}</dd>
                    </div>
                    <div>
                      <dt>Insurance</dt>
                      <dd class="break">
                        {p().insurancePayer
                          ? `${p().insurancePayer}${p().memberId ? ` · ${p().memberId}` : ''}`
                          : 'Self-pay / not on file'}
                      </dd>
                    </div>
                    <div>
                      <dt>Eligibility</dt>
                      <dd>
                        {p().eligibilityVerifiedOn
                          ? `Verified ${formatCalendarDate(p().eligibilityVerifiedOn!)}`
                          : 'Not verified yet'}
                      </dd>
                    </div>
                  </>
                )}
              </Show>
            </dl>
            <Show when={a().lateCancel}>
              <p class="muted">Late cancel (within 24 hours)</p>
            </Show>
            <FormAlert message={error()} />
            <Show
              when={moving()}
              fallback={
                <div class="sched-actions">
                  <For each={NEXT[a().status] ?? []}>
                    {(s) => (
                      <Button
                        variant={s.status === 'no_show' ? 'secondary' : 'primary'}
                        busy={busy()}
                        onClick={() =>
                          step(() => setStatus(a(), s.status), `${a().patientName}: ${s.label.toLowerCase()}`)
                        }
                      >
                        {s.label}
                      </Button>
                    )}
                  </For>
                  <Show when={['no_show', 'checked_out'].includes(a().status)}>
                    <Button
                      busy={busy()}
                      onClick={() =>
                        step(
                          () => undoStatus(a()),
                          `${a().patientName}: ${a().status === 'no_show' ? 'no-show' : 'check-out'} undone`,
                        )
                      }
                    >
                      {a().status === 'no_show' ? 'Undo no-show' : 'Undo check-out'}
                    </Button>
                  </Show>
                  <Show when={['scheduled', 'confirmed'].includes(a().status)}>
                    <Button onClick={() => startMove(a())}>Move…</Button>
                    <Button variant="danger" onClick={() => cancel(a(), 'patient')}>
                      Cancel (patient)
                    </Button>
                    <Button variant="ghost" onClick={() => cancel(a(), 'practice')}>
                      Cancel (practice)
                    </Button>
                  </Show>
                </div>
              }
            >
              <form
                class="form stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  void moveAndOffer(a());
                }}
              >
                <TextField
                  label="New date"
                  name="date"
                  type="date"
                  value={to().date}
                  onInput={(v) => setTo({ ...to(), date: v })}
                  required
                />
                <TextField
                  label="New time"
                  name="time"
                  type="time"
                  value={to().time}
                  onInput={(v) => setTo({ ...to(), time: v })}
                  required
                />
                <SelectField
                  label="Provider"
                  name="providerId"
                  value={to().providerId}
                  onChange={(v) => setTo({ ...to(), providerId: v })}
                  options={props.providers.map((p) => ({ value: p.id, label: p.name }))}
                />
                <Show when={moveOutside()}>
                  <OverrideHours
                    action="Move outside hours"
                    busy={busy()}
                    onConfirm={(reason) => void moveAndOffer(a(), { reason })}
                  />
                </Show>
                <div class="sched-actions">
                  <Show when={!moveOutside()}>
                    <Button type="submit" variant="primary" busy={busy()}>
                      Move visit
                    </Button>
                  </Show>
                  <Button onClick={() => setMoving(false)}>Back</Button>
                </div>
              </form>
            </Show>
          </Dialog>
        )}
      </Show>
    </Show>
  );
}
