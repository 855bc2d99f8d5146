import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, For, on, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  TIME_OFF_KIND_LABELS,
  TIME_OFF_STATUS_LABELS,
  type TimeOffKind,
  type TimeOffRequestDetail,
  TimeOffRequestInputSchema,
} from '../../../../shared/schemas/hr-time-off.ts';
import { addDays } from '../../../../shared/time.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { FieldPlaceholder, optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate, isoDay } from '../../lib/format.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { listAllCurrentStaff } from './staff-api.ts';
import { getTimeOffBalances, requestTimeOff } from './time-off-api.ts';
import { formatDayRange, formatHours, isDate, weekdaysBetween } from './time-off-format.ts';

interface Values {
  staffId: string;
  kind: TimeOffKind;
  startDate: string;
  endDate: string;
  hours: string;
  note: string;
}

const KIND_OPTIONS = optionsOf(TIME_OFF_KIND_LABELS);

/** "Also off: Dana Desk, Mar 1–2 (approved)": who else in the same role is off on those days. */
export function OverlapsLine(props: { detail: TimeOffRequestDetail }) {
  return (
    <>
      Also off:{' '}
      <For each={props.detail.overlaps}>
        {(o, i) => (
          <>
            {i() > 0 ? '; ' : ''}
            {o.name}, {formatDayRange(o.startDate, o.endDate)} (
            {TIME_OFF_STATUS_LABELS[o.status].toLowerCase()})
          </>
        )}
      </For>
      .
    </>
  );
}

/** The balance on the first day and after this request, read from the API as the dates change. */
function BalancePreview(props: {
  staffId: string;
  kind: TimeOffKind;
  startDate: string;
  hours?: number;
  self: boolean;
}) {
  // The balance "on" the first day is the one at the end of the day before it.
  const balances = createAsync(() => getTimeOffBalances(props.staffId, addDays(props.startDate, -1)));
  const before = () => balances()?.balances.find((b) => b.kind === props.kind)?.onDate;
  const after = () => (before() === undefined ? undefined : before()! - (props.hours ?? 0));
  return (
    <Show when={before() !== undefined}>
      <div aria-live="polite" class="stack">
        <p class="time-off-preview small">
          {props.self ? 'Your' : `${balances()!.name}’s`} {TIME_OFF_KIND_LABELS[props.kind].toLowerCase()}{' '}
          balance on {formatCalendarDate(props.startDate)} will be <strong>{formatHours(before()!)}</strong>
          <Show when={props.hours !== undefined}>
            ; after this request <strong>{formatHours(after()!)}</strong>
          </Show>
          .
        </p>
        <Show when={after() !== undefined && after()! < 0}>
          <Alert tone="warning">
            This request is {formatHours(-after()!)} more than the balance will be. A manager may still
            approve it, as unpaid time or an advance.
          </Alert>
        </Show>
      </div>
    </Show>
  );
}

/**
 * Ask for time off: kind, days, hours (8 a weekday unless changed) and a note, with the balance it
 * leaves. A manager (`admin`) may ask on someone else's behalf.
 */
