import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  RESOURCE_KINDS,
  type Resource,
  ResourceInputSchema,
} from '../../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { StatusBadge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../../components/ui/Dialog.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { createForm } from '../../../lib/forms.ts';
import { rowAction } from '../../../lib/row-action.ts';
import { createResource, listResources, setResourceActive, updateResource } from './api.ts';

const KIND_LABELS: Record<(typeof RESOURCE_KINDS)[number], string> = { room: 'Room', equipment: 'Equipment' };

/** Rooms and equipment of one location: visit types that need a room hold one of these. Edit, retire, bring back. */
export function ResourcesTab(props: { location: Location; locations: Location[] }) {
  const resources = createAsync(() => listResources());
  const rows = () => (resources()?.items ?? []).filter((r) => r.locationId === props.location.id);
  const [v, setV] = createStore({ name: '', kind: 'room' });
  const [editing, setEditing] = createSignal<Resource>();
  const [busyId, setBusyId] = createSignal<string>();
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

  // Retiring asks first: visits that need a room stop booking it at once. Bringing it back cannot hurt.
  const toggle = async (r: Resource) => {
    const retiring = r.active;
    if (retiring) {
      const ok = await confirm({
        title: `Retire ${r.name}?`,
        message: (
          <p>
            New visits can no longer be booked into {r.name}. Visits already booked there keep it; move them
            if needed. You can bring it back later.
          </p>
        ),
        confirmLabel: 'Retire',
      });
      if (!ok) return;
    }
    await rowAction(
      r.id,
      setBusyId,
      () => setResourceActive(r, !retiring),
      retiring ? `${r.name} retired` : `${r.name} is back`,
    );
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
          { header: 'Status', cell: (r) => <StatusBadge status={r.active ? 'active' : 'retired'} /> },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (r) => (
              <div class="row-actions">
                <Button size="sm" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant={r.active ? 'danger' : undefined}
                  busy={busyId() === r.id}
                  onClick={() => toggle(r)}
                  aria-label={r.active ? `Retire ${r.name}` : `Bring back ${r.name}`}
                >
                  {r.active ? 'Retire' : 'Bring back'}
                </Button>
              </div>
            ),
          },
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
        <div class="form-row-submit">
          <Button type="submit" busy={form.sending()}>
            Add
          </Button>
        </div>
        <FormAlert message={form.formError()} />
      </form>
      <ResourceDialog editing={editing()} locations={props.locations} onClose={() => setEditing(undefined)} />
    </Section>
  );
}

/** Edit a room or equipment: its name, kind and location (validated with the shared schema). */
function ResourceDialog(props: {
  editing: Resource | undefined;
  locations: Location[];
  onClose: () => void;
}) {
  const [v, setV] = createStore({ name: '', kind: 'room', locationId: '' });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.editing,
      (r) => {
        form.setErrors({});
        form.setFormError(undefined);
        if (r) setV({ name: r.name, kind: r.kind, locationId: r.locationId });
      },
    ),
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const current = props.editing;
    if (!current) return;
    const body = { locationId: v.locationId, name: v.name.trim(), kind: v.kind };
    const ok = await form.submit(ref, ResourceInputSchema, body, async (data) => {
      await updateResource(current.id, { ...data, version: current.version });
    });
    if (ok) {
      const moved = body.locationId !== current.locationId;
      const where = props.locations.find((l) => l.id === body.locationId)?.name;
      toast.success(moved && where ? `Moved ${body.name} to ${where}` : `Saved ${body.name}`);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={props.editing !== undefined}
      title={props.editing ? `Edit ${props.editing.name}` : 'Edit'}
      onClose={() => props.onClose()}
    >
      <form ref={ref} class="form stack" novalidate onSubmit={submit}>
        <TextField
          label="Name"
          name="name"
          value={v.name}
          onInput={(x) => setV('name', x)}
          error={form.error('name')}
          required
        />
        <SelectField
          label="Kind"
          name="kind"
          value={v.kind}
          onChange={(x) => setV('kind', x)}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          error={form.error('kind')}
        />
        <SelectField
          label="Location"
          name="locationId"
          value={v.locationId}
          onChange={(x) => setV('locationId', x)}
          options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
          error={form.error('locationId')}
          hint="Visits already booked in it stay where they are."
        />
        <FormAlert message={form.formError()} />
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
