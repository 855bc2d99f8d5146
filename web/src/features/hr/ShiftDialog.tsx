import { createEffect, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Shift, ShiftInputSchema, ShiftUpdateSchema } from '../../../../shared/schemas/hr-shifts.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { type Option, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { formatLocalDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { addShift, getShiftWeek, removeShift, updateShift } from './shifts-api.ts';
import { shiftTimes } from './shifts-format.ts';

/** What the dialog is open for: a new shift in a person's day, or one to change. */
export type ShiftDialogTarget =
  | { kind: 'add'; staffId: string; date: string; name: string }
  | { kind: 'edit'; shift: Shift };

interface Values {
  staffId: string;
  date: string;
  start: string;
  end: string;
  note: string;
}

const EMPTY: Values = { staffId: '', date: '', start: '08:00', end: '17:00', note: '' };

function valuesOf(t: ShiftDialogTarget): Values {
  if (t.kind === 'add') return { ...EMPTY, staffId: t.staffId, date: t.date };
  const s = t.shift;
  return { staffId: s.staffId, date: s.date, start: s.start, end: s.end, note: s.note ?? '' };
}

/** Adds a shift, or changes or removes one (owners and managers); the API checks overlaps and time off. */
export function ShiftDialog(props: {
  target: ShiftDialogTarget | undefined;
  locationId: string;
  weekStart: string;
  /** The people who may work here (current staff of the location). */
  people: Option[];
  /** Whether staff already see the week: removing a shift then changes what they see. */
  published: boolean;
  onClose: () => void;
}) {
  const form = createForm();
  /** The shift as last read: a 409 replaces it with the one saved meanwhile. */
  const [base, setBase] = createSignal<Shift>();
  const [values, setValues] = createStore<Values>({ ...EMPTY });
  const [removing, setRemoving] = createSignal(false);
  let formRef: HTMLFormElement | undefined;

  createEffect(
    on(
      () => props.target,
      (t) => {
        if (!t) return;
        setBase(t.kind === 'edit' ? t.shift : undefined);
        setValues(valuesOf(t));
        form.setErrors({});
        form.setFormError(undefined);
      },
    ),
  );

  const set = (name: keyof Values) => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };

  // A person who left still shows on their old shifts: keep them choosable so the select is not blank.
  const options = () => {
    const s = base();
    return s && !props.people.some((p) => p.value === s.staffId)
      ? [...props.people, { value: s.staffId, label: s.staffName }]
      : props.people;
  };

  /** After a 409: the week is re-read; show the shift as saved meanwhile, or close if it is gone. */
  const reloadStale = async (id: string) => {
    const week = await getShiftWeek(props.locationId, props.weekStart);
    const fresh = week.shifts.find((s) => s.id === id);
    if (!fresh) {
      toast.error('Someone removed this shift meanwhile.');
      props.onClose();
      return;
    }
    setBase(fresh);
    setValues(valuesOf({ kind: 'edit', shift: fresh }));
    form.setFormError(
      'Someone else changed this shift meanwhile. The form now shows their version: check and save again.',
    );
  };

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = base();
    const common = {
      staffId: values.staffId,
      date: values.date,
      start: values.start,
      end: values.end,
      note: optional(values.note),
    };
    let stale = false;
    const ok = s
      ? await form.submit(formRef, ShiftUpdateSchema, { ...common, version: s.version }, async (data) => {
          try {
            await updateShift(s.id, data);
          } catch (err) {
            if (!isStale(err)) throw err;
            stale = true;
          }
        })
      : await form.submit(
          formRef,
          ShiftInputSchema,
          { ...common, locationId: props.locationId },
          async (data) => {
            await addShift(data);
          },
        );
    if (stale && s) {
      await reloadStale(s.id);
      return;
    }
    if (ok) {
      const who = options().find((p) => p.value === values.staffId)?.label ?? 'The person';
      toast.success(
        `${s ? 'Saved' : 'Added'}: ${who}, ${formatLocalDay(values.date)} ${shiftTimes(values)}.`,
      );
      props.onClose();
    }
  };

  const remove = async () => {
    const s = base();
    if (!s) return;
    const ok = await confirm({
      title: 'Remove this shift?',
      message: (
        <p>
          {s.staffName}, {formatLocalDay(s.date)} {shiftTimes(s)} comes off the schedule.
          {props.published ? ` The week is published: ${s.staffName} no longer sees it either.` : ''}
        </p>
      ),
      confirmLabel: 'Remove the shift',
      cancelLabel: 'Keep it',
    });
    if (!ok) return;
    setRemoving(true);
    try {
      await removeShift(s.id, s.version);
      toast.success(`Removed: ${s.staffName}, ${formatLocalDay(s.date)} ${shiftTimes(s)}.`);
      props.onClose();
    } catch (err) {
      if (isStale(err)) await reloadStale(s.id);
      else form.setFormError(errorMessage(err));
    } finally {
      setRemoving(false);
    }
  };

  const title = () => {
    const t = props.target;
    if (!t) return '';
    if (t.kind === 'edit') return `Shift of ${t.shift.staffName}`;
    // The day list's Add button names a day, not a person: the person is chosen in the form.
    return t.name ? `Add a shift for ${t.name}` : `Add a shift on ${formatLocalDay(t.date)}`;
  };

  return (
    <Dialog open={!!props.target} title={title()} onClose={props.onClose}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <SelectField
          label="Person"
          name="staffId"
          value={values.staffId}
          placeholder="Choose…"
          options={options()}
          onChange={set('staffId')}
          error={form.error('staffId')}
          required
        />
        <TextField
          label="Date"
          name="date"
          type="date"
          value={values.date}
          onInput={set('date')}
          error={form.error('date')}
          required
        />
        <div class="form-grid shifts-times">
          <TextField
            label="Starts"
            name="start"
            type="time"
            value={values.start}
            onInput={set('start')}
            error={form.error('start')}
            required
          />
          <TextField
            label="Ends"
            name="end"
            type="time"
            value={values.end}
            onInput={set('end')}
            error={form.error('end')}
            required
          />
        </div>
        <TextField
          label="Note"
          name="note"
          value={values.note}
          onInput={set('note')}
          error={form.error('note')}
          maxLength={200}
          hint="Shown with the shift, e.g. “Opens the front desk”."
          optional
        />
        <div class="button-row shifts-dialog-buttons">
          <Show when={base()}>
            <Button variant="danger" class="shifts-remove" onClick={remove} busy={removing()}>
              Remove shift
            </Button>
          </Show>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            {base() ? 'Save' : 'Add shift'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
