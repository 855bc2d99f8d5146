import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Patient, PatientInputSchema, type Provider } from '../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { book, createPatient, findSlots, listTypes, type Slot, searchPatients } from './api.ts';

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
  const [q, setQ] = createSignal('');
  const [found, setFound] = createSignal<Patient[]>([]);
  const [patient, setPatient] = createSignal<Patient>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [adding, setAdding] = createSignal(false);
  const [draft, setDraft] = createStore({
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
  });
  const form = createForm();
  let newPatientForm: HTMLFormElement | undefined;

  const type = () => typeId() || types()?.items[0]?.id || '';
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? '';
  const reset = () => {
    setSlots(undefined);
    setSlot(undefined);
    setPatient(undefined);
    setFound([]);
    setQ('');
    setAdding(false);
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
            providerId: providerId(),
            from: props.date,
          })
        ).slots,
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const search = async () => setFound((await searchPatients(q().trim())).items);
  const addPatient = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      dateOfBirth: draft.dateOfBirth,
      phone: optional(draft.phone),
      email: optional(draft.email),
      preferredContact: draft.email ? 'email' : draft.phone ? 'phone' : 'none',
    };
    await form.submit(newPatientForm, PatientInputSchema, body, async (data) => {
      const created = await createPatient(data);
      if (created.possibleDuplicateOf.length)
        toast.success('Added. Possible duplicate: a patient with this name and birth date exists.');
      setPatient(created);
      setAdding(false);
    });
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
          options={(types()?.items ?? [])
            .filter((t) => t.active)
            .map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
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
          <Show
            when={!adding()}
            fallback={
              <form
                ref={newPatientForm}
                class="form stack"
                novalidate
                onSubmit={addPatient}
                aria-label="New patient"
              >
                <TextField
                  label="First name"
                  name="firstName"
                  value={draft.firstName}
                  onInput={(v) => setDraft('firstName', v)}
                  error={form.error('firstName')}
                  required
                />
                <TextField
                  label="Last name"
                  name="lastName"
                  value={draft.lastName}
                  onInput={(v) => setDraft('lastName', v)}
                  error={form.error('lastName')}
                  required
                />
                <TextField
                  label="Date of birth"
                  name="dateOfBirth"
                  type="date"
                  value={draft.dateOfBirth}
                  onInput={(v) => setDraft('dateOfBirth', v)}
                  error={form.error('dateOfBirth')}
                  required
                />
                <TextField
                  label="Mobile phone"
                  name="phone"
                  type="tel"
                  value={draft.phone}
                  onInput={(v) => setDraft('phone', v)}
                  error={form.error('phone')}
                  optional
                />
                <TextField
                  label="Email"
                  name="email"
                  type="email"
                  value={draft.email}
                  onInput={(v) => setDraft('email', v)}
                  error={form.error('email')}
                  optional
                />
                <FormAlert message={form.formError()} />
                <Button type="submit" variant="primary" busy={form.sending()}>
                  Add patient
                </Button>
              </form>
            }
          >
            <form
              class="patient-search"
              aria-label="Find a patient"
              onSubmit={(e) => {
                e.preventDefault();
                void search();
              }}
            >
              <TextField label="Patient last name" name="q" type="search" value={q()} onInput={setQ} />
              <Button type="submit">Search</Button>
              <Button variant="ghost" onClick={() => setAdding(true)}>
                New patient
              </Button>
            </form>
            <For each={found()}>
              {(p) => (
                <label class="slot">
                  <input
                    type="radio"
                    name="patient"
                    checked={patient()?.id === p.id}
                    onChange={() => setPatient(p)}
                  />
                  {p.lastName}, {p.firstName} · born {p.dateOfBirth}
                </label>
              )}
            </For>
          </Show>
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
