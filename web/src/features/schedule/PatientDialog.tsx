import { createEffect, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  CONTACT_PREFERENCES,
  type Patient,
  PatientInputSchema,
  UpdatePatientSchema,
} from '../../../../shared/schemas/scheduling.ts';
import { localParts } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm, optional } from '../../lib/forms.ts';
import { browserTimeZone } from '../../lib/timezones.ts';
import { createPatient, updatePatient } from './api.ts';

const BLANK = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  preferredContact: 'phone',
  insurancePayer: '',
  memberId: '',
  eligibilityVerifiedOn: '',
};
const CONTACT_LABELS: Record<(typeof CONTACT_PREFERENCES)[number], string> = {
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
  none: 'Do not contact',
};

/** Add or edit a patient: the whole record, validated with the shared schema. */
export function PatientDialog(props: { editing: Patient | 'new' | undefined; onClose: () => void }) {
  const [v, setV] = createStore({ ...BLANK });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const existing = () => (typeof props.editing === 'object' ? props.editing : undefined);
  createEffect(
    on(
      () => props.editing,
      (p) => {
        form.setErrors({});
        form.setFormError(undefined);
        if (p === 'new') setV({ ...BLANK });
        else if (p)
          setV({
            firstName: p.firstName,
            lastName: p.lastName,
            dateOfBirth: p.dateOfBirth,
            phone: p.phone ?? '',
            email: p.email ?? '',
            preferredContact: p.preferredContact,
            insurancePayer: p.insurancePayer ?? '',
            memberId: p.memberId ?? '',
            eligibilityVerifiedOn: p.eligibilityVerifiedOn ?? '',
          });
      },
    ),
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const fields = {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      dateOfBirth: v.dateOfBirth,
      phone: optional(v.phone),
      email: optional(v.email),
      preferredContact: v.preferredContact,
      insurancePayer: optional(v.insurancePayer),
      memberId: optional(v.memberId),
      eligibilityVerifiedOn: optional(v.eligibilityVerifiedOn),
    };
    const current = existing();
    const name = `${fields.lastName}, ${fields.firstName}`;
    const ok = current
      ? await form.submit(ref, UpdatePatientSchema, { ...fields, version: current.version }, async (data) => {
          await updatePatient(current.id, data);
        })
      : await form.submit(ref, PatientInputSchema, fields, async (data) => {
          const created = await createPatient(data);
          if (created.possibleDuplicateOf.length) {
            toast.success(
              `Added ${name}. Possible duplicate: a patient with this name and birth date exists.`,
            );
          }
        });
    if (ok) {
      toast.success(current ? `Saved ${name}` : `Added ${name}`);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={props.editing !== undefined}
      title={existing() ? `Edit ${existing()!.lastName}, ${existing()!.firstName}` : 'Add a patient'}
      onClose={() => props.onClose()}
    >
      <form ref={ref} class="form stack" novalidate onSubmit={submit}>
        <div class="form-grid">
          <TextField
            label="First name"
            name="firstName"
            value={v.firstName}
            onInput={(x) => setV('firstName', x)}
            error={form.error('firstName')}
            required
          />
          <TextField
            label="Last name"
            name="lastName"
            value={v.lastName}
            onInput={(x) => setV('lastName', x)}
            error={form.error('lastName')}
            required
          />
          <TextField
            label="Date of birth"
            name="dateOfBirth"
            type="date"
            value={v.dateOfBirth}
            onInput={(x) => setV('dateOfBirth', x)}
            error={form.error('dateOfBirth')}
            required
          />
          <SelectField
            label="Preferred contact"
            name="preferredContact"
            value={v.preferredContact}
            onChange={(x) => setV('preferredContact', x)}
            options={CONTACT_PREFERENCES.map((c) => ({ value: c, label: CONTACT_LABELS[c] }))}
            hint="Reminders go by text or email as chosen here."
          />
          <TextField
            label="Mobile phone"
            name="phone"
            type="tel"
            value={v.phone}
            onInput={(x) => setV('phone', x)}
            error={form.error('phone')}
            optional
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            value={v.email}
            onInput={(x) => setV('email', x)}
            error={form.error('email')}
            optional
          />
          <TextField
            label="Insurance payer"
            name="insurancePayer"
            value={v.insurancePayer}
            onInput={(x) => setV('insurancePayer', x)}
            error={form.error('insurancePayer')}
            optional
          />
          <TextField
            label="Member id"
            name="memberId"
            value={v.memberId}
            onInput={(x) => setV('memberId', x)}
            error={form.error('memberId')}
            optional
          />
          <TextField
            label="Eligibility last verified"
            name="eligibilityVerifiedOn"
            type="date"
            value={v.eligibilityVerifiedOn}
            onInput={(x) => setV('eligibilityVerifiedOn', x)}
            error={form.error('eligibilityVerifiedOn')}
            optional
          />
          <div class="form-row-submit">
            <Button
              size="sm"
              onClick={() =>
                setV('eligibilityVerifiedOn', localParts(Date.now(), browserTimeZone() ?? 'UTC').date)
              }
            >
              Verified today
            </Button>
          </div>
        </div>
        <FormAlert message={form.formError()} />
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            {existing() ? 'Save patient' : 'Add patient'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
