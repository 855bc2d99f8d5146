import { createEffect, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { AttendanceInputSchema } from '../../../../shared/schemas/hr-attendance.ts';
import type { PayPeriodDetail } from '../../../../shared/schemas/hr-payroll.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { recordAttendance, removeAttendance } from './payroll-api.ts';

export type PeriodShift = PayPeriodDetail['shifts'][number];

const WHAT_OPTIONS = [
  { value: 'late', label: 'Arrived late and/or left early' },
  { value: 'no_show', label: 'Did not come (no-show)' },
];

interface Values {
  what: string;
  lateMinutes: string;
  earlyMinutes: string;
  note: string;
}

const valuesOf = (s: PeriodShift | undefined): Values => ({
  what: s?.noShow ? 'no_show' : 'late',
  lateMinutes: s?.lateMinutes ? String(s.lateMinutes) : '',
  earlyMinutes: s?.earlyMinutes ? String(s.earlyMinutes) : '',
  note: s?.note ?? '',
});

/** Log or correct what happened on one shift (owners and managers); the period's hours follow. */
export function PayrollAttendanceDialog(props: {
  shift: PeriodShift | undefined;
  name: string;
  onClose: () => void;
}) {
  const form = createForm();
  const [values, setValues] = createStore<Values>(valuesOf(undefined));
  const [removing, setRemoving] = createSignal(false);
  let formRef: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.shift,
      (s) => {
        setValues(valuesOf(s));
        form.setErrors({});
        form.setFormError(undefined);
      },
    ),
  );
  const set = (name: keyof Values) => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = props.shift;
    if (!s) return;
    const noShow = values.what === 'no_show';
    const body = {
      ...(noShow
        ? { noShow: true }
        : {
            lateMinutes: numberOrUndefined(values.lateMinutes),
            earlyMinutes: numberOrUndefined(values.earlyMinutes),
          }),
      note: optional(values.note),
      version: s.attendanceVersion ?? 0,
    };
    const ok = await form.submit(formRef, AttendanceInputSchema, body, async (data) => {
      await recordAttendance(s.id, data);
    });
    if (ok) {
      toast.success(`Saved ${props.name}'s attendance on ${s.date}.`);
      props.onClose();
    }
  };
  const remove = async () => {
    const s = props.shift;
    if (!s?.attendanceVersion) return;
    const sure = await confirm({
      title: 'Remove this attendance entry?',
      message: (
        <p>
          The shift counts in full again ({s.start}–{s.end}).
        </p>
      ),
      confirmLabel: 'Remove the entry',
      cancelLabel: 'Keep it',
    });
    if (!sure) return;
    setRemoving(true);
    try {
      await removeAttendance(s.id, s.attendanceVersion);
      toast.success('Removed the entry.');
      props.onClose();
    } catch (err) {
      form.setFormError(
        isStale(err) ? 'The entry changed meanwhile: close and open it again.' : errorMessage(err),
      );
    } finally {
      setRemoving(false);
    }
  };
  return (
    <Dialog
      open={!!props.shift}
      title={
        props.shift
          ? `Attendance: ${props.name}, ${props.shift.date} ${props.shift.start}–${props.shift.end}`
          : ''
      }
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <SelectField
          label="What happened"
          name="what"
          value={values.what}
          options={WHAT_OPTIONS}
          onChange={set('what')}
        />
        <Show when={values.what !== 'no_show'}>
          <div class="form-grid">
            <TextField
              label="Minutes late"
              name="lateMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              value={values.lateMinutes}
              onInput={set('lateMinutes')}
              error={form.error('lateMinutes')}
              optional
            />
            <TextField
              label="Minutes left early"
              name="earlyMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              value={values.earlyMinutes}
              onInput={set('earlyMinutes')}
              error={form.error('earlyMinutes')}
              optional
            />
          </div>
        </Show>
        <TextField
          label="Note"
          name="note"
          value={values.note}
          onInput={set('note')}
          error={form.error('note')}
          maxLength={500}
          optional
        />
        <p class="small muted">Three late arrivals within 30 days tell the managers in Today.</p>
        <div class="button-row">
          <Show when={props.shift?.attendanceVersion}>
            <Button type="button" variant="danger" busy={removing()} onClick={remove}>
              Remove entry
            </Button>
          </Show>
          <Button type="button" variant="secondary" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
