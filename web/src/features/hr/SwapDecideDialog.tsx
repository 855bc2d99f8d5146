import { createSignal, Show } from 'solid-js';
import {
  SwapAnswerSchema,
  SwapDecisionSchema,
  type SwapRequest,
} from '../../../../shared/schemas/hr-swaps.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { formatLocalDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { answerSwap, decideSwap } from './swaps-api.ts';
import { STALE_SWAP, shiftWhen } from './swaps-format.ts';

/**
 * What is being decided: a manager approves or declines a request, or the colleague asked accepts
 * or declines taking the shift (when the practice has the colleague accept first).
 */
export type DecideTarget = {
  request: SwapRequest;
  decision: 'approve' | 'decline';
  by: 'manager' | 'colleague';
};

function sentence(t: DecideTarget) {
  const r = t.request;
  if (t.by === 'colleague') {
    return t.decision === 'approve'
      ? `You take ${r.fromName}’s shift on ${shiftWhen(r)} at ${r.locationName} once a manager approves.`
      : `${r.fromName} keeps the shift on ${shiftWhen(r)}; your note is shown to them.`;
  }
  return t.decision === 'approve'
    ? `${r.fromName}’s shift on ${shiftWhen(r)} at ${r.locationName} becomes ${r.toName}’s. Rounds checks again that ${r.toName} is free then.`
    : `${r.fromName} keeps the shift on ${shiftWhen(r)} at ${r.locationName}.`;
}

function doneMessage(t: DecideTarget) {
  const r = t.request;
  if (t.by === 'colleague') {
    return t.decision === 'approve'
      ? `Accepted: a manager decides next about the shift on ${formatLocalDay(r.date)}.`
      : `Declined ${r.fromName}’s shift on ${formatLocalDay(r.date)}.`;
  }
  return t.decision === 'approve'
    ? `Gave the shift on ${formatLocalDay(r.date)} to ${r.toName}.`
    : `Declined ${r.fromName}’s swap to ${r.toName}.`;
}

/** Asks before a decision (approving changes the schedule), with an optional note for the people. */
function DecideForm(props: { target: DecideTarget; onClose: () => void }) {
  const form = createForm();
  const [note, setNote] = createSignal('');
  const r = () => props.target.request;
  const approve = () => props.target.decision === 'approve';
  const colleague = () => props.target.by === 'colleague';
  let formRef: HTMLFormElement | undefined;

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    let stale = false;
    const guard = async (call: () => Promise<unknown>) => {
      try {
        await call();
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    };
    const ok = colleague()
      ? await form.submit(
          formRef,
          SwapAnswerSchema,
          { answer: approve() ? 'accept' : 'decline', note: optional(note()), version: r().version },
          (data) => guard(() => answerSwap(r().id, data)),
        )
      : await form.submit(
          formRef,
          SwapDecisionSchema,
          { decision: props.target.decision, note: optional(note()), version: r().version },
          (data) => guard(() => decideSwap(r().id, data)),
        );
    if (stale) {
      // The list was re-read with the change; the request may not be waiting any more.
      toast.error(STALE_SWAP);
      props.onClose();
      return;
    }
    if (!ok) return;
    toast.success(doneMessage(props.target));
    props.onClose();
  };

  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate>
      <p>{sentence(props.target)}</p>
      <FormAlert message={form.formError()} />
      <Show when={!(colleague() && approve())}>
        <TextAreaField
          label={colleague() ? 'Note to the person who asked' : 'Decision note'}
          name="note"
          value={note()}
          onInput={(v) => {
            setNote(v);
            form.clearError('note');
          }}
          optional
          maxLength={500}
          hint={
            colleague()
              ? `Shown to ${r().fromName}.`
              : `Shown with the request to ${r().fromName} and ${r().toName}.`
          }
          error={form.error('note')}
        />
      </Show>
      <div class="button-row">
        <Button onClick={() => props.onClose()} data-autofocus>
          Cancel
        </Button>
        <Button type="submit" variant={approve() ? 'primary' : 'danger'} busy={form.sending()}>
          {colleague()
            ? approve()
              ? 'Accept the shift'
              : 'Decline the shift'
            : approve()
              ? 'Approve the swap'
              : 'Decline the swap'}
        </Button>
      </div>
    </form>
  );
}

/** A manager's decision, or the colleague's answer, on one request. */
export function DecideDialog(props: { target: DecideTarget | undefined; onClose: () => void }) {
  const title = () => {
    const t = props.target;
    if (!t) return '';
    if (t.by === 'colleague') {
      return t.decision === 'approve'
        ? `Take ${t.request.fromName}’s shift on ${formatLocalDay(t.request.date)}?`
        : `Decline ${t.request.fromName}’s shift?`;
    }
    return t.decision === 'approve'
      ? `Give the shift on ${formatLocalDay(t.request.date)} to ${t.request.toName}?`
      : `Decline ${t.request.fromName}’s swap?`;
  };
  return (
    <Dialog open={!!props.target} title={title()} onClose={props.onClose}>
      {/* Keyed: each request opens a fresh form, so no note carries over from the last one. */}
      <Show when={props.target} keyed>
        {(t) => <DecideForm target={t} onClose={props.onClose} />}
      </Show>
    </Dialog>
  );
}
