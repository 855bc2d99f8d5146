import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  type PatientMatch,
  type WaitlistEntry,
  WaitlistInputSchema,
} from '../../../../shared/schemas/scheduling.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { listLocations, listProviders, listTypes } from './api.ts';
import { PatientPicker } from './PatientPicker.tsx';
import { WaitlistFindTime, waitingHours } from './WaitlistFindTime.tsx';
import { addToWaitlist, listWaitlist, removeFromWaitlist } from './waitlist-api.ts';

/** Waiting patients, oldest first (first come, first offered). */
export function WaitlistSection() {
  const list = createPagedList(
    () => 'waiting',
    (cursor) => listWaitlist(cursor, PAGE_SIZE),
  );
  const types = createAsync(() => listTypes());
  const providers = createAsync(() => listProviders());
  const locations = createAsync(() => listLocations());
  const [adding, setAdding] = createSignal(false);
  const [busyId, setBusyId] = createSignal<string>();
  const [finding, setFinding] = createSignal<WaitlistEntry>();
  const typeName = (id: string) => types()?.items.find((t) => t.id === id)?.name ?? 'Visit';
  const locationName = (id: string) => locations()?.items.find((l) => l.id === id)?.name ?? '';
  const providerNames = (e: WaitlistEntry) =>
    e.providerIds?.length
      ? e.providerIds
          .map((id) => providers()?.items.find((p) => p.id === id)?.name ?? 'A former provider')
          .join(', ')
      : 'Any provider';

  const remove = async (e: WaitlistEntry) => {
    const ok = await confirm({
      title: `Take ${e.patientName} off the waitlist?`,
      message: <p>They will no longer be offered cancelled times. The entry stays in the audit log.</p>,
      confirmLabel: 'Remove',
    });
    if (!ok) return;
    setBusyId(e.id);
    try {
      await removeFromWaitlist(e);
      toast.success(`${e.patientName} removed from the waitlist`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <Section
      title="Waitlist"
      id="waitlist"
      description="When a visit is cancelled or moved, the patients its time fits are offered it, oldest first."
      actions={
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add to waitlist
        </Button>
      }
    >
      <DataTable
        caption="Patients waiting for an earlier time"
        rows={list.items()}
        loading={list.loading()}
        empty={
          <EmptyState title="Nobody is waiting">
            <p>Add patients who want an earlier visit; a cancelled time that fits is offered to them.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Patient', cell: (e) => <span class="strong">{e.patientName}</span> },
          { header: 'Visit', cell: (e) => `${typeName(e.typeId)} · ${locationName(e.locationId)}` },
          { header: 'With', cell: providerNames },
          {
            header: 'Dates',
            cell: (e) => `${formatCalendarDate(e.earliestDate)} to ${formatCalendarDate(e.latestDate)}`,
          },
          {
            header: 'Hours',
            cell: (e) => (e.fromTime || e.toTime ? waitingHours(e) : 'Any time'),
          },
          { header: 'Waiting since', cell: (e) => formatDate(e.createdAt) },
          { header: 'Note', cell: (e) => e.note ?? '' },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (e) => (
              <div class="row-actions">
                <Button
                  size="sm"
                  onClick={() => setFinding(e)}
                  aria-label={`Find a time for ${e.patientName}`}
                >
                  Find a time
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  busy={busyId() === e.id}
                  onClick={() => remove(e)}
                  aria-label={`Remove ${e.patientName} from the waitlist`}
                >
                  Remove
                </Button>
              </div>
            ),
          },
        ]}
      />
      <ListPager label="Waitlist" list={list} />
      <WaitlistDialog open={adding()} onClose={() => setAdding(false)} />
      <WaitlistFindTime
        entry={finding()}
        timeZone={(id) => locations()?.items.find((l) => l.id === id)?.timeZone ?? 'UTC'}
        providers={providers()?.items ?? []}
        onClose={() => setFinding(undefined)}
      />
    </Section>
  );
}

