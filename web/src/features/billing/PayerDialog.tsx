import { createEffect, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Payer, PayerUpdateSchema } from '../../../../shared/schemas/billing-payers.ts';
import { addDays } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { DEFAULT_NOTICE_DAYS, getPayers, updatePayer } from './payers-api.ts';

interface Values {
  appealDays: string;
  timelyFilingDays: string;
  effectiveFrom: string;
  effectiveTo: string;
  renewalDate: string;
  noticeDays: string;
  note: string;
}

const CONTRACT_FIELDS = ['effectiveFrom', 'effectiveTo', 'renewalDate', 'noticeDays', 'note'] as const;

function valuesOf(p: Payer): Values {
  const c = p.contract;
  return {
    appealDays: String(p.appealDays),
    timelyFilingDays: String(p.timelyFilingDays),
    effectiveFrom: c?.effectiveFrom ?? '',
    effectiveTo: c?.effectiveTo ?? '',
    renewalDate: c?.renewalDate ?? '',
    noticeDays: c?.noticeDays === undefined ? '' : String(c.noticeDays),
    note: c?.note ?? '',
  };
}

/** Edit a payer's appeal and timely-filing windows and its contract (owners and managers). */
export function PayerDialog(props: { payer: Payer | undefined; onClose: () => void }) {
  const form = createForm();
  /** The payer as last read: a 409 replaces it with the version someone else saved. */
  const [base, setBase] = createSignal<Payer>();
  const [values, setValues] = createStore<Values>({
    appealDays: '',
    timelyFilingDays: '',
    effectiveFrom: '',
    effectiveTo: '',
    renewalDate: '',
    noticeDays: '',
    note: '',
  });
  let formRef: HTMLFormElement | undefined;

  const reset = (p: Payer) => {
    setBase(p);
    setValues(valuesOf(p));
    form.setErrors({});
    form.setFormError(undefined);
  };
  // Each opening starts from the payer as it is now.
  createEffect(
    on(
      () => props.payer,
      (p) => {
        if (p) reset(p);
      },
    ),
  );

  const set = (name: keyof Values, path: string) => (v: string) => {
    setValues(name, v);
    form.clearError(path);
  };
  const contractEmpty = () => CONTRACT_FIELDS.every((f) => values[f].trim() === '');
  const hadContract = () => Boolean(base()?.contract);
  const noticeDeadline = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.renewalDate)) return undefined;
    const days = numberOrUndefined(values.noticeDays) ?? DEFAULT_NOTICE_DAYS;
    return Number.isInteger(days) && days >= 0 ? addDays(values.renewalDate, -days) : undefined;
  };

  const clearContract = () => {
    for (const f of CONTRACT_FIELDS) setValues(f, '');
    for (const f of CONTRACT_FIELDS) form.clearError(`contract.${f}`);
  };

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = base();
    if (!p) return;
    const removing = hadContract() && contractEmpty();
    if (removing) {
      const ok = await confirm({
        title: `Remove the ${p.name} contract?`,
        message: (
          <p>
            Its dates and note are deleted, and the reminder before the notice deadline is cancelled. The
            filing windows are kept.
          </p>
        ),
        confirmLabel: 'Remove the contract',
      });
      if (!ok) return;
    }
    const body = {
      appealDays: numberOrUndefined(values.appealDays),
      timelyFilingDays: numberOrUndefined(values.timelyFilingDays),
      // Empty contract fields mean no contract; the API keeps only what is sent.
      contract: contractEmpty()
        ? null
        : {
            effectiveFrom: values.effectiveFrom,
            effectiveTo: optional(values.effectiveTo),
            renewalDate: optional(values.renewalDate),
            noticeDays: numberOrUndefined(values.noticeDays),
            note: optional(values.note),
          },
      version: p.version,
    };
    let stale = false;
    const ok = await form.submit(formRef, PayerUpdateSchema, body, async (data) => {
      try {
        await updatePayer(p.id, data);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) {
      // The list was re-read with the change: show the payer as it is now, and say so.
      const fresh = (await getPayers()).items.find((x) => x.id === p.id);
      if (fresh) reset(fresh);
      form.setFormError(
        'Someone else saved changes to this payer meanwhile. The form now shows them: check and save again.',
      );
      return;
    }
    if (ok) {
      toast.success(removing ? `Removed the ${p.name} contract.` : `Saved ${p.name}.`);
      props.onClose();
    }
  };

  return (
    <Dialog
      open={!!props.payer}
      title={props.payer ? `Edit ${props.payer.name}` : ''}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <fieldset class="fieldset stack">
          <legend class="legend">Filing windows</legend>
          <div class="form-grid">
            <TextField
              label="Days to appeal"
              name="appealDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              value={values.appealDays}
              onInput={set('appealDays', 'appealDays')}
              error={form.error('appealDays')}
              hint="From the payer's decision."
              required
            />
            <TextField
              label="Days to file a claim"
              name="timelyFilingDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={730}
              value={values.timelyFilingDays}
              onInput={set('timelyFilingDays', 'timelyFilingDays')}
              error={form.error('timelyFilingDays')}
              hint="Timely filing, from the date of service."
              required
            />
          </div>
        </fieldset>
        <fieldset class="fieldset stack">
          <legend class="legend">Contract</legend>
          <p class="muted small">
            Leave every contract field empty if there is no contract. Managers are reminded 60, 30 and 14 days
            before the notice deadline, and on the day.
          </p>
          <div class="form-grid">
            <TextField
              label="In effect from"
              name="contract.effectiveFrom"
              type="date"
              value={values.effectiveFrom}
              onInput={set('effectiveFrom', 'contract.effectiveFrom')}
              error={form.error('contract.effectiveFrom')}
              required={!contractEmpty()}
              optional={contractEmpty()}
            />
            <TextField
              label="Ends on"
              name="contract.effectiveTo"
              type="date"
              value={values.effectiveTo}
              onInput={set('effectiveTo', 'contract.effectiveTo')}
              error={form.error('contract.effectiveTo')}
              optional
            />
            <TextField
              label="Renews on"
              name="contract.renewalDate"
              type="date"
              value={values.renewalDate}
              onInput={set('renewalDate', 'contract.renewalDate')}
              error={form.error('contract.renewalDate')}
              optional
            />
            <TextField
              label="Days of notice before renewal"
              name="contract.noticeDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              value={values.noticeDays}
              onInput={set('noticeDays', 'contract.noticeDays')}
              error={form.error('contract.noticeDays')}
              hint={`${DEFAULT_NOTICE_DAYS} when left empty.`}
              optional
            />
          </div>
          <Show when={noticeDeadline()}>
            {(d) => (
              <p class="small" aria-live="polite">
                Notice to renegotiate or leave is due by <strong>{formatCalendarDate(d())}</strong>.
              </p>
            )}
          </Show>
          <TextAreaField
            label="Note"
            name="contract.note"
            value={values.note}
            onInput={set('note', 'contract.note')}
            optional
            maxLength={500}
            hint="Who to send notice to, how (letter, portal), the rate escalator."
            error={form.error('contract.note')}
          />
          <Show when={hadContract()}>
            <Show
              when={!contractEmpty()}
              fallback={
                <p class="small" role="status">
                  The contract will be removed when you save.
                </p>
              }
            >
              <div>
                <Button size="sm" variant="ghost" onClick={clearContract}>
                  Clear the contract fields
                </Button>
              </div>
            </Show>
          </Show>
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
