import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { EMPLOYMENT_TYPE_LABELS, STAFF_ROLE_LABELS, type Staff } from '../../../../shared/schemas/hr.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Checkbox, FieldPlaceholder, optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { createForm } from '../../lib/forms.ts';
import { listLocations } from '../schedule/api.ts';
import { listTeam } from '../team/api.ts';
import { StaffLicenses } from './StaffLicenses.tsx';
import { StaffPrivateFields } from './StaffPrivateFields.tsx';
import { createStaff, getPerson, listAllCurrentStaff, updateStaff } from './staff-api.ts';
import {
  bodyOf,
  emptyValues,
  isBlankRow,
  StaffCreateFormSchema,
  StaffUpdateFormSchema,
  type StaffValues,
  type TextKey,
  valuesOf,
} from './staff-form.ts';

const ROLE_OPTIONS = optionsOf(STAFF_ROLE_LABELS);
const TYPE_OPTIONS = optionsOf(EMPLOYMENT_TYPE_LABELS);

/**
 * Add a person to the directory, or edit one (`person`): job, contact, locations, manager, login and
 * licenses (StaffLicenses.tsx); owners and managers also pay, the payroll file number and an emergency contact
 * (StaffPrivateFields.tsx).
 */
export function StaffDialog(props: {
  open: boolean;
  person?: Staff;
  onClose: () => void;
  onSaved?: (s: Staff) => void;
}) {
  const form = createForm();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  /** The person as last read: a 409 replaces it with the version someone else saved. */
  const [base, setBase] = createSignal<Staff>();
  const [values, setValues] = createStore<StaffValues>(emptyValues());
  let formRef: HTMLFormElement | undefined;

  // The pick lists load with the dialog; a failure leaves a list empty rather than the form unusable.
  const locations = createAsync(() =>
    props.open ? listLocations().catch(() => ({ items: [], nextCursor: null })) : Promise.resolve(undefined),
  );
  const staff = createAsync(() =>
    props.open ? listAllCurrentStaff().catch(() => []) : Promise.resolve(undefined),
  );
  const team = createAsync(() =>
    props.open
      ? listTeam('active', undefined, 100).catch(() => ({ items: [], nextCursor: null }))
      : Promise.resolve(undefined),
  );

  const reset = (p: Staff | undefined) => {
    setBase(p);
    setValues(p ? valuesOf(p) : emptyValues());
    form.setErrors({});
    form.setFormError(undefined);
  };
  // Each opening starts from the person as they are now (or an empty form); a re-read of the person
  // while the dialog is open must not wipe what is being typed.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (open) reset(untrack(() => props.person));
      },
    ),
  );

  const set = (name: TextKey, path: string) => (v: string) => {
    setValues(name, v as never);
    form.clearError(path);
  };

  /* ---------- Pick lists ---------- */

  /** Locations to tick: every open location, and any the person is at that is no longer listed. */
  const locationChoices = () => {
    const listed = (locations()?.items ?? []).filter((l) => !l.archived || values.locationIds.includes(l.id));
    const known = new Set(listed.map((l) => l.id));
    const unlisted = values.locationIds
      .filter((id) => !known.has(id))
      .map((id) => ({ id, name: 'A location no longer listed' }));
    return [...listed.map((l) => ({ id: l.id, name: l.name })), ...unlisted];
  };
  /** A ticked location's input is named by its place in `locationIds`, as the API's errors point at it. */
  const locationPath = (id: string) => {
    const i = values.locationIds.indexOf(id);
    return i >= 0 ? `locationIds.${i}` : `location-${id}`;
  };
  const toggleLocation = (id: string, on: boolean) => {
    form.clearError('locationIds');
    for (let i = 0; i < values.locationIds.length; i++) form.clearError(`locationIds.${i}`);
    setValues('locationIds', (ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  };

  const managerOptions = () => {
    const self = base()?.id;
    const options = (staff() ?? []).filter((s) => s.id !== self).map((s) => ({ value: s.id, label: s.name }));
    const current = base()?.managerId;
    // A manager who has since left is still shown, so the form says who it is (the API asks for another).
    if (current && values.managerId === current && !options.some((o) => o.value === current)) {
      options.push({ value: current, label: `${base()?.managerName ?? 'Someone'} (no longer on staff)` });
    }
    return options;
  };
  const loginOptions = () => {
    const linked = new Map((staff() ?? []).filter((s) => s.userId).map((s) => [s.userId!, s]));
    return (team()?.items ?? [])
      .filter((u) => {
        const other = linked.get(u.id);
        return !other || other.id === base()?.id;
      })
      .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  };

  /* ---------- Send ---------- */

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    // Rows left empty are dropped before checking, so the errors' row numbers match what is shown.
    if (values.credentials.some(isBlankRow))
      setValues('credentials', (rows) => rows.filter((r) => !isBlankRow(r)));
    const p = base();
    const body = bodyOf(values, admin());
    let saved: Staff | undefined;
    let stale = false;
    const ok = p
      ? await form.submit(formRef, StaffUpdateFormSchema, { ...body, version: p.version }, async (data) => {
          try {
            saved = await updateStaff(p.id, data);
          } catch (err) {
            if (!isStale(err)) throw err;
            stale = true;
          }
        })
      : await form.submit(formRef, StaffCreateFormSchema, body, async (data) => {
          saved = await createStaff(data);
        });
    if (stale && p) {
      // The person was re-read with the other change: show them as they are now, and say so.
      const fresh = await getPerson(p.id).catch(() => undefined);
      if (fresh && 'person' in fresh) reset(fresh.person);
      form.setFormError(
        'Someone else saved changes to this person meanwhile. The form now shows them: make your changes again and save.',
      );
      return;
    }
    if (ok && saved) {
      toast.success(p ? `Saved ${saved.name}.` : `Added ${saved.name} to the directory.`);
      props.onSaved?.(saved);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={props.open}
      title={props.person ? `Edit ${props.person.name}` : 'Add a person'}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack hr-staff-form" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <fieldset class="fieldset stack">
          <legend class="legend">Person</legend>
          <div class="form-grid hr-form-grid">
            <TextField
              label="First name"
              name="firstName"
              value={values.firstName}
              onInput={set('firstName', 'firstName')}
              error={form.error('firstName')}
              maxLength={60}
              autocomplete="off"
              required
            />
            <TextField
              label="Last name"
              name="lastName"
              value={values.lastName}
              onInput={set('lastName', 'lastName')}
              error={form.error('lastName')}
              maxLength={60}
              autocomplete="off"
              required
            />
            <TextField
              label="Email"
              name="email"
              type="email"
              inputMode="email"
              value={values.email}
              onInput={set('email', 'email')}
              error={form.error('email')}
              autocomplete="off"
              optional
            />
            <TextField
              label="Phone"
              name="phone"
              type="tel"
              inputMode="tel"
              value={values.phone}
              onInput={set('phone', 'phone')}
              error={form.error('phone')}
              autocomplete="off"
              optional
            />
          </div>
        </fieldset>

        <fieldset class="fieldset stack">
          <legend class="legend">Job</legend>
          <div class="form-grid hr-form-grid">
            <TextField
              label="Job title"
              name="jobTitle"
              value={values.jobTitle}
              onInput={set('jobTitle', 'jobTitle')}
              error={form.error('jobTitle')}
              maxLength={80}
              placeholder="e.g. Lead medical assistant"
              required
            />
            <SelectField
              label="Role"
              name="staffRole"
              value={values.staffRole}
              placeholder="Choose…"
              options={ROLE_OPTIONS}
              onChange={set('staffRole', 'staffRole')}
              error={form.error('staffRole')}
              hint="What they do, for staffing and the directory's groups."
              required
            />
            <TextField
              label="Hire date"
              name="hireDate"
              type="date"
              value={values.hireDate}
              onInput={set('hireDate', 'hireDate')}
              error={form.error('hireDate')}
              required
            />
            <SelectField
              label="Employment type"
              name="employmentType"
              value={values.employmentType}
              options={TYPE_OPTIONS}
              onChange={set('employmentType', 'employmentType')}
              error={form.error('employmentType')}
              required
            />
            <TextField
              label="FTE"
              name="fte"
              type="number"
              inputMode="decimal"
              min={0.05}
              max={1}
              value={values.fte}
              onInput={set('fte', 'fte')}
              error={form.error('fte')}
              hint="1 is a 40-hour week; 0.5 is 20 hours."
              required
            />
            <Suspense fallback={<FieldPlaceholder label="Manager" />}>
              <SelectField
                label="Manager"
                name="managerId"
                value={values.managerId}
                placeholder="No manager"
                options={managerOptions()}
                onChange={set('managerId', 'managerId')}
                error={form.error('managerId')}
                optional
              />
            </Suspense>
          </div>
          <fieldset class="hr-checks" name="locationIds">
            <legend class="field-label">
              Locations <span class="field-optional">(optional)</span>
            </legend>
            <Suspense fallback={<p class="small muted">Loading locations…</p>}>
              <Show
                when={locationChoices().length > 0}
                fallback={<p class="small muted">The practice has no locations set up yet.</p>}
              >
                <div class="hr-check-grid">
                  <For each={locationChoices()}>
                    {(l) => (
                      <Checkbox
                        label={l.name}
                        name={locationPath(l.id)}
                        checked={values.locationIds.includes(l.id)}
                        onChange={(on) => toggleLocation(l.id, on)}
                        error={form.error(locationPath(l.id))}
                      />
                    )}
                  </For>
                </div>
              </Show>
            </Suspense>
            <Show when={form.error('locationIds')}>
              {(m) => (
                <p class="field-error">
                  <span aria-hidden="true">! </span>
                  {m()}
                </p>
              )}
            </Show>
          </fieldset>
          <Suspense fallback={<FieldPlaceholder label="Rounds login" />}>
            <SelectField
              label="Rounds login"
              name="userId"
              value={values.userId}
              placeholder="No login"
              options={loginOptions()}
              onChange={set('userId', 'userId')}
              error={form.error('userId')}
              hint="Links the person to their team member account, so they see their own shifts and time off."
              optional
            />
          </Suspense>
        </fieldset>

        <StaffLicenses
          rows={values.credentials}
          form={form}
          onChange={(update) => setValues('credentials', update)}
        />

        <Show when={admin()}>
          <StaffPrivateFields values={values} form={form} set={set} />
        </Show>

        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            {props.person ? 'Save' : 'Add person'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
