import { createEffect, For, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  type Provider,
  ProviderInputSchema,
  UpdateProviderSchema,
} from '../../../../../shared/schemas/scheduling.ts';
import type { User } from '../../../../../shared/schemas/team.ts';
import type { Location } from '../../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/Field.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { createForm, optional } from '../../../lib/forms.ts';
import { createProvider, updateProvider } from './api.ts';

const BLANK = {
  name: '',
  title: '',
  color: '#3446c6',
  userId: '',
  licenseExpires: '',
  locationIds: [] as string[],
};

/** Add or edit a provider: name, title, color on the grid, locations, and the person who signs in as them. */
export function ProviderDialog(props: {
  editing: Provider | 'new' | undefined;
  locations: Location[];
  defaultLocationId: string;
  people: User[];
  onClose: () => void;
}) {
  const [v, setV] = createStore({ ...BLANK });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const existing = () => (typeof props.editing === 'object' ? props.editing : undefined);

  createEffect(
    on(
      () => props.editing,
      (editing) => {
        form.setErrors({});
        form.setFormError(undefined);
        if (editing === 'new') setV({ ...BLANK, locationIds: [props.defaultLocationId] });
        else if (editing)
          setV({
            name: editing.name,
            title: editing.title ?? '',
            color: editing.color,
            userId: editing.userId ?? '',
            licenseExpires: editing.licenseExpires ?? '',
            locationIds: [...editing.locationIds],
          });
      },
    ),
  );

  const toggleLocation = (id: string, on: boolean) =>
    setV('locationIds', (ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const fields = {
      name: v.name.trim(),
      title: optional(v.title),
      color: v.color.trim(),
      userId: v.userId || undefined,
      locationIds: v.locationIds,
      licenseExpires: optional(v.licenseExpires),
    };
    const current = existing();
    const ok = current
      ? await form.submit(
          ref,
          UpdateProviderSchema,
          { ...fields, version: current.version },
          async (data) => {
            await updateProvider(current.id, data);
          },
        )
      : await form.submit(ref, ProviderInputSchema, fields, async (data) => {
          await createProvider(data);
        });
    if (ok) {
      toast.success(current ? `Saved ${fields.name}` : `Added ${fields.name}`);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={props.editing !== undefined}
      title={existing() ? `Edit ${existing()!.name}` : 'Add a provider'}
      onClose={() => props.onClose()}
    >
      <form ref={ref} class="form stack" novalidate onSubmit={submit}>
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
          hint="Like MD, NP or PA-C"
          optional
        />
        <TextField
          label="State license expires"
          name="licenseExpires"
          type="date"
          value={v.licenseExpires}
          onInput={(x) => setV('licenseExpires', x)}
          error={form.error('licenseExpires')}
          hint="Practice managers get a Today item and an email 90, 60 and 30 days before, and on the day."
          optional
        />
        <TextField
          label="Color on the schedule"
          name="color"
          value={v.color}
          onInput={(x) => setV('color', x)}
          error={form.error('color')}
          hint="A hex color like #3446c6"
        />
        <fieldset class="fieldset">
          <legend class="legend">Works at</legend>
          <For each={props.locations}>
            {(l) => (
              <Checkbox
                label={l.name}
                name={`location-${l.id}`}
                checked={v.locationIds.includes(l.id)}
                onChange={(on) => toggleLocation(l.id, on)}
              />
            )}
          </For>
          <input type="hidden" name="locationIds" />
          <FormAlert message={form.error('locationIds')} />
        </fieldset>
        <SelectField
          label="Signs in as"
          name="userId"
          value={v.userId}
          onChange={(x) => setV('userId', x)}
          placeholder="Nobody (not linked)"
          options={props.people.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          hint="Link the provider’s own Rounds account, so their schedule is theirs."
          optional
        />
        <FormAlert message={form.formError()} />
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            {existing() ? 'Save provider' : 'Add provider'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
