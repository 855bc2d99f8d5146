import { createEffect, createSignal, on } from 'solid-js';
import * as z from 'zod/mini';
import { type Staff, StaffEndSchema } from '../../../../shared/schemas/hr.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { endStaff } from './staff-api.ts';
import { today } from './staff-format.ts';

/** The shared schema, saying what is missing when the date is left empty, and checking it against the hire date. */
const endSchemaFor = (hireDate: string) =>
  z.extend(StaffEndSchema, {
    endDate: z.string().check(
      z.minLength(1, 'Enter their last day'),
      z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-08'),
      z.refine(
        (d) => d >= hireDate,
        `The last day cannot be before the hire date (${formatCalendarDate(hireDate)})`,
      ),
    ),
  });

/**
 * Asks before recording a person's last day: they leave the current directory and their license
 * reminders stop. The date and a reason are asked here, so the confirmation is the form itself.
 */
export function EndStaffDialog(props: { person: Staff | undefined; onClose: () => void }) {
  const form = createForm();
  const [endDate, setEndDate] = createSignal('');
  const [reason, setReason] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  let dateRef: HTMLElement | undefined;
  // Each opening starts from today's date and no reason.
  createEffect(
    on(
      () => props.person,
      (p) => {
        if (!p) return;
        setEndDate(today());
        setReason('');
        form.setErrors({});
        form.setFormError(undefined);
      },
    ),
  );
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = props.person;
    if (!p) return;
    let stale = false;
    const body = { endDate: endDate(), reason: optional(reason()), version: p.version };
    const ok = await form.submit(formRef, endSchemaFor(p.hireDate), body, async (data) => {
      try {
        await endStaff(p.id, data);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) {
      // The page re-reads the person: closing shows what changed before they are ended on it.
      toast.error(
        `Someone else changed ${p.name}'s record meanwhile. Check it, then record the last day again.`,
      );
      props.onClose();
      return;
    }
    if (ok) {
      toast.success(`Recorded ${p.name}'s last day: ${formatCalendarDate(endDate())}.`);
      props.onClose();
    }
  };
  return (
    <Dialog
      open={!!props.person}
      title={props.person ? `Record ${props.person.name}'s last day?` : ''}
      role="alertdialog"
      onClose={props.onClose}
      initialFocus={() => dateRef?.querySelector('input') ?? undefined}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <p>
          {props.person?.firstName} moves to former staff: they leave the current directory and the manager
          and login pickers, and the reminders about their licenses stop. Their record is kept.
        </p>
        <div ref={(el) => (dateRef = el)}>
          <TextField
            label="Last day worked"
            name="endDate"
            type="date"
            value={endDate()}
            onInput={(v) => {
              setEndDate(v);
              form.clearError('endDate');
            }}
            error={form.error('endDate')}
            min={props.person?.hireDate}
            required
          />
        </div>
        <TextAreaField
          label="Reason"
          name="reason"
          value={reason()}
          onInput={(v) => {
            setReason(v);
            form.clearError('reason');
          }}
          error={form.error('reason')}
          hint="Resigned, retired, end of contract. Everyone in the practice can read the directory: keep it short and factual."
          maxLength={200}
          optional
        />
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="danger" class="btn-danger-solid" busy={form.sending()}>
            Record last day
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
