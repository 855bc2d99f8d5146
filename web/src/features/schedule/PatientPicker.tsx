import { createSignal, For, onCleanup, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describePatientQuery, readPatientQuery } from '../../../../shared/patient-search.ts';
import { PatientInputSchema, type PatientMatch } from '../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPatient, searchPatients } from './api.ts';

/**
 * Find a patient by last name, "last, first", "first last", birth date or phone, or add a new one
 * (duplicates are flagged), and choose them. Results show birth date and phone: two Smiths differ.
 */
export function PatientPicker(props: {
  selected: PatientMatch | undefined;
  onSelect: (p: PatientMatch) => void;
}) {
  const [q, setQ] = createSignal('');
  const [found, setFound] = createSignal<PatientMatch[]>();
  /** The text the shown results answer, for the words of an empty result. */
  const [answered, setAnswered] = createSignal('');
  const [searchError, setSearchError] = createSignal<string>();
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
  const setPatient = (p: PatientMatch) => props.onSelect(p);
  const patient = () => props.selected;

  let asked = '';
  const search = async () => {
    setSearchError(undefined);
    const wanted = q().trim();
    asked = wanted;
    try {
      const page = await searchPatients(wanted);
      // A slower answer to an earlier keystroke must not replace the newer one.
      if (asked === wanted) {
        setAnswered(wanted);
        setFound(page.items);
      }
    } catch (err) {
      // Results of an earlier text would read as matches of this one ("02/30/1990" is no date).
      if (asked === wanted) setFound(undefined);
      setSearchError(errorMessage(err));
    }
  };
  // Searches as the name is typed, a quarter second after the last key.
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const typed = (v: string) => {
    setQ(v);
    clearTimeout(timer);
    if (v.trim()) timer = setTimeout(() => void search(), 250);
    else setFound(undefined);
  };
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
      // The new patient is the search result now (not the "No patient found" of before).
      setQ(created.lastName);
      setAnswered(created.lastName);
      setFound([created]);
      setAdding(false);
    });
  };

  return (
    <div class="stack">
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
          <TextField
            label="Patient last name, first name, birth date (MM/DD/YYYY) or phone"
            name="q"
            type="search"
            value={q()}
            onInput={typed}
            autocomplete="off"
            spellcheck={false}
          />
          <Button type="submit">Search</Button>
          <Button variant="ghost" onClick={() => setAdding(true)}>
            New patient
          </Button>
        </form>
        <FormAlert message={searchError()} />
        <Show when={found()?.length === 0}>
          <p class="muted" role="status">
            No patient found {describePatientQuery(readPatientQuery(answered()))}. Check what you typed, or
            add them as a new patient.
          </p>
        </Show>
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
              {p.phone ? ` · ${p.phone}` : ''}
            </label>
          )}
        </For>
      </Show>
    </div>
  );
}
