import { Show } from 'solid-js';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import type { Form } from '../../lib/forms.ts';
import type { StaffValues, TextKey } from './staff-form.ts';

const PAY_OPTIONS = [
  { value: 'hourly', label: 'Hourly rate' },
  { value: 'salary', label: 'Yearly salary' },
];

/**
 * The staff form's fields for owners and managers alone: pay, the payroll file number and the
 * emergency contact (the dialog shows them only to them; the API refuses them from anyone else).
 */
export function StaffPrivateFields(props: {
  values: StaffValues;
  form: Form;
  set: (name: TextKey, path: string) => (v: string) => void;
}) {
  return (
    <>
      <fieldset class="fieldset stack">
        <legend class="legend">Pay</legend>
        <p class="muted small">Only owners and managers see pay and the payroll file number.</p>
        <div class="form-grid hr-form-grid">
          <SelectField
            label="Paid by"
            name="pay.type"
            value={props.values.payType}
            placeholder="Not recorded"
            options={PAY_OPTIONS}
            onChange={(v) => {
              props.set('payType', 'pay.type')(v);
              props.form.clearError('pay.rateCents');
            }}
            error={props.form.error('pay.type')}
            optional
          />
          <Show when={props.values.payType}>
            <TextField
              label={
                props.values.payType === 'hourly'
                  ? 'Rate per hour, in dollars'
                  : 'Salary per year, in dollars'
              }
              name="pay.rateCents"
              inputMode="decimal"
              value={props.values.payAmount}
              onInput={props.set('payAmount', 'pay.rateCents')}
              error={props.form.error('pay.rateCents')}
              placeholder={props.values.payType === 'hourly' ? '32.50' : '84,000'}
              required
            />
          </Show>
          <TextField
            label="Payroll file number"
            name="payrollFileNumber"
            inputMode="numeric"
            value={props.values.payrollFileNumber}
            onInput={props.set('payrollFileNumber', 'payrollFileNumber')}
            error={props.form.error('payrollFileNumber')}
            hint="ADP’s File #: 1 to 6 digits. The ADP export needs it."
            maxLength={6}
            autocomplete="off"
            optional
          />
        </div>
      </fieldset>
      <fieldset class="fieldset stack">
        <legend class="legend">Emergency contact</legend>
        <p class="muted small">Only owners and managers see it. Leave every field empty if there is none.</p>
        <div class="form-grid hr-form-grid">
          <TextField
            label="Name"
            name="emergencyContact.name"
            value={props.values.ecName}
            onInput={props.set('ecName', 'emergencyContact.name')}
            error={props.form.error('emergencyContact.name')}
            maxLength={100}
            autocomplete="off"
            optional
          />
          <TextField
            label="Relationship"
            name="emergencyContact.relationship"
            value={props.values.ecRelationship}
            onInput={props.set('ecRelationship', 'emergencyContact.relationship')}
            error={props.form.error('emergencyContact.relationship')}
            maxLength={60}
            placeholder="e.g. Spouse"
            optional
          />
          <TextField
            label="Phone"
            name="emergencyContact.phone"
            type="tel"
            inputMode="tel"
            value={props.values.ecPhone}
            onInput={props.set('ecPhone', 'emergencyContact.phone')}
            error={props.form.error('emergencyContact.phone')}
            autocomplete="off"
            optional
          />
        </div>
      </fieldset>
    </>
  );
}
