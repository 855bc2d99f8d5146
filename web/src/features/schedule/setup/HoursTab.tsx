import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Template, TemplateInputSchema } from '../../../../../shared/schemas/scheduling.ts';
import type { Location, Weekday } from '../../../../../shared/schemas/tenants.ts';
import { localParts } from '../../../../../shared/time.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm } from '../../../components/ui/Dialog.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatCalendarDate, formatLocalTimes } from '../../../lib/format.ts';
import { createForm, optional } from '../../../lib/forms.ts';
import { listProviders } from '../api.ts';
import { createTemplate, deleteTemplate, listTemplates } from './api.ts';

/** Monday first, as a practice reads its week; values are JavaScript weekdays (0 = Sunday). */
const WEEK = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 0, name: 'Sunday' },
];

/** A template's blocks as "Mon 8:00 AM–12:00 PM, 1:00 PM–5:00 PM · Tue …". */
function describe(t: Template): string {
  return WEEK.map((d) => {
    const blocks = t.blocks.filter((b) => b.weekday === d.day).sort((a, b) => a.start.localeCompare(b.start));
    return blocks.length
      ? `${d.name.slice(0, 3)} ${blocks.map((b) => formatLocalTimes(b.start, b.end)).join(', ')}`
      : '';
  })
    .filter(Boolean)
    .join(' · ');
}

/** Weekly hours of one provider at one location, with the dates they are in effect. */
export function HoursTab(props: { location: Location }) {
  const providers = createAsync(() => listProviders());
  const templates = createAsync(() => listTemplates());
  const here = createMemo(() =>
    (providers()?.items ?? []).filter((p) => p.active && p.locationIds.includes(props.location.id)),
  );
  const [chosen, setChosen] = createSignal('');
  const providerId = () => (here().some((p) => p.id === chosen()) ? chosen() : (here()[0]?.id ?? ''));
  const rows = () =>
    (templates()?.items ?? [])
      .filter((t) => t.providerId === providerId() && t.locationId === props.location.id)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  const remove = async (t: Template) => {
    const ok = await confirm({
      title: 'Remove these weekly hours?',
      message: (
        <p>
          The provider is no longer bookable in these hours from {formatCalendarDate(t.effectiveFrom)}
          {t.effectiveTo ? ` to ${formatCalendarDate(t.effectiveTo)}` : ''}. Visits already booked stay on the
          schedule.
        </p>
      ),
      confirmLabel: 'Remove hours',
    });
    if (!ok) return;
    try {
      await deleteTemplate(t);
      toast.success('Weekly hours removed');
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <Section
      title={`Weekly hours at ${props.location.name}`}
      id="hours"
      description="When each provider can be booked here. Times are the location’s local time, also across daylight-saving changes."
    >
      <Show
        when={here().length > 0}
        fallback={
          <EmptyState title="No provider works here yet">
            <p>Add a provider at this location on the Providers tab first.</p>
          </EmptyState>
        }
      >
        <SelectField
          label="Provider"
          name="providerId"
          value={providerId()}
          onChange={setChosen}
          options={here().map((p) => ({ value: p.id, label: p.name }))}
        />
        <DataTable
          caption="Weekly hours on file"
          rows={rows()}
          empty={
            <EmptyState title="No weekly hours yet">
              <p>
                Until hours are set, this provider cannot be booked here (except by a manager’s override).
              </p>
            </EmptyState>
          }
          columns={[
            {
              header: 'In effect',
              cell: (t) =>
                `${formatCalendarDate(t.effectiveFrom)} to ${t.effectiveTo ? formatCalendarDate(t.effectiveTo) : 'further notice'}`,
            },
            { header: 'Hours', cell: (t) => describe(t) },
            {
              header: 'Actions',
              headerHidden: true,
              class: 'actions',
              cell: (t) => (
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => remove(t)}
                  aria-label={`Remove hours from ${formatCalendarDate(t.effectiveFrom)}`}
                >
                  Remove
                </Button>
              ),
            },
          ]}
        />
        <HoursForm
          location={props.location}
          providerId={providerId()}
          hasCurrent={rows().some((t) => !t.effectiveTo)}
        />
      </Show>
    </Section>
  );
}

interface DayHours {
  works: boolean;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
}

const DAY_KEYS: Record<number, Weekday> = {
  0: 'sun',
  1: 'mon',
  2: 'tue',
  3: 'wed',
  4: 'thu',
  5: 'fri',
  6: 'sat',
};

/** A provider's day as the location opens it, with a lunch break when the day spans noon to one. */
function fromLocation(location: Location, day: number): DayHours {
  const open = location.hours[DAY_KEYS[day]!];
  const lunch = open.opens < '12:00' && open.closes > '13:00';
  return {
    works: !open.closed,
    start: open.opens,
    end: open.closes,
    breakStart: lunch ? '12:00' : '',
    breakEnd: lunch ? '13:00' : '',
  };
}

/** A day's blocks: one, or two around a break. */
function blocksOf(day: number, h: DayHours) {
  if (!h.works) return [];
  if (!h.breakStart || !h.breakEnd) return [{ weekday: day, start: h.start, end: h.end }];
  return [
    { weekday: day, start: h.start, end: h.breakStart },
    { weekday: day, start: h.breakEnd, end: h.end },
  ];
}

