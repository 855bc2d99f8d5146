import { revalidate } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  PRACTICE_SIZES,
  REGIONS,
  SPECIALTIES,
  type Tenant,
  UpdateAssociationProfileSchema,
  UpdatePracticeProfileSchema,
} from '../../../../shared/schemas/tenants.ts';
import { setTenantName } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { timeZoneOptions } from '../../lib/timezones.ts';
import { getTenant, updateProfile } from './api.ts';

function valuesFrom(t: Tenant) {
  return {
    name: t.name,
    specialty: t.specialty ?? 'family_medicine',
    region: t.region,
    size: t.size ?? 'small',
    timeZone: t.timeZone,
    phone: t.phone ?? '',
    website: t.website ?? '',
  };
}

/** PUT /tenant/profile with the version it was loaded at; a stale version reloads the form. */
export function ProfileForm(props: { tenant: Tenant }) {
  const [values, setValues] = createStore(valuesFrom(props.tenant));
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const isPractice = () => props.tenant.kind === 'practice';

  // Someone saved (us or another admin): show the stored values.
  createEffect(
    on(
      () => props.tenant.version,
      () => setValues(valuesFrom(props.tenant)),
      { defer: true },
    ),
  );

  const body = () =>
    isPractice()
      ? {
          name: values.name,
          specialty: values.specialty,
          region: values.region,
          size: values.size,
          timeZone: values.timeZone,
          phone: optional(values.phone),
          website: optional(values.website),
          version: props.tenant.version,
        }
      : {
          name: values.name,
          region: values.region,
          timeZone: values.timeZone,
          website: optional(values.website),
          version: props.tenant.version,
        };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const schema = isPractice() ? UpdatePracticeProfileSchema : UpdateAssociationProfileSchema;
    await form.submit(formRef, schema, body(), async (data) => {
      try {
        const saved = await updateProfile(data);
        setTenantName(saved.name);
        toast.success('Profile saved');
      } catch (err) {
        if (isStale(err)) {
          toast.error(STALE_MESSAGE);
          await revalidate(getTenant.key);
          return;
        }
        throw err;
      }
    });
  };

  const set = (key: keyof ReturnType<typeof valuesFrom>) => (v: string) => {
    setValues(key, v);
    form.clearError(key);
  };

  return (
    <form
      ref={formRef}
      class="form card narrow"
      novalidate
      onSubmit={onSubmit}
      aria-labelledby="profile-title"
    >
      <div class="card-header">
        <div>
          <h2 id="profile-title" class="card-title">
            {isPractice() ? 'Practice profile' : 'Association profile'}
          </h2>
          <p class="card-description">
            {isPractice()
              ? 'Used on printed materials and, if you join an association, in its member list.'
              : 'How member practices see your association.'}
          </p>
        </div>
      </div>
      <div class="card-body form-grid">
        <TextField
          label={isPractice() ? 'Practice name' : 'Association name'}
          name="name"
          value={values.name}
          onInput={set('name')}
          error={form.error('name')}
          required
          autocomplete="organization"
          class="span-2"
        />
        <Show when={isPractice()}>
          <SelectField
            label="Specialty"
            name="specialty"
            value={values.specialty}
            onChange={set('specialty')}
            options={optionsOf(SPECIALTIES)}
            error={form.error('specialty')}
          />
          <SelectField
            label="Size"
            name="size"
            value={values.size}
            onChange={set('size')}
            options={optionsOf(PRACTICE_SIZES)}
            error={form.error('size')}
          />
        </Show>
        <SelectField
          label="Region"
          name="region"
          value={values.region}
          onChange={set('region')}
          options={optionsOf(REGIONS)}
          error={form.error('region')}
          hint="US Census division"
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          value={values.timeZone}
          onChange={set('timeZone')}
          options={timeZoneOptions(values.timeZone)}
          error={form.error('timeZone')}
        />
        <Show when={isPractice()}>
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            value={values.phone}
            onInput={set('phone')}
            error={form.error('phone')}
            optional
            autocomplete="tel"
            placeholder="(555) 123-4567"
          />
        </Show>
        <TextField
          label="Website"
          name="website"
          type="url"
          value={values.website}
          onInput={set('website')}
          error={form.error('website')}
          optional
          autocomplete="url"
          placeholder="https://"
        />
      </div>
      <div class="card-footer">
        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" busy={form.sending()}>
          {form.sending() ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}
