import { revalidate } from '@solidjs/router';
import { For, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  DEFAULT_HOURS,
  type Location,
  LocationInputSchema,
  UpdateLocationSchema,
  WEEKDAYS,
  type WeeklyHours,
} from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { defaultTimeZone, timeZoneOptions } from '../../lib/timezones.ts';
import { createLocation, listLocations, updateLocation } from './api.ts';

const DAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function copyHours(h: WeeklyHours): WeeklyHours {
  return JSON.parse(JSON.stringify(h)) as WeeklyHours;
}

/** Create or edit a location: address, phone, time zone and opening hours per weekday. */
export function LocationForm(props: { location?: Location; onDone: () => void; onCancel: () => void }) {
  const existing = props.location;
  const [values, setValues] = createStore({
    name: existing?.name ?? '',
    line1: existing?.address.line1 ?? '',
    line2: existing?.address.line2 ?? '',
    city: existing?.address.city ?? '',
    state: existing?.address.state ?? '',
    postalCode: existing?.address.postalCode ?? '',
    phone: existing?.phone ?? '',
    timeZone: existing?.timeZone ?? defaultTimeZone(),
    hours: copyHours(existing?.hours ?? DEFAULT_HOURS),
  });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  let headingRef: HTMLHeadingElement | undefined;
  // The form replaces the list: move focus to its heading so keyboard and screen-reader users follow.
  onMount(() => headingRef?.focus());

  const body = () => ({
    name: values.name,
    address: {
      line1: values.line1,
      line2: optional(values.line2),
      city: values.city,
      state: values.state.trim().toUpperCase(),
      postalCode: values.postalCode.trim(),
    },
    phone: values.phone.trim(),
    timeZone: values.timeZone,
    hours: copyHours(values.hours),
  });

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const loc = props.location;
    if (loc) {
      await form.submit(formRef, UpdateLocationSchema, { ...body(), version: loc.version }, async (data) => {
        try {
          await updateLocation(loc.id, data);
          toast.success(`${data.name} saved`);
          props.onDone();
        } catch (err) {
          if (isStale(err)) {
            toast.error(STALE_MESSAGE);
            await revalidate(listLocations.key);
            props.onCancel();
            return;
          }
          throw err;
        }
      });
    } else {
      await form.submit(formRef, LocationInputSchema, body(), async (data) => {
        await createLocation(data);
        toast.success(`${data.name} added`);
        props.onDone();
      });
    }
  };

  const text = (
    key: 'name' | 'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'phone',
    path: string,
  ) => ({
    name: path,
    value: values[key],
    onInput: (v: string) => {
      setValues(key, key === 'state' ? v.toUpperCase() : v);
      form.clearError(path);
    },
    error: form.error(path),
  });

  return (
    <form
      ref={formRef}
      class="form card"
      novalidate
      onSubmit={onSubmit}
      aria-labelledby="location-form-title"
    >
      <div class="card-header">
        <div>
          <h2 id="location-form-title" class="card-title" tabindex="-1" ref={headingRef}>
            {props.location ? `Edit ${props.location.name}` : 'Add a location'}
          </h2>
          <p class="card-description">
            Patients see this address and these hours on reminders and printed forms.
          </p>
        </div>
      </div>
      <div class="card-body stack">
        <div class="form-grid">
          <TextField
            label="Location name"
            {...text('name', 'name')}
            class="span-2"
            placeholder="Main Street Clinic"
          />
          <TextField
            label="Address line 1"
            {...text('line1', 'address.line1')}
            autocomplete="address-line1"
          />
          <TextField
            label="Address line 2"
            {...text('line2', 'address.line2')}
            autocomplete="address-line2"
            optional
          />
          <TextField label="City" {...text('city', 'address.city')} autocomplete="address-level2" />
          <div class="form-grid-inner">
            <TextField
              label="State"
              {...text('state', 'address.state')}
              autocomplete="address-level1"
              maxLength={2}
              hint="Two letters, e.g. OH"
              autocapitalize="characters"
            />
            <TextField
              label="ZIP code"
              {...text('postalCode', 'address.postalCode')}
              autocomplete="postal-code"
              inputMode="numeric"
              maxLength={10}
            />
          </div>
          <TextField
            label="Phone"
            type="tel"
            {...text('phone', 'phone')}
            autocomplete="tel"
            placeholder="(555) 123-4567"
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            value={values.timeZone}
            onChange={(v) => setValues('timeZone', v)}
            options={timeZoneOptions(values.timeZone)}
            error={form.error('timeZone')}
          />
        </div>
        <fieldset class="hours">
          <legend>Opening hours</legend>
          <div class="hours-grid">
            <For each={WEEKDAYS}>
              {(day) => {
                const path = `hours.${day}`;
                return (
                  <fieldset class="hours-row">
                    <legend class="visually-hidden">{DAY_NAMES[day]}</legend>
                    <span class="hours-day" aria-hidden="true">
                      {DAY_NAMES[day]}
                    </span>
                    <Checkbox
                      name={`${path}.closed`}
                      label={
                        <>
                          Closed<span class="visually-hidden"> on {DAY_NAMES[day]}</span>
                        </>
                      }
                      checked={values.hours[day].closed}
                      onChange={(c) => setValues('hours', day, 'closed', c)}
                    />
                    <TextField
                      label={`${DAY_NAMES[day]} opens`}
                      labelHidden
                      type="time"
                      name={`${path}.opens`}
                      value={values.hours[day].opens}
                      onInput={(v) => {
                        setValues('hours', day, 'opens', v);
                        form.clearError(`${path}.opens`);
                      }}
                      error={form.error(`${path}.opens`)}
                      disabled={values.hours[day].closed}
                      class="hours-time"
                    />
                    <span class="hours-sep" aria-hidden="true">
                      to
                    </span>
                    <TextField
                      label={`${DAY_NAMES[day]} closes`}
                      labelHidden
                      type="time"
                      name={`${path}.closes`}
                      value={values.hours[day].closes}
                      onInput={(v) => {
                        setValues('hours', day, 'closes', v);
                        form.clearError(`${path}.closes`);
                      }}
                      error={form.error(`${path}.closes`)}
                      disabled={values.hours[day].closed}
                      class="hours-time"
                    />
                  </fieldset>
                );
              }}
            </For>
          </div>
        </fieldset>
      </div>
      <div class="card-footer">
        <FormAlert message={form.formError()} />
        <Button onClick={() => props.onCancel()}>Cancel</Button>
        <Button type="submit" variant="primary" busy={form.sending()}>
          {form.sending() ? 'Saving…' : props.location ? 'Save location' : 'Add location'}
        </Button>
      </div>
    </form>
  );
}
