import { createEffect, createSignal, on } from 'solid-js';
import {
  CaqhAttestSchema,
  CREDENTIALING_STATUS_LABELS,
  type CredentialingRecord,
  CredentialingUpsertSchema,
} from '../../../../shared/schemas/billing-credentialing.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm, type Form, optional } from '../../lib/forms.ts';
import { attestCaqh, saveCredentialing } from './credentialing-api.ts';

/** The cell being edited: a provider, a payer, and the record between them if there is one. */
export interface CellTarget {
  npi: string;
  providerName: string;
  payerId: string;
  payerName: string;
  record?: CredentialingRecord;
}

/** The CAQH profile being edited. */
export interface CaqhTarget {
  npi: string;
  providerName: string;
  caqhId?: string;
  lastAttestedDate?: string;
  version: number;
}

const STATUS_OPTIONS = optionsOf(CREDENTIALING_STATUS_LABELS);
const FIELDS = ['submittedDate', 'effectiveDate', 'recredentialDate', 'terminatedDate', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** A date input bound to one field of a form's values. */
function DateInput(props: {
  label: string;
  name: Field;
  values: Record<Field, string>;
  set: (name: Field, v: string) => void;
  form: Form;
  hint?: string;
  required?: boolean;
}) {
  return (
    <TextField
      label={props.label}
      name={props.name}
      type="date"
      value={props.values[props.name]}
      onInput={(v) => props.set(props.name, v)}
      error={props.form.error(props.name)}
      hint={props.hint}
      optional={!props.required}
      required={props.required}
    />
  );
}

/** Edit a provider's credentialing with a payer: status, its dates and a note. */
export function RecordDialog(props: { target: CellTarget | undefined; onClose: () => void }) {
  const form = createForm();
  const [status, setStatus] = createSignal('not_started');
  const [values, setValues] = createSignal<Record<Field, string>>(emptyValues());
  let formRef: HTMLFormElement | undefined;
  // Each opening starts from the record as it is now.
  createEffect(
    on(
      () => props.target,
      (t) => {
        if (!t) return;
        form.setErrors({});
        form.setFormError(undefined);
        setStatus(t.record?.status ?? 'not_started');
        setValues(Object.fromEntries(FIELDS.map((f) => [f, t.record?.[f] ?? ''])) as Record<Field, string>);
      },
    ),
  );
  const set = (name: Field, v: string) => {
    setValues({ ...values(), [name]: v });
    form.clearError(name);
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const t = props.target;
    if (!t) return;
    const body = {
      status: status(),
      ...Object.fromEntries(FIELDS.map((f) => [f, optional(values()[f])])),
      version: t.record?.version ?? 0,
    };
    const ok = await form.submit(formRef, CredentialingUpsertSchema, body, async (data) => {
      await saveCredentialing(t.npi, t.payerId, data);
    });
    if (ok) {
      toast.success(`Saved: ${t.providerName} with ${t.payerName}.`);
      props.onClose();
    }
  };
  return (
    <Dialog
      open={!!props.target}
      title={props.target ? `${props.target.providerName} with ${props.target.payerName}` : ''}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <SelectField
          label="Status"
          name="status"
          value={status()}
          options={STATUS_OPTIONS}
          onChange={(v) => {
            setStatus(v);
            form.clearError('status');
            form.clearError('effectiveDate');
          }}
          error={form.error('status')}
          required
        />
        <div class="cred-dates">
          <DateInput label="Submitted" name="submittedDate" values={values()} set={set} form={form} />
          <DateInput
            label="Effective from"
            name="effectiveDate"
            values={values()}
            set={set}
            form={form}
            required={status() === 'effective'}
          />
          <DateInput
            label="Re-credential by"
            name="recredentialDate"
            values={values()}
            set={set}
            form={form}
            hint="Managers are reminded 90, 60 and 30 days ahead."
          />
          <DateInput label="Terminated on" name="terminatedDate" values={values()} set={set} form={form} />
        </div>
        <TextAreaField
          label="Note"
          name="note"
          value={values().note}
          onInput={(v) => set('note', v)}
          optional
          maxLength={500}
          hint="Who you spoke to, a reference number, what is missing."
          error={form.error('note')}
        />
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

function emptyValues(): Record<Field, string> {
  return { submittedDate: '', effectiveDate: '', recredentialDate: '', terminatedDate: '', note: '' };
}

/** Record a CAQH re-attestation: the date (the next is due 120 days later) and the CAQH id. */
export function CaqhDialog(props: { target: CaqhTarget | undefined; onClose: () => void }) {
  const form = createForm();
  const [date, setDate] = createSignal('');
  const [caqhId, setCaqhId] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.target,
      (t) => {
        if (!t) return;
        form.setErrors({});
        form.setFormError(undefined);
        setDate(t.lastAttestedDate ?? '');
        setCaqhId(t.caqhId ?? '');
      },
    ),
  );
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const t = props.target;
    if (!t) return;
    const body = { lastAttestedDate: date(), caqhId: optional(caqhId()), version: t.version };
    let next = '';
    const ok = await form.submit(formRef, CaqhAttestSchema, body, async (data) => {
      next = (await attestCaqh(t.npi, data)).nextDueDate;
    });
    if (ok) {
      toast.success(
        `Saved. ${t.providerName}'s next CAQH re-attestation is due ${formatCalendarDate(next)}.`,
      );
      props.onClose();
    }
  };
  return (
    <Dialog
      open={!!props.target}
      title={props.target ? `CAQH re-attestation for ${props.target.providerName}` : ''}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>CAQH asks providers to re-attest every 120 days. Managers are reminded 30 and 14 days ahead.</p>
        <FormAlert message={form.formError()} />
        <TextField
          label="Last attested on"
          name="lastAttestedDate"
          type="date"
          value={date()}
          onInput={(v) => {
            setDate(v);
            form.clearError('lastAttestedDate');
          }}
          error={form.error('lastAttestedDate')}
          required
        />
        <TextField
          label="CAQH provider id"
          name="caqhId"
          value={caqhId()}
          inputMode="numeric"
          maxLength={10}
          onInput={(v) => {
            setCaqhId(v);
            form.clearError('caqhId');
          }}
          error={form.error('caqhId')}
          optional
        />
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
