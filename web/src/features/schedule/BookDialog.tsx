import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Patient, Provider } from '../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { book, findSlots, listTypes, type Slot } from './api.ts';
import { PatientPicker } from './PatientPicker.tsx';

/** Book from the slot finder: a type, optional provider, a free time, then the patient. */
export function BookDialog(props: {
  open: boolean;
  location: Location;
  date: string;
  providers: Provider[];
  onClose: () => void;
}) {
  const types = createAsync(() => listTypes());
  const [typeId, setTypeId] = createSignal('');
  const [providerId, setProviderId] = createSignal('');
  const [slots, setSlots] = createSignal<Slot[]>();
  const [slot, setSlot] = createSignal<Slot>();
  const [patient, setPatient] = createSignal<Patient>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  // Retired types are not offered: a choice retired since is dropped for the first type still offered.
  const offered = () => (types()?.items ?? []).filter((t) => t.active);
  const type = () => (offered().some((t) => t.id === typeId()) ? typeId() : offered()[0]?.id) ?? '';
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? '';
  const reset = () => {
    setSlots(undefined);
    setSlot(undefined);
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
      setSlots(
        (
          await findSlots({
            typeId: type(),
            locationId: props.location.id,
            providerIds: providerId() ? [providerId()] : undefined,
            from: props.date,
          })
        ).slots,
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const confirmBooking = async () => {
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
      });
      toast.success(`Booked ${p.lastName}, ${p.firstName} on ${s.date} at ${s.time}`);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={props.open} title={`Book a visit at ${props.location.name}`} onClose={close}>
      <div class="stack">
        <SelectField
          label="Visit type"
          name="typeId"
          value={type()}
          onChange={(v) => {
            setTypeId(v);
            setSlots(undefined);
          }}
          options={offered().map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
        />
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
        <Button onClick={find} disabled={!type()}>
          Find next free times
        </Button>
        <Show when={slots()}>
          {(list) => (
            <fieldset class="slot-list">
              <legend>Free times from {props.date}</legend>
              <Show when={list().length} fallback={<p class="muted">No free time in the next 14 days.</p>}>
                <For each={list()}>
                  {(s) => (
                    <label class="slot">
                      <input
                        type="radio"
                        name="slot"
                        checked={slot()?.start === s.start && slot()?.providerId === s.providerId}
                        onChange={() => setSlot(s)}
                      />
                      {s.date} {s.time} · {providerName(s.providerId)}
                    </label>
                  )}
                </For>
              </Show>
            </fieldset>
          )}
        </Show>
        <Show when={slot()}>
          <PatientPicker selected={patient()} onSelect={setPatient} />
        </Show>
        <Show when={slot() && patient()}>
          <p>
            <strong>
              {patient()!.lastName}, {patient()!.firstName}
            </strong>{' '}
            on {slot()!.date} at {slot()!.time} with {providerName(slot()!.providerId)}
          </p>
        </Show>
        <FormAlert message={error()} />
        <Button variant="primary" disabled={!slot() || !patient()} busy={busy()} onClick={confirmBooking}>
          Book visit
        </Button>
      </div>
    </Dialog>
  );
}
