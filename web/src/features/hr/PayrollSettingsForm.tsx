import { createEffect, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  ADP_DEFAULT_HOURS_CODES,
  PAY_FREQUENCY_LABELS,
  type PaySchedule,
  PayScheduleInputSchema,
} from '../../../../shared/schemas/hr-payroll.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { savePaySchedule } from './payroll-api.ts';

type Values = {
  frequency: string;
  anchorDate: string;
  companyCode: string;
  ptoCode: string;
  sickCode: string;
};

const valuesOf = (s: PaySchedule): Values => ({
  frequency: s.frequency,
  anchorDate: s.anchorDate ?? '',
  companyCode: s.adp?.companyCode ?? '',
  ptoCode: s.adp?.ptoCode ?? '',
  sickCode: s.adp?.sickCode ?? '',
});

/**
 * The payroll settings, edited in place: how often the practice pays and from which day, and the
 * practice's ADP account for the ADP export (all three ADP fields empty: no ADP account on record).
 */
export function PayrollSettingsForm(props: { schedule: PaySchedule }) {
  const form = createForm();
  const [values, setValues] = createStore<Values>({
    frequency: '',
    anchorDate: '',
    companyCode: '',
    ptoCode: '',
    sickCode: '',
  });
  let formRef: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.schedule,
      (s) => setValues(valuesOf(s)),
    ),
  );
  const set = (name: keyof Values, path: string) => (v: string) => {
    setValues(name, v);
    form.clearError(path);
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const adpGiven = Boolean(values.companyCode.trim() || values.ptoCode.trim() || values.sickCode.trim());
    const body = {
      frequency: values.frequency,
      anchorDate: values.frequency === 'semimonthly' ? undefined : optional(values.anchorDate),
      // A code typed without the company code still goes, so the schema says the code is missing.
      adp: adpGiven
        ? {
            companyCode: values.companyCode,
            ptoCode: optional(values.ptoCode),
            sickCode: optional(values.sickCode),
          }
        : undefined,
      version: props.schedule.version,
    };
    const ok = await form.submit(formRef, PayScheduleInputSchema, body, async (data) => {
      try {
        await savePaySchedule(data);
      } catch (err) {
        if (isStale(err)) throw new Error('stale');
        throw err;
      }
    });
    if (ok) toast.success('Saved the payroll settings.');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Payroll settings">
      <p class="small">
        {props.schedule.text}
        <Show when={props.schedule.version === 0}>
          <span class="muted"> (Rounds’ starting schedule: save your own.)</span>
        </Show>
      </p>
      <FormAlert message={form.formError()} />
      <div class="form-grid">
        <SelectField
          label="How often"
          name="frequency"
          value={values.frequency}
          options={optionsOf(PAY_FREQUENCY_LABELS)}
          onChange={set('frequency', 'frequency')}
          error={form.error('frequency')}
          required
        />
        <Show when={values.frequency !== 'semimonthly'}>
          <TextField
            label="First day of any one pay period"
            name="anchorDate"
            type="date"
            value={values.anchorDate}
            onInput={set('anchorDate', 'anchorDate')}
            error={form.error('anchorDate')}
            hint="The other periods follow from it."
            required
          />
        </Show>
      </div>
      <fieldset class="fieldset stack">
        <legend class="legend">ADP Workforce Now</legend>
        <p class="muted small">
          For the ADP paydata file. Leave these empty if the practice does not run payroll in ADP.
        </p>
        <div class="form-grid">
          <TextField
            label="ADP company code"
            name="adp.companyCode"
            value={values.companyCode}
            onInput={set('companyCode', 'adp.companyCode')}
            error={form.error('adp.companyCode')}
            hint="3 letters or digits, as ADP shows it (Co Code)."
            maxLength={3}
            autocapitalize="characters"
            spellcheck={false}
            optional
          />
          <TextField
            label="Hours code for PTO"
            name="adp.ptoCode"
            value={values.ptoCode}
            onInput={set('ptoCode', 'adp.ptoCode')}
            error={form.error('adp.ptoCode')}
            hint={`The Hours 3 code your ADP account uses for paid time off (${ADP_DEFAULT_HOURS_CODES.pto} if empty).`}
            placeholder={ADP_DEFAULT_HOURS_CODES.pto}
            maxLength={3}
            autocapitalize="characters"
            spellcheck={false}
            optional
          />
          <TextField
            label="Hours code for sick time"
            name="adp.sickCode"
            value={values.sickCode}
            onInput={set('sickCode', 'adp.sickCode')}
            error={form.error('adp.sickCode')}
            hint={`The Hours 3 code for sick time (${ADP_DEFAULT_HOURS_CODES.sick} if empty).`}
            placeholder={ADP_DEFAULT_HOURS_CODES.sick}
            maxLength={3}
            autocapitalize="characters"
            spellcheck={false}
            optional
          />
        </div>
      </fieldset>
      <div class="button-row">
        <Button type="submit" variant="primary" busy={form.sending()}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
