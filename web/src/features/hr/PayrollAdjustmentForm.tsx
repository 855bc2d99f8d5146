import { createStore } from 'solid-js/store';
import { type PayPeriodDetail, PayrollAdjustmentInputSchema } from '../../../../shared/schemas/hr-payroll.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm, numberOrUndefined } from '../../lib/forms.ts';
import { addPayrollAdjustment } from './payroll-api.ts';

/** Adds an adjustment line: a person of the period, hours (negative to take off) and why. */
export function AdjustmentForm(props: { period: PayPeriodDetail }) {
  const form = createForm();
  const [values, setValues] = createStore({ staffId: '', hours: '', reason: '' });
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      staffId: values.staffId,
      hours: numberOrUndefined(values.hours),
      reason: values.reason,
      version: props.period.version,
    };
    const ok = await form.submit(formRef, PayrollAdjustmentInputSchema, body, async (data) => {
      await addPayrollAdjustment(props.period.id, data);
    });
    if (ok) {
      setValues({ staffId: '', hours: '', reason: '' });
      toast.success('Added the adjustment.');
    }
  };
  const set = (name: 'staffId' | 'hours' | 'reason') => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Add an adjustment">
      <FormAlert message={form.formError()} />
      <div class="form-grid">
        <SelectField
          label="Person"
          name="staffId"
          value={values.staffId}
          placeholder="Choose…"
          options={props.period.lines.map((l) => ({ value: l.staffId, label: l.name }))}
          onChange={set('staffId')}
          error={form.error('staffId')}
          required
        />
        <TextField
          label="Hours"
          name="hours"
          type="number"
          inputMode="decimal"
          value={values.hours}
          onInput={set('hours')}
          error={form.error('hours')}
          hint="Negative to take hours off."
          required
        />
        <TextField
          label="Reason"
          name="reason"
          value={values.reason}
          onInput={set('reason')}
          error={form.error('reason')}
          maxLength={300}
          required
        />
      </div>
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Add adjustment
        </Button>
      </div>
    </form>
  );
}
