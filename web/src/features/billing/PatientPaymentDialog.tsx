import { createEffect, createSignal, on } from 'solid-js';
import type { ClaimDto } from '../../../../shared/schemas/billing.ts';
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type PatientPayment,
  PatientPaymentSchema,
  readMoney,
} from '../../../../shared/schemas/billing-entry.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { api } from '../../lib/api.ts';
import { isoDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { mutate } from '../../lib/mutation.ts';
import { formatCents } from '../../lib/number-format.ts';
import { getAging, getClaim, getDashboard, listClaims } from './api.ts';

/** Records the payment; the claim, its list, the KPIs and the aging all move with it. */
const recordPatientPayment = (id: string, body: PatientPayment) =>
  mutate(
    api<ClaimDto>(`/billing/claims/${encodeURIComponent(id)}/patient-payments`, { method: 'POST', body }),
    [getClaim.key, listClaims.key, getDashboard.key, getAging.key],
  );

type Method = PatientPayment['method'];

/**
 * "Record a patient payment": money the patient paid toward their share of a claim (after the
 * payer left them a deductible, copay or coinsurance). The amount is typed as people write money
 * ("$40", "40.00") and checked with the API's own schema; the API refuses more than they owe.
 */
export function PatientPaymentDialog(props: { open: boolean; claim: ClaimDto; onClose: () => void }) {
  const [amount, setAmount] = createSignal('');
  const [date, setDate] = createSignal(isoDay(new Date()));
  const [method, setMethod] = createSignal<Method>('card');
  const [note, setNote] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const owed = () => props.claim.patientBalanceCents;
  // Each opening starts with what the patient owes now, the most they can pay.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setAmount(owed() > 0 ? (owed() / 100).toFixed(2) : '');
        setDate(isoDay(new Date()));
        setNote('');
      },
    ),
  );
  const close = () => {
    form.setErrors({});
    form.setFormError(undefined);
    props.onClose();
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = {
      amountCents: readMoney(amount()) ?? Number.NaN,
      date: date(),
      method: method(),
      note: optional(note()),
      version: props.claim.version,
    };
    const ok = await form.submit(formRef, PatientPaymentSchema, value, async (data) => {
      await recordPatientPayment(props.claim.id, data);
    });
    if (ok) {
      toast.success(
        `Recorded ${formatCents(value.amountCents)} from the patient on claim ${props.claim.id}.`,
      );
      close();
    }
  };
  return (
    <Dialog open={props.open} title={`Record a patient payment on claim ${props.claim.id}`} onClose={close}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>
          The patient owes {formatCents(owed())} on this claim. The payment lowers their balance and counts as
          collected in the month it was paid.
        </p>
        <FormAlert message={form.formError()} />
        <TextField
          label="Amount"
          name="amountCents"
          value={amount()}
          inputMode="decimal"
          hint="In dollars, e.g. 40.00"
          onInput={(v) => {
            setAmount(v);
            form.clearError('amountCents');
          }}
          error={form.error('amountCents')}
          required
        />
        <TextField
          label="Paid on"
          name="date"
          type="date"
          value={date()}
          max={isoDay(new Date())}
          onInput={(v) => {
            setDate(v);
            form.clearError('date');
          }}
          error={form.error('date')}
          required
        />
        <SelectField
          label="Paid by"
          name="method"
          value={method()}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
          onChange={(v) => {
            setMethod(v as Method);
            form.clearError('method');
          }}
          error={form.error('method')}
          required
        />
        <TextAreaField
          label="Note"
          name="note"
          value={note()}
          onInput={setNote}
          optional
          maxLength={500}
          hint="e.g. the check number or the receipt number."
          error={form.error('note')}
        />
        <div class="button-row">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()} disabled={owed() <= 0}>
            Record payment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