function WaitlistDialog(props: { open: boolean; onClose: () => void }) {
  const types = createAsync(() => listTypes());
  const providers = createAsync(() => listProviders());
  const locations = createAsync(() => listLocations());
  const [patient, setPatient] = createSignal<PatientMatch>();
  const [v, setV] = createStore({
    locationId: '',
    typeId: '',
    providerIds: [] as string[],
    earliestDate: '',
    latestDate: '',
    fromTime: '',
    toTime: '',
    note: '',
  });
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const location = () => v.locationId || locations()?.items[0]?.id || '';
  const offered = () => (types()?.items ?? []).filter((t) => t.active);
  const type = () => v.typeId || offered()[0]?.id || '';
  const here = () => (providers()?.items ?? []).filter((p) => p.active && p.locationIds.includes(location()));
  const close = () => {
    setPatient(undefined);
    setV({ providerIds: [], earliestDate: '', latestDate: '', fromTime: '', toTime: '', note: '' });
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
    const body = {
      patientId: p.id,
      locationId: location(),
      typeId: type(),
      providerIds: v.providerIds.length ? v.providerIds : undefined,
      earliestDate: v.earliestDate,
      latestDate: v.latestDate,
      fromTime: optional(v.fromTime),
      toTime: optional(v.toTime),
      note: optional(v.note),
    };
    const ok = await form.submit(ref, WaitlistInputSchema, body, async (data) => {
      await addToWaitlist(data);
    });
    if (ok) {
      toast.success(`${p.lastName}, ${p.firstName} added to the waitlist`);
      close();
    }
  };
  return (
    <Dialog open={props.open} title="Add to the waitlist" onClose={close}>
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
        <form ref={ref} class="form stack" novalidate onSubmit={submit} aria-label="Waitlist request">
          <SelectField
            label="Location"
            name="locationId"
            value={location()}
            onChange={(x) => setV({ locationId: x, providerIds: [] })}
            options={(locations()?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
          <SelectField
            label="Visit type"
            name="typeId"
            value={type()}
            onChange={(x) => setV('typeId', x)}
            options={offered().map((t) => ({
              value: t.id,
              label: `${t.name} (${t.durationMinutes} min)`,
            }))}
          />
          <fieldset class="fieldset">
            <legend class="legend">With (none ticked: any provider)</legend>
            <For each={here()}>
              {(p) => (
                <Checkbox
                  label={p.name}
                  name={`provider-${p.id}`}
                  checked={v.providerIds.includes(p.id)}
                  onChange={(on) =>
                    setV('providerIds', (ids) => (on ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                  }
                />
              )}
            </For>
          </fieldset>
          <div class="form-grid">
            <TextField
              label="Earliest date"
              name="earliestDate"
              type="date"
              value={v.earliestDate}
              onInput={(x) => setV('earliestDate', x)}
              error={form.error('earliestDate')}
              required
            />
            <TextField
              label="Latest date"
              name="latestDate"
              type="date"
              value={v.latestDate}
              onInput={(x) => setV('latestDate', x)}
              error={form.error('latestDate')}
              required
            />
            <TextField
              label="From"
              name="fromTime"
              type="time"
              value={v.fromTime}
              onInput={(x) => setV('fromTime', x)}
              error={form.error('fromTime')}
              optional
            />
            <TextField
              label="Until"
              name="toTime"
              type="time"
              value={v.toTime}
              onInput={(x) => setV('toTime', x)}
              error={form.error('toTime')}
              optional
            />
          </div>
          <TextField
            label="Note"
            name="note"
            value={v.note}
            onInput={(x) => setV('note', x)}
            error={form.error('note')}
            placeholder="Prefers mornings; call the mobile"
            optional
          />
          <FormAlert message={form.formError()} />
          <div class="button-row">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Add to waitlist
            </Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
