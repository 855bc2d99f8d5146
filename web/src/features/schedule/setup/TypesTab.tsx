import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  type AppointmentType,
  AppointmentTypeInputSchema,
  PATIENT_KINDS,
} from '../../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { StatusBadge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../../components/ui/Dialog.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { createForm, numberOrUndefined } from '../../../lib/forms.ts';
import { rowAction } from '../../../lib/row-action.ts';
import { listTypes } from '../api.ts';
import { createType, setTypeActive, updateType } from './api.ts';

const KIND_LABELS: Record<(typeof PATIENT_KINDS)[number], string> = {
  any: 'New and established',
  new: 'New patients',
  established: 'Established patients',
};

/** Visit types: length, color, who they are for, buffers and whether they need a room; retire and offer again. */
export function TypesTab() {
  const types = createAsync(() => listTypes());
  const [editing, setEditing] = createSignal<AppointmentType | 'new'>();
  const [busyId, setBusyId] = createSignal<string>();

  // Retiring asks first: the front desk stops seeing the type at once. Offering it again cannot hurt.
  const toggle = async (t: AppointmentType) => {
    const retiring = t.active;
    if (retiring) {
      const ok = await confirm({
        title: `Retire ${t.name}?`,
        message: (
          <p>
            {t.name} is no longer offered when booking, and the slot finder stops looking for it. Visits
            already booked as {t.name} stay on the schedule. You can offer it again later.
          </p>
        ),
        confirmLabel: 'Retire',
      });
      if (!ok) return;
    }
    await rowAction(
      t.id,
      setBusyId,
      () => setTypeActive(t, !retiring),
      retiring ? `${t.name} retired` : `${t.name} is offered again`,
    );
  };

  return (
    <Section
      title="Visit types"
      id="types"
      description="What patients book: each type’s length, the buffer the provider needs around it, and whether it needs a room."
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          Add visit type
        </Button>
      }
    >
      <DataTable
        caption="Visit types"
        rows={types()?.items ?? []}
        empty={
          <EmptyState title="No visit types yet">
            <p>Add the visits patients book, like “New patient, 40 minutes”.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'Visit type',
            cell: (t) => (
              <span class="strong">
                <span class="sched-dot" style={{ background: t.color }} aria-hidden="true" />
                {t.name}
              </span>
            ),
          },
          { header: 'Length', cell: (t) => `${t.durationMinutes} min` },
          {
            header: 'Buffers',
            cell: (t) =>
              t.bufferBeforeMinutes || t.bufferAfterMinutes
                ? `${t.bufferBeforeMinutes} min before, ${t.bufferAfterMinutes} min after`
                : 'None',
          },
          { header: 'For', cell: (t) => KIND_LABELS[t.patientKind] },
          { header: 'Room', cell: (t) => (t.needsRoom ? 'Needs a room' : 'No room') },
          { header: 'Status', cell: (t) => <StatusBadge status={t.active ? 'active' : 'retired'} /> },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (t) => (
              <div class="row-actions">
                <Button size="sm" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant={t.active ? 'danger' : undefined}
                  busy={busyId() === t.id}
                  onClick={() => toggle(t)}
                  aria-label={t.active ? `Retire ${t.name}` : `Offer again: ${t.name}`}
                >
                  {t.active ? 'Retire' : 'Offer again'}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <TypeDialog editing={editing()} onClose={() => setEditing(undefined)} />
    </Section>
  );
}

const BLANK = {
  name: '',
  durationMinutes: '20',
  color: '#067647',
  patientKind: 'any',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
  needsRoom: false,
};

function TypeDialog(props: { editing: AppointmentType | 'new' | undefined; onClose: () => void }) {
  const [v, setV] = createStore({ ...BLANK });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const existing = () => (typeof props.editing === 'object' ? props.editing : undefined);
  createEffect(
    on(
      () => props.editing,
      (t) => {
        form.setErrors({});
        form.setFormError(undefined);
        if (t === 'new') setV({ ...BLANK });
        else if (t)
          setV({
            name: t.name,
            durationMinutes: String(t.durationMinutes),
            color: t.color,
            patientKind: t.patientKind,
            bufferBeforeMinutes: String(t.bufferBeforeMinutes),
            bufferAfterMinutes: String(t.bufferAfterMinutes),
            needsRoom: t.needsRoom,
          });
      },
    ),
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      name: v.name.trim(),
      durationMinutes: numberOrUndefined(v.durationMinutes),
      color: v.color.trim(),
      patientKind: v.patientKind,
      bufferBeforeMinutes: numberOrUndefined(v.bufferBeforeMinutes),
      bufferAfterMinutes: numberOrUndefined(v.bufferAfterMinutes),
      needsRoom: v.needsRoom,
    };
    const current = existing();
    const ok = await form.submit(ref, AppointmentTypeInputSchema, body, async (data) => {
      if (current) await updateType(current.id, { ...data, version: current.version });
      else await createType(data);
    });
    if (ok) {
      toast.success(current ? `Saved ${body.name}` : `Added ${body.name}`);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={props.editing !== undefined}
      title={existing() ? `Edit ${existing()!.name}` : 'Add a visit type'}
      onClose={() => props.onClose()}
    >
      <form ref={ref} class="form stack" novalidate onSubmit={submit}>
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
          inputMode="numeric"
          value={v.durationMinutes}
          onInput={(x) => setV('durationMinutes', x)}
          error={form.error('durationMinutes')}
          hint="5-minute steps, up to 180"
          required
        />
        <div class="form-grid">
          <TextField
            label="Buffer before (min)"
            name="bufferBeforeMinutes"
            type="number"
            inputMode="numeric"
            value={v.bufferBeforeMinutes}
            onInput={(x) => setV('bufferBeforeMinutes', x)}
            error={form.error('bufferBeforeMinutes')}
          />
          <TextField
            label="Buffer after (min)"
            name="bufferAfterMinutes"
            type="number"
            inputMode="numeric"
            value={v.bufferAfterMinutes}
            onInput={(x) => setV('bufferAfterMinutes', x)}
            error={form.error('bufferAfterMinutes')}
          />
        </div>
        <SelectField
          label="For"
          name="patientKind"
          value={v.patientKind}
          onChange={(x) => setV('patientKind', x)}
          options={PATIENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <TextField
          label="Color on the schedule"
          name="color"
          value={v.color}
          onInput={(x) => setV('color', x)}
          error={form.error('color')}
          hint="A hex color like #067647"
        />
        <Checkbox
          label="Needs a room for the whole visit"
          name="needsRoom"
          checked={v.needsRoom}
          onChange={(x) => setV('needsRoom', x)}
          hint="Booking then also holds a free room of the location."
        />
        <Show when={existing()}>
          <p class="muted">Changes apply to new bookings; visits already booked keep their length.</p>
        </Show>
        <FormAlert message={form.formError()} />
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            {existing() ? 'Save visit type' : 'Add visit type'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
