import { createAsync } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, Show, Suspense } from 'solid-js';
import {
  ClaimAssignSchema,
  type ClaimDto,
  ClaimFollowUpSchema,
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_LABELS,
} from '../../../../shared/schemas/billing.ts';
import { addDays } from '../../../../shared/time.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatCalendarDate, isoDay, roleLabel } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { formatCents } from '../../lib/number-format.ts';
import { getAssignees } from '../today/api.ts';
import { assignClaim, recordFollowUp } from './api.ts';

type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/**
 * A write refused because the claim changed meanwhile (someone else worked it, a remittance came in,
 * or it closed): 409. The change already re-read the claim; the dialog closes and says why.
 */
function refusedAsStale(err: unknown, close: () => void): boolean {
  if (!(err instanceof ApiError) || err.status !== 409) return false;
  toast.error(
    `${err.message.replace(/[.;]?\s*reload( it)? and try again\.?$/i, '')}. The claim is shown as it is now.`,
  );
  close();
  return true;
}

const today = () => isoDay(new Date());

/** "Assign for follow-up": a person, a date (their Today item is due then) and a note. */
export function AssignDialog(props: { open: boolean; claim: ClaimDto; onClose: () => void }) {
  const assignees = createAsync(() => getAssignees());
  const [person, setPerson] = createSignal(props.claim.assignee?.id ?? '');
  const [date, setDate] = createSignal(props.claim.followUpDate ?? addDays(today(), 7));
  const [note, setNote] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  // Each opening starts from the claim as it is now (it may have been reassigned meanwhile).
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setPerson(props.claim.assignee?.id ?? '');
        setDate(props.claim.followUpDate ?? addDays(today(), 7));
      },
    ),
  );
  const people = () =>
    (assignees()?.people ?? []).map((p) => ({ value: p.userId, label: `${p.name} · ${roleLabel(p.role)}` }));
  const close = () => {
    form.setErrors({});
    form.setFormError(undefined);
    props.onClose();
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    let stale = false;
    const ok = await form.submit(
      formRef,
      ClaimAssignSchema,
      { assigneeId: person(), followUpDate: date(), note: optional(note()), version: props.claim.version },
      async (data) => {
        try {
          await assignClaim(props.claim.id, data);
        } catch (err) {
          if (refusedAsStale(err, close)) stale = true;
          else throw err;
        }
      },
    );
    if (ok && !stale) {
      const name = assignees()?.people.find((p) => p.userId === person())?.name ?? 'them';
      toast.success(
        `Assigned to ${name}, follow up by ${formatCalendarDate(date())}. It is on their Today list.`,
      );
      setNote('');
      close();
    }
  };
  return (
    <Dialog open={props.open} title={`Assign claim ${props.claim.id} for follow-up`} onClose={close}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>The person gets an item on their Today list, due on the follow-up date.</p>
        <FormAlert message={form.formError()} />
        <Suspense fallback={<Loading label="Loading the team…" />}>
          <SelectField
            label="Who follows it up"
            name="assigneeId"
            value={person()}
            placeholder="Choose a person"
            options={people()}
            onChange={(v) => {
              setPerson(v);
              form.clearError('assigneeId');
            }}
            error={form.error('assigneeId')}
            required
          />
        </Suspense>
        <TextField
          label="Follow up by"
          name="followUpDate"
          type="date"
          value={date()}
          min={today()}
          onInput={(v) => {
            setDate(v);
            form.clearError('followUpDate');
          }}
          error={form.error('followUpDate')}
          required
        />
        <TextAreaField
          label="Note"
          name="note"
          value={note()}
          onInput={setNote}
          optional
          maxLength={500}
          hint="What to check or do, e.g. “Call Harbor about the missing authorization.”"
          error={form.error('note')}
        />
        <div class="button-row">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Assign
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Which follow-ups make sense for the claim as it stands (the API refuses an appeal of a claim not denied). */
function actionsFor(claim: ClaimDto): FollowUpAction[] {
  return FOLLOW_UP_ACTIONS.filter((a) => {
    if (a === 'appealed') return claim.state === 'denied';
    if (a === 'appeal_won' || a === 'appeal_lost') return claim.state === 'appealed';
    if (a === 'written_off') return claim.insuranceBalanceCents > 0;
    return true;
  });
}

/** "Record follow-up": what was done, a note, and when to look again; a write-off is confirmed first. */
export function FollowUpDialog(props: { open: boolean; claim: ClaimDto; onClose: () => void }) {
  const choices = createMemo(() => actionsFor(props.claim));
  const [action, setAction] = createSignal<string>('note');
  /** The choice on screen: one the claim no longer allows (it changed meanwhile) falls back to a note. */
  const chosen = () => (choices().includes(action() as FollowUpAction) ? action() : 'note');
  const [note, setNote] = createSignal('');
  const [next, setNext] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const writingOff = () => chosen() === 'written_off';
  const close = () => {
    form.setErrors({});
    form.setFormError(undefined);
    props.onClose();
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    let done = true;
    let asked = false;
    // Read before sending: the claim is re-read after the change, when the payer owes nothing any more.
    const owed = props.claim.insuranceBalanceCents;
    const ok = await form.submit(
      formRef,
      ClaimFollowUpSchema,
      {
        action: chosen(),
        note: note(),
        nextFollowUpDate: writingOff() ? undefined : optional(next()),
        version: props.claim.version,
      },
      async (data) => {
        if (data.action === 'written_off') {
          asked = true;
          const yes = await confirm({
            title: `Write off ${formatCents(owed)}?`,
            message: (
              <p>
                What {props.claim.payerName} still owes on claim {props.claim.id} is taken off A/R for good
                and counted as a write-off. The claim closes unless the patient still owes something. This
                cannot be undone here.
              </p>
            ),
            confirmLabel: 'Write it off',
            cancelLabel: 'Keep it open',
          });
          if (!yes) {
            done = false;
            return;
          }
        }
        try {
          await recordFollowUp(props.claim.id, data);
        } catch (err) {
          if (refusedAsStale(err, close)) done = false;
          else throw err;
        }
      },
    );
    if (ok && done) {
      toast.success(
        asked
          ? `Wrote off ${formatCents(owed)} on claim ${props.claim.id}.`
          : `Recorded on claim ${props.claim.id}.`,
      );
      setNote('');
      setNext('');
      setAction('note');
      close();
    }
  };
  return (
    <Dialog open={props.open} title={`Record follow-up on claim ${props.claim.id}`} onClose={close}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <SelectField
          label="What did you do?"
          name="action"
          value={chosen()}
          options={choices().map((a) => ({ value: a, label: FOLLOW_UP_LABELS[a] }))}
          onChange={(v) => {
            setAction(v);
            form.clearError('action');
          }}
          error={form.error('action')}
        />
        <Show when={writingOff()}>
          <p class="alert alert-warning">
            A write-off takes the {formatCents(props.claim.insuranceBalanceCents)} the payer still owes off
            A/R for good. You will be asked to confirm.
          </p>
        </Show>
        <TextAreaField
          label="Note"
          name="note"
          value={note()}
          onInput={(v) => {
            setNote(v);
            form.clearError('note');
          }}
          maxLength={1000}
          rows={4}
          hint="Who you spoke to, reference numbers, what was resubmitted."
          error={form.error('note')}
        />
        <Show when={!writingOff()}>
          <TextField
            label="Next follow-up"
            name="nextFollowUpDate"
            type="date"
            value={next()}
            min={today()}
            onInput={(v) => {
              setNext(v);
              form.clearError('nextFollowUpDate');
            }}
            optional
            hint={
              props.claim.assignee
                ? `${props.claim.assignee.name} gets it back on their Today list that day. Leave it empty to close the follow-up.`
                : 'Assign the claim to someone first for a date to reach a Today list.'
            }
            error={form.error('nextFollowUpDate')}
          />
        </Show>
        <div class="button-row">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant={writingOff() ? 'danger' : 'primary'} busy={form.sending()}>
            {writingOff() ? 'Write off…' : 'Record'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
