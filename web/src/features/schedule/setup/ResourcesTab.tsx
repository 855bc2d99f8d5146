import { createAsync } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { RESOURCE_KINDS, ResourceInputSchema } from '../../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { createForm } from '../../../lib/forms.ts';
import { createResource, listResources } from './api.ts';

const KIND_LABELS: Record<(typeof RESOURCE_KINDS)[number], string> = { room: 'Room', equipment: 'Equipment' };

/** Rooms and equipment of one location: visit types that need a room hold one of these. */
export function ResourcesTab(props: { location: Location }) {
  const resources = createAsync(() => listResources());
  const rows = () => (resources()?.items ?? []).filter((r) => r.locationId === props.location.id);
  const [v, setV] = createStore({ name: '', kind: 'room' });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = { locationId: props.location.id, name: v.name.trim(), kind: v.kind };
    const ok = await form.submit(ref, ResourceInputSchema, body, async (data) => {
      await createResource(data);
    });
    if (ok) {
      toast.success(`Added ${body.name}`);
      setV({ name: '', kind: v.kind });
    }
  };
  return (
    <Section
      title={`Rooms & equipment at ${props.location.name}`}
      id="rooms"
      description="A visit type that needs a room books a free one for the visit itself, never two visits in one room."
    >
      <DataTable
        caption="Rooms and equipment"
        rows={rows()}
        empty={
          <EmptyState title="No rooms yet">
            <p>Add exam rooms and shared equipment so visits that need them are never double-booked.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Name', cell: (r) => <span class="strong">{r.name}</span> },
          { header: 'Kind', cell: (r) => KIND_LABELS[r.kind] },
        ]}
      />
      <form ref={ref} class="form form-row" novalidate onSubmit={submit} aria-label="Add a room or equipment">
        <TextField
          label="Name"
          name="name"
          value={v.name}
          onInput={(x) => setV('name', x)}
          error={form.error('name')}
          class="grow"
          placeholder="Exam 3"
          required
        />
        <SelectField
          label="Kind"
          name="kind"
          value={v.kind}
          onChange={(x) => setV('kind', x)}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <Button type="submit" class="form-row-submit" busy={form.sending()}>
          Add
        </Button>
        <FormAlert message={form.formError()} />
      </form>
    </Section>
  );
}