/** What is wrong with a day's times, in words, before the server is asked. */
function dayProblem(h: DayHours): string | undefined {
  if (!h.works) return undefined;
  if (!h.start || !h.end) return 'Enter both times';
  if (h.start >= h.end) return 'The day must end after it starts';
  if (Boolean(h.breakStart) !== Boolean(h.breakEnd)) return 'Enter both break times, or neither';
  if (h.breakStart && !(h.start < h.breakStart && h.breakStart < h.breakEnd && h.breakEnd < h.end)) {
    return 'The break must fall inside the day';
  }
  return undefined;
}

function HoursForm(props: { location: Location; providerId: string; hasCurrent: boolean }) {
  const today = () => localParts(Date.now(), props.location.timeZone).date;
  // Most providers work the hours the location is open: start from those.
  const [days, setDays] = createStore<Record<number, DayHours>>(
    Object.fromEntries(WEEK.map((d) => [d.day, fromLocation(props.location, d.day)])),
  );
  const [v, setV] = createStore({ effectiveFrom: '', effectiveTo: '', replaceCurrent: true });
  const [dayErrors, setDayErrors] = createSignal<Record<number, string>>({});
  const form = createForm();
  let ref: HTMLFormElement | undefined;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problems = Object.fromEntries(
      WEEK.map((d) => [d.day, dayProblem(days[d.day]!)]).filter(([, p]) => p),
    ) as Record<number, string>;
    setDayErrors(problems);
    if (Object.keys(problems).length) {
      form.setFormError('Check the highlighted days.');
      return;
    }
    const body = {
      providerId: props.providerId,
      locationId: props.location.id,
      blocks: WEEK.flatMap((d) => blocksOf(d.day, days[d.day]!)),
      effectiveFrom: v.effectiveFrom || today(),
      effectiveTo: optional(v.effectiveTo),
      replaceCurrent: props.hasCurrent && v.replaceCurrent ? true : undefined,
    };
    if (body.blocks.length === 0) {
      form.setFormError('Choose at least one working day.');
      return;
    }
    const ok = await form.submit(ref, TemplateInputSchema, body, async (data) => {
      await createTemplate(data);
    });
    if (ok) toast.success(`Weekly hours saved from ${formatCalendarDate(body.effectiveFrom)}`);
  };

  return (
    <form ref={ref} class="form stack hours-form" novalidate onSubmit={submit} aria-label="Set weekly hours">
      <h3 class="subheading">New weekly hours</h3>
      <p class="muted">Filled in from {props.location.name}’s opening hours; change any day that differs.</p>
      <For each={WEEK}>
        {(d) => (
          <fieldset class={`hours-day${dayErrors()[d.day] ? ' field-invalid' : ''}`}>
            <legend class="visually-hidden">{d.name}</legend>
            <Checkbox
              label={d.name}
              name={`works-${d.day}`}
              checked={days[d.day]!.works}
              onChange={(x) => setDays(d.day, 'works', x)}
            />
            <Show when={days[d.day]!.works}>
              <div class="hours-times">
                <TextField
                  label={`${d.name} from`}
                  labelHidden
                  name={`start-${d.day}`}
                  type="time"
                  value={days[d.day]!.start}
                  onInput={(x) => setDays(d.day, 'start', x)}
                />
                <span aria-hidden="true">to</span>
                <TextField
                  label={`${d.name} until`}
                  labelHidden
                  name={`end-${d.day}`}
                  type="time"
                  value={days[d.day]!.end}
                  onInput={(x) => setDays(d.day, 'end', x)}
                />
                <span class="muted">break</span>
                <TextField
                  label={`${d.name} break from`}
                  labelHidden
                  name={`breakStart-${d.day}`}
                  type="time"
                  value={days[d.day]!.breakStart}
                  onInput={(x) => setDays(d.day, 'breakStart', x)}
                />
                <span aria-hidden="true">to</span>
                <TextField
                  label={`${d.name} break until`}
                  labelHidden
                  name={`breakEnd-${d.day}`}
                  type="time"
                  value={days[d.day]!.breakEnd}
                  onInput={(x) => setDays(d.day, 'breakEnd', x)}
                />
              </div>
            </Show>
            <Show when={dayErrors()[d.day]}>
              <p class="field-error" role="alert">
                {d.name}: {dayErrors()[d.day]}
              </p>
            </Show>
          </fieldset>
        )}
      </For>
      <div class="form-row">
        <TextField
          label="Starting"
          name="effectiveFrom"
          type="date"
          value={v.effectiveFrom || today()}
          onInput={(x) => setV('effectiveFrom', x)}
          error={form.error('effectiveFrom')}
          required
        />
        <TextField
          label="Ending"
          name="effectiveTo"
          type="date"
          value={v.effectiveTo}
          onInput={(x) => setV('effectiveTo', x)}
          error={form.error('effectiveTo')}
          hint="Leave empty for until further notice"
          optional
        />
      </div>
      <Show when={props.hasCurrent}>
        <Checkbox
          label="These replace the current hours from the starting date"
          name="replaceCurrent"
          checked={v.replaceCurrent}
          onChange={(x) => setV('replaceCurrent', x)}
          hint="Off: the new hours are added to the current ones (for example an extra Saturday clinic)."
        />
      </Show>
      <FormAlert message={form.formError()} />
      <div>
        <Button type="submit" variant="primary" busy={form.sending()} disabled={!props.providerId}>
          Save weekly hours
        </Button>
      </div>
    </form>
  );
}