export function TimeOffRequestDialog(props: {
  open: boolean;
  /** The caller's own staff id, if their login is linked to one. */
  ownStaffId?: string;
  admin: boolean;
  onClose: () => void;
}) {
  const form = createForm();
  const [values, setValues] = createStore<Values>({
    staffId: '',
    kind: 'pto',
    startDate: '',
    endDate: '',
    hours: '',
    note: '',
  });
  /** Once the hours are typed in, changing the days no longer overwrites them. */
  const [hoursEdited, setHoursEdited] = createSignal(false);
  const [sent, setSent] = createSignal<TimeOffRequestDetail>();
  let formRef: HTMLFormElement | undefined;

  // Each opening starts blank, on the next weekday.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        let first = addDays(isoDay(new Date()), 1);
        while (weekdaysBetween(first, first) === 0) first = addDays(first, 1);
        setValues({
          staffId: props.ownStaffId ?? '',
          kind: 'pto',
          startDate: first,
          endDate: first,
          hours: '8',
          note: '',
        });
        setHoursEdited(false);
        setSent(undefined);
        form.setErrors({});
        form.setFormError(undefined);
      },
    ),
  );

  // Only managers pick a person; the list is read when a manager opens the dialog.
  const people = createAsync(() => (props.open && props.admin ? listAllCurrentStaff() : Promise.resolve([])));
  const personOptions = () =>
    (people() ?? []).map((s) => ({
      value: s.id,
      label: s.id === props.ownStaffId ? `${s.name} (you)` : s.name,
    }));

  const set = (name: keyof Values) => (v: string) => {
    setValues(name, v as never);
    form.clearError(name);
  };
  const setDate = (name: 'startDate' | 'endDate') => (v: string) => {
    setValues(name, v);
    form.clearError(name);
    // A first day after the last moves the last along: the common case is a single day.
    if (name === 'startDate' && isDate(v) && (!isDate(values.endDate) || values.endDate < v))
      setValues('endDate', v);
    if (!hoursEdited()) {
      const days = weekdaysBetween(values.startDate, values.endDate);
      setValues('hours', days ? String(days * 8) : '');
    }
  };
  const days = () => weekdaysBetween(values.startDate, values.endDate);
  const previewReady = () =>
    Boolean(values.staffId) &&
    isDate(values.startDate) &&
    (!isDate(values.endDate) || values.endDate >= values.startDate);

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      staffId:
        props.admin && values.staffId && values.staffId !== props.ownStaffId ? values.staffId : undefined,
      kind: values.kind,
      startDate: values.startDate,
      endDate: values.endDate,
      hours: numberOrUndefined(values.hours),
      note: optional(values.note),
    };
    let result: TimeOffRequestDetail | undefined;
    const ok = await form.submit(formRef, TimeOffRequestInputSchema, body, async (data) => {
      result = await requestTimeOff(data);
    });
    if (!ok || !result) return;
    const r = result;
    const what = `${TIME_OFF_KIND_LABELS[r.kind].toLowerCase()} ${formatDayRange(r.startDate, r.endDate)}`;
    if (r.overlaps.length) {
      // Someone else in the same role is off too: say so before closing, it may change the plan.
      setSent(r);
      return;
    }
    toast.success(`Asked for ${what}. A manager will decide.`);
    props.onClose();
  };

  return (
    <Dialog open={props.open} title={sent() ? 'Request sent' : 'Request time off'} onClose={props.onClose}>
      <Show
        when={!sent()}
        fallback={
          <div class="stack">
            <p>
              {sent()!.staffName}: {TIME_OFF_KIND_LABELS[sent()!.kind].toLowerCase()},{' '}
              {formatDayRange(sent()!.startDate, sent()!.endDate)}, {formatHours(sent()!.hours)}. It waits for
              a manager’s decision.
            </p>
            <Alert tone="warning" title="Others in the same role are off then">
              <OverlapsLine detail={sent()!} />
            </Alert>
            <div class="button-row">
              <Button variant="primary" onClick={props.onClose} data-autofocus>
                Done
              </Button>
            </div>
          </div>
        }
      >
        <form ref={formRef} class="stack" onSubmit={send} novalidate>
          <FormAlert message={form.formError()} />
          <Show when={props.admin}>
            {/* The people load on their own: the rest of the form does not wait for them. */}
            <Suspense fallback={<FieldPlaceholder label="For" />}>
              <SelectField
                label="For"
                name="staffId"
                value={values.staffId}
                placeholder="Choose a person"
                options={personOptions()}
                onChange={set('staffId')}
                error={form.error('staffId')}
                required
              />
            </Suspense>
          </Show>
          <SelectField
            label="Kind"
            name="kind"
            value={values.kind}
            options={KIND_OPTIONS}
            onChange={set('kind')}
            error={form.error('kind')}
            required
          />
          <div class="form-grid">
            <TextField
              label="First day"
              name="startDate"
              type="date"
              value={values.startDate}
              onInput={setDate('startDate')}
              error={form.error('startDate')}
              required
            />
            <TextField
              label="Last day"
              name="endDate"
              type="date"
              min={values.startDate || undefined}
              value={values.endDate}
              onInput={setDate('endDate')}
              error={form.error('endDate')}
              required
            />
          </div>
          <TextField
            label="Hours"
            name="hours"
            type="number"
            inputMode="decimal"
            min={0.25}
            max={480}
            value={values.hours}
            onInput={(v) => {
              setHoursEdited(true);
              set('hours')(v);
            }}
            error={form.error('hours')}
            hint={
              days()
                ? `${days()} ${days() === 1 ? 'weekday' : 'weekdays'} × 8 hours is ${days() * 8}; change it for part days or other shifts.`
                : 'The hours taken from the balance.'
            }
            required
          />
          <Show when={previewReady()}>
            {/* The preview is a help: if it cannot be read, the form still works without it. */}
            <ErrorBoundary
              fallback={<p class="small muted">The balance could not be worked out just now.</p>}
            >
              <Suspense fallback={<p class="small muted">Working out the balance…</p>}>
                <BalancePreview
                  staffId={values.staffId}
                  kind={values.kind}
                  startDate={values.startDate}
                  hours={numberOrUndefined(values.hours)}
                  self={values.staffId === props.ownStaffId}
                />
              </Suspense>
            </ErrorBoundary>
          </Show>
          <TextAreaField
            label="Note"
            name="note"
            value={values.note}
            onInput={set('note')}
            optional
            maxLength={500}
            hint="For the manager: a reason, or who covers for you."
            error={form.error('note')}
          />
          <div class="button-row">
            <Button onClick={props.onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Send the request
            </Button>
          </div>
        </form>
      </Show>
    </Dialog>
  );
}
