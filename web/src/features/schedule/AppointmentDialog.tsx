import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
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
import { cancelVisit, moveVisit, setStatus } from './api.ts';
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
  const rooms = createAsync(() => listResources());
  // .latest: the name fills in when loaded instead of suspending the open dialog.
  const roomName = (id: string) => rooms.latest?.items.find((r) => r.id === id)?.name ?? 'a room';
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [moving, setMoving] = createSignal(false);
  const [to, setTo] = createSignal({ date: '', time: '', providerId: '' });
  const [offer, setOffer] = createSignal<{ freed: Appointment; matches: WaitlistEntry[] }>();

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      toast.success(done);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOffer(undefined);
    setMoving(false);
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
      message: `${a.date} at ${a.time}. ${by === 'patient' && Date.parse(a.start) - Date.now() < 86_400_000 ? 'Within 24 hours: it counts as a late cancel.' : 'The time becomes free to book.'}`,
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
  const moveAndOffer = async (a: Appointment) => {
    setBusy(true);
    setError(undefined);
    try {
      const moved = await moveVisit(a, to());
      toast.success(`Moved to ${to().date} ${to().time}`);
      if (moved.waitlistMatches.length) setOffer({ freed: a, matches: moved.waitlistMatches });
      else close();
    } catch (err) {
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
      <Show when={props.appointment}>
        {(a) => (
          <Dialog open={true} title={`${a().patientName} · ${a().time}`} onClose={close}>
            <p>
              {a().typeName}, {a().date} {a().time}–{a().endTime} <StatusBadge status={a().status} />
            </p>
            <Show when={a().roomId}>{(id) => <p>Room: {roomName(id())}</p>}</Show>
            <Show when={a().lateCancel}>
              <p class="muted">Late cancel (within 24 hours)</p>
            </Show>
            <FormAlert message={error()} />
            <Show
              when={moving()}
              fallback={
                <div class="sched-actions">
                  <For each={NEXT[a().status] ?? []}>
                    {(step) => (
                      <Button
                        variant={step.status === 'no_show' ? 'secondary' : 'primary'}
                        busy={busy()}
                        onClick={() =>
                          run(
                            () => setStatus(a(), step.status),
                            `${a().patientName}: ${step.label.toLowerCase()}`,
                          )
                        }
                      >
                        {step.label}
                      </Button>
                    )}
                  </For>
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
                <div class="sched-actions">
                  <Button type="submit" variant="primary" busy={busy()}>
                    Move visit
                  </Button>
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
