import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type LeaveCase, type LeaveEntry, LeaveEntryAddSchema } from '../../../../shared/schemas/hr-leave.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { type Column, DataTable } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { addLeaveEntry, removeLeaveEntry } from './leave-api.ts';
import { leaveSpan } from './leave-format.ts';
import { formatHours } from './time-off-format.ts';

/** Logs leave taken or scheduled: one day, or the weekdays from the first day to the last. */
function LogForm(props: { c: LeaveCase }) {
  const form = createForm();
  const [values, setValues] = createStore({ start: '', end: '', hoursPerDay: '' });
  let ref: HTMLFormElement | undefined;
  const set = (name: 'start' | 'end' | 'hoursPerDay') => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const start = optional(values.start);
    // A single day is the usual entry: the last day defaults to the first.
    const end = optional(values.end) ?? start;
    const ok = await form.submit(
      ref,
      LeaveEntryAddSchema,
      {
        start,
        end,
        hoursPerDay: numberOrUndefined(values.hoursPerDay),
        version: props.c.version,
      },
      async (body) => {
        await addLeaveEntry(props.c.id, body);
      },
    );
    if (ok) {
      toast.success(`Logged leave ${leaveSpan(start ?? '', end ?? '')}`);
      setValues({ start: '', end: '', hoursPerDay: '' });
    }
  };
  return (
    <form ref={ref} class="stack leave-log" onSubmit={send} novalidate aria-labelledby="leave-log-title">
      <h4 id="leave-log-title" class="leave-h4">
        Log leave
      </h4>
      <FormAlert message={form.formError()} />
      <div class="leave-log-grid">
        <TextField
          label="First day"
          name="start"
          type="date"
          value={values.start}
          onInput={(v) => {
            // Keep the last day in step while it still says the same day as the first.
            if (!values.end || values.end === values.start) setValues('end', v);
            set('start')(v);
          }}
          error={form.error('start')}
          required
        />
        <TextField
          label="Last day"
          name="end"
          type="date"
          value={values.end}
          onInput={set('end')}
          error={form.error('end')}
          required
        />
        <TextField
          label="Hours a day"
          name="hoursPerDay"
          type="number"
          inputMode="decimal"
          min={0.25}
          max={24}
          optional
          value={values.hoursPerDay}
          onInput={set('hoursPerDay')}
          error={form.error('hoursPerDay')}
          hint="Leave blank for a usual day"
        />
      </div>
      <p class="small muted">Weekdays from the first day to the last count; weekends do not.</p>
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Log leave
        </Button>
      </div>
    </form>
  );
}

/** The leave logged on the case, each entry removable (after asking), and the form to log more. */
export function LeaveEntries(props: { c: LeaveCase }) {
  const [busy, setBusy] = createSignal<string>();
  const open = () => props.c.status === 'open';
  const remove = async (entry: LeaveEntry) => {
    const sure = await confirm({
      title: 'Remove this leave?',
      message: (
        <p>
          {formatHours(entry.hours)} {leaveSpan(entry.start, entry.end)} come off the case
          {props.c.usage ? ` and back onto ${props.c.staffName}'s FMLA 12 weeks` : ''}.
        </p>
      ),
      confirmLabel: 'Remove',
      cancelLabel: 'Keep it',
    });
    if (!sure) return;
    setBusy(entry.id);
    try {
      await removeLeaveEntry(props.c.id, { entryId: entry.id, version: props.c.version });
      toast.success(`Removed the leave ${leaveSpan(entry.start, entry.end)}`);
    } catch (err) {
      toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  const columns = (): Column<LeaveEntry>[] => [
    { header: 'First day', cell: (e) => <span class="nowrap">{formatCalendarDate(e.start)}</span> },
    { header: 'Last day', cell: (e) => <span class="nowrap">{formatCalendarDate(e.end)}</span> },
    { header: 'Hours a day', class: 'num', cell: (e) => formatHours(e.hoursPerDay) },
    { header: 'Hours', class: 'num', cell: (e) => formatHours(e.hours) },
    {
      header: 'Added by',
      cell: (e) => (
        <span>
          {e.addedBy} <span class="small muted nowrap">{formatDateTime(e.addedAt)}</span>
        </span>
      ),
    },
    ...(open()
      ? [
          {
            header: 'Actions',
            headerHidden: true,
            class: 'cell-actions',
            cell: (e: LeaveEntry) => (
              <Button size="sm" variant="ghost" busy={busy() === e.id} onClick={() => remove(e)}>
                Remove<span class="visually-hidden"> the leave {leaveSpan(e.start, e.end)}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <section class="leave-part" aria-label="Leave taken">
      <h3 class="leave-h">Leave taken</h3>
      <DataTable<LeaveEntry>
        caption="Leave taken"
        rows={props.c.entries}
        columns={columns()}
        empty={
          <p class="small muted">
            No leave logged yet. Log each absence, or days ahead as they are scheduled: the 12 weeks count
            them.
          </p>
        }
      />
      <Show when={open()}>
        <LogForm c={props.c} />
      </Show>
    </section>
  );
}
