import { createEffect, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  PAY_PERIOD_LABELS,
  TIME_OFF_KIND_LABELS,
  type TimeOffPolicy,
  TimeOffPolicyInputSchema,
} from '../../../../shared/schemas/hr-time-off.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { getTimeOffPolicies, saveTimeOffPolicy } from './time-off-api.ts';

interface Values {
  method: TimeOffPolicy['method'];
  hoursWorkedPerHour: string;
  hoursPerPeriod: string;
  payPeriod: string;
  payPeriodAnchor: string;
  yearlyCapHours: string;
  balanceCapHours: string;
  carryoverCapHours: string;
  waitingPeriodDays: string;
  planYearStart: string;
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

function valuesOf(p: TimeOffPolicy): Values {
  return {
    method: p.method,
    hoursWorkedPerHour: num(p.hoursWorkedPerHour),
    hoursPerPeriod: num(p.hoursPerPeriod),
    payPeriod: p.payPeriod ?? '',
    payPeriodAnchor: p.payPeriodAnchor ?? '',
    yearlyCapHours: num(p.yearlyCapHours),
    balanceCapHours: num(p.balanceCapHours),
    carryoverCapHours: num(p.carryoverCapHours),
    waitingPeriodDays: String(p.waitingPeriodDays),
    planYearStart: p.planYearStart,
  };
}

const METHOD_OPTIONS = [
  { value: 'per_hour_worked', label: 'By hours worked' },
  { value: 'per_pay_period', label: 'A set amount each pay period' },
];

/** Edit how one kind of time off is earned and capped (owners and managers). */
export function TimeOffPolicyDialog(props: { policy: TimeOffPolicy | undefined; onClose: () => void }) {
  const form = createForm();
  /** The policy as last read: a 409 replaces it with the version someone else saved. */
  const [base, setBase] = createSignal<TimeOffPolicy>();
  const [values, setValues] = createStore<Values>(
    valuesOf({
      kind: 'pto',
      method: 'per_hour_worked',
      waitingPeriodDays: 0,
      planYearStart: '01-01',
      text: '',
      version: 0,
    }),
  );
  let formRef: HTMLFormElement | undefined;

  const reset = (p: TimeOffPolicy) => {
    setBase(p);
    setValues(valuesOf(p));
    form.setErrors({});
    form.setFormError(undefined);
  };
  createEffect(
    on(
      () => props.policy,
      (p) => {
        if (p) reset(p);
      },
    ),
  );

  const set = (name: keyof Values) => (v: string) => {
    setValues(name, v as never);
    form.clearError(name);
  };
  const perHour = () => values.method === 'per_hour_worked';

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = base();
    if (!p) return;
    // Only the chosen method's fields are sent: the API keeps what it is given.
    const body = {
      kind: p.kind,
      method: values.method,
      hoursWorkedPerHour: perHour() ? numberOrUndefined(values.hoursWorkedPerHour) : undefined,
      hoursPerPeriod: perHour() ? undefined : numberOrUndefined(values.hoursPerPeriod),
      payPeriod: perHour() ? undefined : optional(values.payPeriod),
      payPeriodAnchor: perHour() ? undefined : optional(values.payPeriodAnchor),
      yearlyCapHours: numberOrUndefined(values.yearlyCapHours),
      balanceCapHours: numberOrUndefined(values.balanceCapHours),
      carryoverCapHours: numberOrUndefined(values.carryoverCapHours),
      waitingPeriodDays: numberOrUndefined(values.waitingPeriodDays) ?? 0,
      planYearStart: values.planYearStart.trim(),
      version: p.version,
    };
    let stale = false;
    const ok = await form.submit(formRef, TimeOffPolicyInputSchema, body, async (data) => {
      try {
        await saveTimeOffPolicy(data);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) {
      // The policies were re-read: show the one saved meanwhile, and say so.
      const fresh = (await getTimeOffPolicies()).items.find((x) => x.kind === p.kind);
      if (fresh) reset(fresh);
      form.setFormError(
        'Someone else saved this policy meanwhile. The form now shows their version: check and save again.',
      );
      return;
    }
    if (ok) {
      toast.success(
        `Saved the ${TIME_OFF_KIND_LABELS[p.kind].toLowerCase()} policy. Balances follow it from now on.`,
      );
      props.onClose();
    }
  };

  return (
    <Dialog
      open={!!props.policy}
      title={props.policy ? `${TIME_OFF_KIND_LABELS[props.policy.kind]} policy` : ''}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <fieldset class="fieldset stack">
          <legend class="legend">How it is earned</legend>
          <SelectField
            label="Method"
            name="method"
            value={values.method}
            options={METHOD_OPTIONS}
            onChange={set('method')}
            error={form.error('method')}
            required
          />
          <Show
            when={perHour()}
            fallback={
              <div class="form-grid">
                <TextField
                  label="Hours each pay period"
                  name="hoursPerPeriod"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={80}
                  value={values.hoursPerPeriod}
                  onInput={set('hoursPerPeriod')}
                  error={form.error('hoursPerPeriod')}
                  hint="For a full-time person; part time earns in proportion."
                  required
                />
                <SelectField
                  label="Pay period"
                  name="payPeriod"
                  value={values.payPeriod}
                  placeholder="Choose…"
                  options={optionsOf(PAY_PERIOD_LABELS)}
                  onChange={set('payPeriod')}
                  error={form.error('payPeriod')}
                  required
                />
                <Show when={values.payPeriod === 'weekly' || values.payPeriod === 'biweekly'}>
                  <TextField
                    label="A payday"
                    name="payPeriodAnchor"
                    type="date"
                    value={values.payPeriodAnchor}
                    onInput={set('payPeriodAnchor')}
                    error={form.error('payPeriodAnchor')}
                    hint="Any past payday: the others follow from it."
                    optional
                  />
                </Show>
              </div>
            }
          >
            <TextField
              label="Hours worked for each hour earned"
              name="hoursWorkedPerHour"
              type="number"
              inputMode="decimal"
              min={1}
              max={500}
              value={values.hoursWorkedPerHour}
              onInput={set('hoursWorkedPerHour')}
              error={form.error('hoursWorkedPerHour')}
              hint={`1 hour for every ${values.hoursWorkedPerHour || 'N'} hours worked.`}
              required
            />
          </Show>
        </fieldset>
        <fieldset class="fieldset stack">
          <legend class="legend">Limits</legend>
          <div class="form-grid">
            <TextField
              label="Yearly cap (hours)"
              name="yearlyCapHours"
              type="number"
              inputMode="decimal"
              min={0}
              value={values.yearlyCapHours}
              onInput={set('yearlyCapHours')}
              error={form.error('yearlyCapHours')}
              hint="The most earned in a plan year."
              optional
            />
            <TextField
              label="Balance cap (hours)"
              name="balanceCapHours"
              type="number"
              inputMode="decimal"
              min={0}
              value={values.balanceCapHours}
              onInput={set('balanceCapHours')}
              error={form.error('balanceCapHours')}
              hint="Earning stops while the balance is at it."
              optional
            />
            <TextField
              label="Carryover cap (hours)"
              name="carryoverCapHours"
              type="number"
              inputMode="decimal"
              min={0}
              value={values.carryoverCapHours}
              onInput={set('carryoverCapHours')}
              error={form.error('carryoverCapHours')}
              hint="The most kept into the next plan year."
              optional
            />
            <TextField
              label="Waiting period (days)"
              name="waitingPeriodDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={730}
              value={values.waitingPeriodDays}
              onInput={set('waitingPeriodDays')}
              error={form.error('waitingPeriodDays')}
              hint="From the hire date until it can be used; 0 for none."
              required
            />
            <TextField
              label="Plan year starts (MM-DD)"
              name="planYearStart"
              value={values.planYearStart}
              onInput={set('planYearStart')}
              error={form.error('planYearStart')}
              placeholder="01-01"
              maxLength={5}
              hint="01-01 for the calendar year."
              required
            />
          </div>
        </fieldset>
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
