import { createSignal, Show } from 'solid-js';
import { type LeaveCase, LeaveCaseCloseSchema } from '../../../../shared/schemas/hr-leave.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isoDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { closeLeaveCase } from './leave-api.ts';
import { caseTitle } from './leave-format.ts';

/**
 * Closing a case asks first, for the day the person came back: the button opens a small form rather
 * than closing at once, since the return date ends the case's alerts and cannot be taken back here.
 */
export function LeaveCloseForm(props: { c: LeaveCase }) {
  const [asking, setAsking] = createSignal(false);
  const [returnDate, setReturnDate] = createSignal('');
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const ask = () => {
    form.setErrors({});
    form.setFormError(undefined);
    setReturnDate(isoDay(new Date()));
    setAsking(true);
    queueMicrotask(() => ref?.querySelector<HTMLInputElement>('input')?.focus());
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(
      ref,
      LeaveCaseCloseSchema,
      { returnDate: optional(returnDate()), version: props.c.version },
      async (body) => {
        await closeLeaveCase(props.c.id, body);
      },
    );
    if (ok) {
      setAsking(false);
      toast.success(`Closed ${caseTitle(props.c)}`);
    }
  };
  return (
    <section class="leave-part" aria-label="Close the case">
      <Show
        when={asking()}
        fallback={
          <div>
            <Button onClick={ask}>Close the case…</Button>
          </div>
        }
      >
        <form ref={ref} class="stack" onSubmit={send} novalidate aria-labelledby="leave-close-title">
          <h3 id="leave-close-title" class="leave-h">
            Close the case
          </h3>
          <p class="small">
            When did {props.c.staffName} come back to work? Closing stops the case's reminders; the leave
            logged stays in the 12 weeks.
          </p>
          <FormAlert message={form.formError()} />
          <TextField
            label="Return to work"
            name="returnDate"
            class="leave-close-field"
            type="date"
            value={returnDate()}
            onInput={(v) => {
              setReturnDate(v);
              form.clearError('returnDate');
            }}
            error={form.error('returnDate')}
            min={props.c.startDate}
            required
          />
          <div class="button-row">
            <Button onClick={() => setAsking(false)}>Keep it open</Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Close the case
            </Button>
          </div>
        </form>
      </Show>
    </section>
  );
}
