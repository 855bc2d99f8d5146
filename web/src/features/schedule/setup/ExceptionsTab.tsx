import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  EXCEPTION_KINDS,
  ExceptionInputSchema,
  type ScheduleException,
} from '../../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm } from '../../../components/ui/Dialog.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../../components/ui/Table.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatCalendarDate } from '../../../lib/format.ts';
import { createForm } from '../../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../../lib/paging.ts';
import { listProviders } from '../api.ts';
import { createException, deleteException, listExceptions } from './api.ts';

const KIND_LABELS: Record<(typeof EXCEPTION_KINDS)[number], string> = {
  time_off: 'Time off',
  holiday: 'Holiday',
  closure: 'Location closed',
};

/** Days nobody (or one provider, or one location) can be booked, on top of the weekly hours. */
export function ExceptionsTab(props: { locations: Location[] }) {
  const providers = createAsync(() => listProviders());
  const list = createPagedList(
    () => 'all',
    (cursor) => listExceptions(cursor, PAGE_SIZE),
  );
  const [busyId, setBusyId] = createSignal<string>();
  const who = (e: ScheduleException) =>
    e.kind === 'time_off'
      ? (providers()?.items.find((p) => p.id === e.providerId)?.name ?? 'A former provider')
      : e.kind === 'closure'
        ? (props.locations.find((l) => l.id === e.locationId)?.name ?? 'An archived location')
        : 'Everyone';

  const remove = async (e: ScheduleException) => {
    const ok = await confirm({
      title: `Remove this ${KIND_LABELS[e.kind].toLowerCase()}?`,
      message: (
        <p>
          {who(e)} becomes bookable again from {formatCalendarDate(e.startDate)} to{' '}
          {formatCalendarDate(e.endDate)}, in the usual weekly hours.
        </p>
      ),
      confirmLabel: 'Remove',
    });
    if (!ok) return;
    setBusyId(e.id);
    try {
      await deleteException(e);
      toast.success('Removed; those days are bookable again');
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <Section
      title="Time off, holidays and closures"
      id="exceptions"
      description="Nobody can book these days (a manager’s override still can). Visits already booked are not moved: the day view shows them."
    >
      <DataTable
        caption="Time off, holidays and closures, by start date"
        rows={list.items()}
        loading={list.loading()}
        empty={
          <EmptyState title="Nothing planned">
            <p>Add vacations, conferences, public holidays and days a location is closed.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Kind', cell: (e) => <Badge tone="info">{KIND_LABELS[e.kind]}</Badge> },
          { header: 'Who', cell: (e) => who(e) },
          {
            header: 'Dates',
            cell: (e) =>
              e.startDate === e.endDate
                ? formatCalendarDate(e.startDate)
                : `${formatCalendarDate(e.startDate)} to ${formatCalendarDate(e.endDate)}`,
          },
          { header: 'Reason', cell: (e) => e.reason },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (e) => (
              <Button
                size="sm"
                variant="danger"
                busy={busyId() === e.id}
                onClick={() => remove(e)}
                aria-label={`Remove ${KIND_LABELS[e.kind].toLowerCase()} ${formatCalendarDate(e.startDate)}, ${who(e)}`}
              >
                Remove
              </Button>
            ),
          },
        ]}
      />
      <ListPager label="Time off" list={list} />
      <ExceptionForm locations={props.locations} providers={providers()?.items ?? []} />
    </Section>
  );
}

function ExceptionForm(props: { locations: Location[]; providers: { id: string; name: string }[] }) {
  const [v, setV] = createStore({
    kind: 'time_off',
    providerId: '',
    locationId: '',
    startDate: '',
    endDate: '',
    reason: '',
  });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      kind: v.kind,
      providerId: v.kind === 'time_off' ? v.providerId || undefined : undefined,
      locationId: v.kind === 'closure' ? v.locationId || undefined : undefined,
      startDate: v.startDate,
      endDate: v.endDate || v.startDate,
      reason: v.reason.trim(),
    };
    const ok = await form.submit(ref, ExceptionInputSchema, body, async (data) => {
      await createException(data);
    });
    if (ok) {
      toast.success(`${KIND_LABELS[body.kind as keyof typeof KIND_LABELS]} added`);
      setV({ startDate: '', endDate: '', reason: '' });
    }
  };
  return (
    <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Add time off or a closure">
      <h3 class="subheading">Add time off, a holiday or a closure</h3>
      <div class="form-grid">
        <SelectField
          label="Kind"
          name="kind"
          value={v.kind}
          onChange={(x) => setV('kind', x)}
          options={EXCEPTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <Show when={v.kind === 'time_off'}>
          <SelectField
            label="Provider"
            name="providerId"
            value={v.providerId}
            onChange={(x) => setV('providerId', x)}
            placeholder="Choose…"
            options={props.providers.map((p) => ({ value: p.id, label: p.name }))}
            error={form.error('providerId')}
            required
          />
        </Show>
        <Show when={v.kind === 'closure'}>
          <SelectField
            label="Location"
            name="locationId"
            value={v.locationId}
            onChange={(x) => setV('locationId', x)}
            placeholder="Choose…"
            options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
            error={form.error('locationId')}
            required
          />
        </Show>
        <TextField
          label="First day"
          name="startDate"
          type="date"
          value={v.startDate}
          onInput={(x) => setV('startDate', x)}
          error={form.error('startDate')}
          required
        />
        <TextField
          label="Last day"
          name="endDate"
          type="date"
          value={v.endDate}
          onInput={(x) => setV('endDate', x)}
          error={form.error('endDate')}
          hint="Empty: just the first day"
          optional
        />
        <TextField
          label="Reason"
          name="reason"
          value={v.reason}
          onInput={(x) => setV('reason', x)}
          error={form.error('reason')}
          class="span-2"
          placeholder="Conference, vacation, Thanksgiving…"
          required
        />
      </div>
      <FormAlert message={form.formError()} />
      <div>
        <Button type="submit" variant="primary" busy={form.sending()}>
          Add
        </Button>
      </div>
    </form>
  );
}
