import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  AppointmentTypeInputSchema,
  type Provider,
  ProviderInputSchema,
  TemplateInputSchema,
} from '../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { api } from '../../lib/api.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { listProviders, listTypes } from './api.ts';

/** What a new practice needs before its first booking: providers, visit types and weekly hours. */
export function SetupPanel(props: { location: Location; providers: Provider[] }) {
  const types = createAsync(() => listTypes());
  return (
    <div class="stack">
      <Section title="Providers" description={`Who sees patients at ${props.location.name}.`}>
        <ul>
          <For each={props.providers} fallback={<li class="muted">No providers yet.</li>}>
            {(p) => <li>{p.name}</li>}
          </For>
        </ul>
        <ProviderForm location={props.location} />
      </Section>
      <Section title="Visit types" description="How long each kind of visit takes.">
        <ul>
          <For each={types()?.items ?? []} fallback={<li class="muted">No visit types yet.</li>}>
            {(t) => (
              <li>
                {t.name} ({t.durationMinutes} min)
              </li>
            )}
          </For>
        </ul>
        <TypeForm />
      </Section>
      <Section title="Weekly hours" description="Monday to Friday hours for a provider at this location.">
        <HoursForm location={props.location} providers={props.providers} />
      </Section>
    </div>
  );
}

function ProviderForm(props: { location: Location }) {
  const [v, setV] = createStore({ name: '', title: '', color: '#3446c6' });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      name: v.name.trim(),
      title: optional(v.title),
      color: v.color,
      locationIds: [props.location.id],
    };
    await form.submit(ref, ProviderInputSchema, body, async (data) => {
      await api('/scheduling/providers', { method: 'POST', body: data });
      await revalidate(listProviders.key);
      toast.success(`Added ${data.name}`);
      setV({ name: '', title: '', color: '#3446c6' });
    });
  };
  return (
    <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Add a provider">
      <TextField
        label="Provider name"
        name="name"
        value={v.name}
        onInput={(x) => setV('name', x)}
        error={form.error('name')}
        required
      />
      <TextField
        label="Title"
        name="title"
        value={v.title}
        onInput={(x) => setV('title', x)}
        error={form.error('title')}
        optional
      />
      <TextField
        label="Color"
        name="color"
        value={v.color}
        onInput={(x) => setV('color', x)}
        error={form.error('color')}
        hint="Like #3446c6"
      />
      <FormAlert message={form.formError()} />
      <Button type="submit" busy={form.sending()}>
        Add provider
      </Button>
    </form>
  );
}

function TypeForm() {
  const [v, setV] = createStore({ name: '', durationMinutes: '20' });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      name: v.name.trim(),
      durationMinutes: Number(v.durationMinutes),
      color: '#067647',
      patientKind: 'any',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: false,
    };
    await form.submit(ref, AppointmentTypeInputSchema, body, async (data) => {
      await api('/scheduling/types', { method: 'POST', body: data });
      await revalidate(listTypes.key);
      toast.success(`Added ${data.name}`);
      setV({ name: '', durationMinutes: '20' });
    });
  };
  return (
    <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Add a visit type">
      <TextField
        label="Visit type"
        name="name"
        value={v.name}
        onInput={(x) => setV('name', x)}
        error={form.error('name')}
        required
      />
      <TextField
        label="Minutes"
        name="durationMinutes"
        type="number"
        value={v.durationMinutes}
        onInput={(x) => setV('durationMinutes', x)}
        error={form.error('durationMinutes')}
        hint="5-minute steps, up to 180"
        required
      />
      <FormAlert message={form.formError()} />
      <Button type="submit" busy={form.sending()}>
        Add visit type
      </Button>
    </form>
  );
}

function HoursForm(props: { location: Location; providers: Provider[] }) {
  const [v, setV] = createStore({
    providerId: '',
    start: '08:00',
    end: '17:00',
    effectiveFrom: new Date().toISOString().slice(0, 10),
  });
  const [saved, setSaved] = createSignal(false);
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const provider = () => v.providerId || props.providers[0]?.id || '';
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      providerId: provider(),
      locationId: props.location.id,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: v.start, end: v.end })),
      effectiveFrom: v.effectiveFrom,
    };
    await form.submit(ref, TemplateInputSchema, body, async (data) => {
      await api('/scheduling/templates', { method: 'POST', body: data });
      toast.success('Weekly hours saved');
      setSaved(true);
    });
  };
  return (
    <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Set weekly hours">
      <SelectField
        label="Provider"
        name="providerId"
        value={provider()}
        onChange={(x) => setV('providerId', x)}
        options={props.providers.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TextField
        label="From"
        name="start"
        type="time"
        value={v.start}
        onInput={(x) => setV('start', x)}
        error={form.error('blocks.0.start')}
        required
      />
      <TextField
        label="Until"
        name="end"
        type="time"
        value={v.end}
        onInput={(x) => setV('end', x)}
        error={form.error('blocks.0.end')}
        required
      />
      <TextField
        label="Starting"
        name="effectiveFrom"
        type="date"
        value={v.effectiveFrom}
        onInput={(x) => setV('effectiveFrom', x)}
        error={form.error('effectiveFrom')}
        required
      />
      <FormAlert message={form.formError()} />
      <Show when={saved()}>
        <p class="muted">Saved. Book from the Day tab.</p>
      </Show>
      <Button type="submit" busy={form.sending()} disabled={!provider()}>
        Save hours
      </Button>
    </form>
  );
}
