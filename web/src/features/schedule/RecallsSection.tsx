import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  OUTREACH_CHANNELS,
  type PatientMatch,
  type Recall,
  RecallInputSchema,
} from '../../../../shared/schemas/scheduling.ts';
import { localParts } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge, StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { browserTimeZone } from '../../lib/timezones.ts';
import { PatientPicker } from './PatientPicker.tsx';
import { createRecall, listRecalls, recordOutreach } from './waitlist-api.ts';

const OUTCOMES = [
  { value: 'no_answer', label: 'No answer' },
  { value: 'left_message', label: 'Left a message' },
  { value: 'will_call', label: 'Will call back' },
  { value: 'scheduled', label: 'Scheduled a visit' },
  { value: 'declined', label: 'Declined' },
];
const CHANNEL_LABELS: Record<(typeof OUTREACH_CHANNELS)[number], string> = {
  phone: 'Phone',
  sms: 'Text message',
  email: 'Email',
  letter: 'Letter',
};
const outcomeLabel = (v: string) => OUTCOMES.find((o) => o.value === v)?.label ?? v;
const today = () => localParts(Date.now(), browserTimeZone() ?? 'UTC').date;

/** Patients due back by a date, with every outreach attempt, until they are scheduled. */
export function RecallsSection() {
  const [dueBy, setDueBy] = createSignal('');
  const list = createPagedList(
    () => dueBy(),
    (cursor) => listRecalls(dueBy() || undefined, cursor, PAGE_SIZE),
  );
  const [adding, setAdding] = createSignal(false);
  const [logging, setLogging] = createSignal<Recall>();
  const last = (r: Recall) => r.outreach[r.outreach.length - 1];

  return (
    <Section
      title="Recalls"
      id="recalls"
      description="Open recalls by due date: annual physicals, follow-ups. Log each call or letter until the patient is scheduled."
      actions={
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add recall
        </Button>
      }
    >
      <div class="form-row">
        <TextField
          label="Due by"
          name="dueBy"
          type="date"
          value={dueBy()}
          onInput={setDueBy}
          hint="Empty: every open recall"
          optional
        />
        <div class="form-row-submit">
          <Button size="sm" onClick={() => setDueBy(today())}>
            Due today or earlier
          </Button>
        </div>
      </div>
      <DataTable
        caption="Open recalls, soonest due first"
        rows={list.items()}
        loading={list.loading()}
        empty={
          <EmptyState title="No recalls due">
            <p>Add patients who should come back by a date, like an annual physical.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Patient', cell: (r) => <span class="strong">{r.patientName}</span> },
          { header: 'Reason', cell: (r) => r.reason },
          {
            header: 'Due',
            cell: (r) => (
              <>
                {formatCalendarDate(r.dueDate)}{' '}
                <Show when={r.dueDate < today() && ['due', 'contacted'].includes(r.status)}>
                  <Badge tone="warning">Overdue</Badge>
                </Show>
              </>
            ),
          },
          { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
          {
            header: 'Last outreach',
            cell: (r) => (
              <Show when={last(r)} fallback={<span class="muted">None yet</span>}>
                {(o) => (
                  <span>
                    {formatDate(o().at)} · {CHANNEL_LABELS[o().channel]} · {outcomeLabel(o().outcome)} ·{' '}
                    {o().by}
                    <Show when={r.outreach.length > 1}>
                      <span class="muted"> ({r.outreach.length} attempts)</span>
                    </Show>
                  </span>
                )}
              </Show>
            ),
          },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (r) => (
              <Button size="sm" onClick={() => setLogging(r)} aria-label={`Log outreach to ${r.patientName}`}>
                Log outreach
              </Button>
            ),
          },
        ]}
      />
      <ListPager label="Recalls" list={list} />
      <RecallDialog open={adding()} onClose={() => setAdding(false)} />
      <OutreachDialog recall={logging()} onClose={() => setLogging(undefined)} />
    </Section>
  );
}

function RecallDialog(props: { open: boolean; onClose: () => void }) {
  const [patient, setPatient] = createSignal<PatientMatch>();
  const [v, setV] = createStore({ reason: '', dueDate: '' });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const close = () => {
    setPatient(undefined);
    setV({ reason: '', dueDate: '' });
    form.setErrors({});
    form.setFormError(undefined);
    props.onClose();
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = patient();
    if (!p) {
      form.setFormError('Choose the patient first.');
      return;
    }
    const body = { patientId: p.id, reason: v.reason.trim(), dueDate: v.dueDate };
    const ok = await form.submit(ref, RecallInputSchema, body, async (data) => {
      await createRecall(data);
    });
    if (ok) {
      toast.success(`Recall added for ${p.lastName}, ${p.firstName}`);
      close();
    }
  };
  return (
    <Dialog open={props.open} title="Add a recall" onClose={close}>
      <div class="stack">
        <PatientPicker selected={patient()} onSelect={setPatient} />
        <Show when={patient()}>
          {(p) => (
            <p>
              Patient:{' '}
              <strong>
                {p().lastName}, {p().firstName}
              </strong>
            </p>
          )}
        </Show>
        <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Recall details">
          <TextField
            label="Reason"
            name="reason"
            value={v.reason}
            onInput={(x) => setV('reason', x)}
            error={form.error('reason')}
            placeholder="Annual physical"
            required
          />
          <TextField
            label="Due by"
            name="dueDate"
            type="date"
            value={v.dueDate}
            onInput={(x) => setV('dueDate', x)}
            error={form.error('dueDate')}
            required
          />
          <FormAlert message={form.formError()} />
          <div class="button-row">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Add recall
            </Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}

function OutreachDialog(props: { recall?: Recall; onClose: () => void }) {
  const [v, setV] = createStore({ channel: 'phone', outcome: 'no_answer', note: '' });
  const form = createForm();
  const [sending, setSending] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = props.recall;
    if (!r) return;
    setSending(true);
    form.setFormError(undefined);
    try {
      await recordOutreach(r, { channel: v.channel, outcome: v.outcome, note: optional(v.note) });
      toast.success(`Logged: ${outcomeLabel(v.outcome).toLowerCase()}`);
      setV({ note: '' });
      props.onClose();
    } catch (err) {
      form.showError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog
      open={props.recall !== undefined}
      title={`Outreach to ${props.recall?.patientName ?? ''}`}
      onClose={() => props.onClose()}
    >
      <form class="form stack" novalidate onSubmit={submit} aria-label="Outreach attempt">
        <p class="muted">
          {props.recall?.reason}, due {props.recall ? formatCalendarDate(props.recall.dueDate) : ''}.
          “Scheduled” and “Declined” close the recall.
        </p>
        <SelectField
          label="How"
          name="channel"
          value={v.channel}
          onChange={(x) => setV('channel', x)}
          options={OUTREACH_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <SelectField
          label="Outcome"
          name="outcome"
          value={v.outcome}
          onChange={(x) => setV('outcome', x)}
          options={OUTCOMES}
        />
        <TextField
          label="Note"
          name="note"
          value={v.note}
          onInput={(x) => setV('note', x)}
          error={form.error('note')}
          optional
        />
        <FormAlert message={form.formError()} />
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Button type="submit" variant="primary" busy={sending()}>
            Log outreach
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
