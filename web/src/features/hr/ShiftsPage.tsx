import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { STAFF_ROLE_LABELS } from '../../../../shared/schemas/hr.ts';
import type { Shift, ShiftWeekView } from '../../../../shared/schemas/hr-shifts.ts';
import { addDays } from '../../../../shared/time.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime, formatLocalDay, isoDay } from '../../lib/format.ts';
import { listLocations } from '../schedule/api.ts';
import { HrNav } from './HrNav.tsx';
import { ShiftDialog, type ShiftDialogTarget } from './ShiftDialog.tsx';
import { ShiftFeed } from './ShiftFeed.tsx';
import { MyShifts, SwapRequests } from './ShiftSwaps.tsx';
import { StaffingRulesDialog } from './StaffingRulesDialog.tsx';
import {
  type CopyWeekResult,
  copyLastWeek,
  getMyShiftFeed,
  getMyShifts,
  getShiftWeek,
  publishWeek,
} from './shifts-api.ts';
import {
  gapId,
  gapRuns,
  groupRows,
  hourMark,
  isGap,
  runHours,
  type ShiftRoleGroup,
  shiftHours,
  shiftTimes,
  shortText,
  weekDates,
} from './shifts-format.ts';
import { listStaff } from './staff-api.ts';
import { formatDayRange, isDate, weekStart } from './time-off-format.ts';
import './hr.css';
import './shifts.css';

type HourCoverage = ShiftWeekView['coverage'][number];

const today = () => isoDay(new Date());

/** Whether the viewport matches a media query, following it as the window is resized. */
function createMedia(query: string) {
  const mq = window.matchMedia(query);
  const [matches, setMatches] = createSignal(mq.matches);
  const listen = (e: MediaQueryListEvent) => setMatches(e.matches);
  mq.addEventListener('change', listen);
  onCleanup(() => mq.removeEventListener('change', listen));
  return matches;
}

/** The week's hours by date, for one strip per day. */
const coverageByDate = (coverage: readonly HourCoverage[]) => {
  const byDate = new Map<string, HourCoverage[]>();
  for (const h of coverage) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);
  for (const hours of byDate.values()) hours.sort((a, b) => a.hour - b.hour);
  return byDate;
};

/** A day's working hours as a strip (green covered, red short), and each gap in words beneath. */
function CoverageStrip(props: { hours: HourCoverage[]; checked: boolean }) {
  const gaps = () => gapRuns(props.hours);
  return (
    <Show when={props.hours.length} fallback={<p class="small muted shifts-closed">Not working</p>}>
      <div class="shifts-coverage">
        <ol class="shifts-strip" aria-hidden="true">
          <For each={props.hours}>
            {(h) => (
              <li
                class={
                  isGap(h) ? 'shifts-strip-gap' : props.checked ? 'shifts-strip-ok' : 'shifts-strip-unchecked'
                }
                title={`${hourMark(h.hour)}: ${isGap(h) ? shortText(h) : 'covered'} (${h.booked} booked, ${h.providers} in session)`}
              />
            )}
          </For>
        </ol>
        <p class="shifts-strip-range small muted">
          {hourMark(props.hours[0]!.hour)}–{hourMark(props.hours[props.hours.length - 1]!.hour + 1)}
        </p>
        <Show
          when={gaps().length}
          fallback={
            <Show when={props.checked}>
              <p class="small shifts-covered">All covered</p>
            </Show>
          }
        >
          <ul class="shifts-gaps">
            <For each={gaps()}>
              {(r) => (
                <li id={gapId({ date: r.date, hour: r.from })} tabindex="-1" class="small">
                  <span class="strong nowrap">{runHours(r)}</span> {r.text}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </Show>
  );
}

/** Moves to the week's first short hour and announces it by focus. */
function goToFirstGap(coverage: readonly HourCoverage[]) {
  const first = [...coverage]
    .filter(isGap)
    .sort((a, b) => a.date.localeCompare(b.date) || a.hour - b.hour)[0];
  const el = first && document.getElementById(gapId(first));
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.focus({ preventScroll: true });
}

/** What the grid and the day list share: the week, its people and what a click opens. */
interface WeekProps {
  view: ShiftWeekView;
  groups: ShiftRoleGroup[];
  admin: boolean;
  onAdd: (staffId: string, name: string, date: string) => void;
  onEdit: (s: Shift) => void;
}

/** A shift: a button opening it for managers, plain text for everyone else; `children` replaces the times. */
function ShiftButton(props: {
  shift: Shift;
  admin: boolean;
  onEdit: (s: Shift) => void;
  children?: JSX.Element;
}) {
  const cls = () => `shifts-shift${props.children ? ' shifts-shift-wide' : ''}`;
  return (
    <Show
      when={props.admin}
      fallback={
        <span class={cls()} title={props.shift.note}>
          {props.children ?? shiftTimes(props.shift)}
        </span>
      }
    >
      <button
        type="button"
        class={cls()}
        onClick={() => props.onEdit(props.shift)}
        aria-label={`Edit the shift of ${props.shift.staffName} on ${formatLocalDay(props.shift.date)}, ${shiftTimes(props.shift)}`}
        title={props.shift.note}
      >
        {props.children ?? shiftTimes(props.shift)}
      </button>
    </Show>
  );
}

/** The week as a table: a row per person grouped by role, a column per day, coverage at the foot. */
function WeekGrid(props: WeekProps) {
  const dates = () => weekDates(props.view.weekStart);
  const byDate = () => coverageByDate(props.view.coverage);
  return (
    <>
      <p class="shifts-scroll-hint small muted">Scroll the schedule sideways for the rest of the week.</p>
      <section class="shifts-grid-scroll" aria-label="Shift schedule" tabindex="0">
        <table class="shifts-grid">
          <caption class="visually-hidden">
            Shifts of the week {formatDayRange(props.view.weekStart, addDays(props.view.weekStart, 6))}, by
            person
          </caption>
          <thead>
            <tr>
              <th scope="col" class="shifts-person-col">
                Person
              </th>
              <For each={dates()}>
                {(d) => (
                  <th scope="col" class={d === today() ? 'shifts-today' : undefined}>
                    {formatLocalDay(d)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <For each={props.groups}>
            {(g) => (
              <tbody>
                <tr class="shifts-role-row">
                  <th scope="colgroup" colSpan={8}>
                    {STAFF_ROLE_LABELS[g.staffRole]}
                  </th>
                </tr>
                <For each={g.rows}>
                  {(r) => {
                    const hours = () => shiftHours([...r.byDate.values()].flat());
                    return (
                      <tr>
                        <th scope="row" class="shifts-person-col">
                          <span class="shifts-person">{r.name}</span>
                          <Show when={hours() > 0}>
                            <span class="small muted nowrap"> {Math.round(hours() * 10) / 10} h</span>
                          </Show>
                        </th>
                        <For each={dates()}>
                          {(d) => {
                            const shifts = () => r.byDate.get(d) ?? [];
                            return (
                              <td class={d === today() ? 'shifts-today' : undefined}>
                                <div class="shifts-cell">
                                  <Show when={r.off.has(d)}>
                                    <Badge tone="info">Off</Badge>
                                  </Show>
                                  <For each={shifts()}>
                                    {(s) => (
                                      <ShiftButton shift={s} admin={props.admin} onEdit={props.onEdit} />
                                    )}
                                  </For>
                                  <Show when={props.admin && !r.off.has(d)}>
                                    <button
                                      type="button"
                                      class={`shifts-add${shifts().length ? ' shifts-add-more' : ''}`}
                                      onClick={() => props.onAdd(r.staffId, r.name, d)}
                                      aria-label={`Add a shift for ${r.name} on ${formatLocalDay(d)}`}
                                    >
                                      <span aria-hidden="true">+</span>
                                    </button>
                                  </Show>
                                </div>
                              </td>
                            );
                          }}
                        </For>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            )}
          </For>
          <Show when={props.admin}>
            <tfoot>
              <tr>
                <th scope="row" class="shifts-person-col">
                  Coverage
                </th>
                <For each={dates()}>
                  {(d) => (
                    <td>
                      <CoverageStrip
                        hours={byDate().get(d) ?? []}
                        checked={props.view.rulesText.length > 0}
                      />
                    </td>
                  )}
                </For>
              </tr>
            </tfoot>
          </Show>
        </table>
      </section>
    </>
  );
}

/** The week as one card per day (a phone): its shifts, who is off, and its gaps. */
function WeekList(props: WeekProps) {
  const byDate = () => coverageByDate(props.view.coverage);
  const rows = () => props.groups.flatMap((g) => g.rows);
  return (
    <ol class="shifts-days">
      <For each={weekDates(props.view.weekStart)}>
        {(d) => {
          const shifts = () =>
            rows()
              .flatMap((r) => (r.byDate.get(d) ?? []).map((s) => ({ s, role: r.staffRole })))
              .sort(
                (a, b) => a.s.start.localeCompare(b.s.start) || a.s.staffName.localeCompare(b.s.staffName),
              );
          const off = () => rows().filter((r) => r.off.has(d));
          return (
            <li class={`shifts-day${d === today() ? ' shifts-today' : ''}`}>
              <div class="shifts-day-head">
                <h3 class="shifts-day-title">{formatLocalDay(d)}</h3>
                <Show when={props.admin}>
                  <Button
                    size="sm"
                    onClick={() => props.onAdd('', '', d)}
                    aria-label={`Add a shift on ${formatLocalDay(d)}`}
                  >
                    Add
                  </Button>
                </Show>
              </div>
              <Show when={shifts().length} fallback={<p class="small muted">No shifts.</p>}>
                <ul class="shifts-day-list">
                  <For each={shifts()}>
                    {(x) => (
                      <li>
                        <ShiftButton shift={x.s} admin={props.admin} onEdit={props.onEdit}>
                          <span class="shifts-day-time">{shiftTimes(x.s)}</span>
                          <span class="shifts-day-who">
                            {x.s.staffName}
                            <span class="small muted"> · {STAFF_ROLE_LABELS[x.role]}</span>
                          </span>
                        </ShiftButton>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={off().length}>
                <p class="small">
                  <Badge tone="info">Off</Badge>{' '}
                  {off()
                    .map((r) => r.name)
                    .join(', ')}
                </p>
              </Show>
              <Show when={props.admin}>
                <CoverageStrip hours={byDate().get(d) ?? []} checked={props.view.rulesText.length > 0} />
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}

/** Published or draft, in words and a badge. */
function PublishState(props: { view: ShiftWeekView }) {
  return (
    <Show
      when={props.view.published}
      fallback={<Badge tone="warning">Draft — staff cannot see it yet</Badge>}
    >
      <span class="shifts-published">
        <Badge tone="success">Published</Badge>
        <Show when={props.view.publishedAt}>
          {(at) => (
            <span class="small muted">
              Published on {formatDateTime(at())}
              <Show when={props.view.publishedBy}> by {props.view.publishedBy}</Show>
            </span>
          )}
        </Show>
      </span>
    </Show>
  );
}

/** How many shifts came over; a few skipped ones inline, many as a list to open. */
function CopyResult(props: { result: CopyWeekResult }) {
  const r = () => props.result;
  const copied = () => `Copied ${r().copied} ${r().copied === 1 ? 'shift' : 'shifts'}`;
  const why = (s: CopyWeekResult['skipped'][number]) =>
    `${s.name} on ${formatDayRange(s.date, s.date)} (${s.reason})`;
  return (
    <Show when={r().skipped.length} fallback={<p>{copied()}.</p>}>
      <Show
        when={r().skipped.length > 3}
        fallback={
          <p>
            {copied()}; skipped: {r().skipped.map(why).join('; ')}.
          </p>
        }
      >
        <p>
          {copied()}; skipped {r().skipped.length}.
        </p>
        <details class="shifts-skipped">
          <summary>Which were skipped, and why</summary>
          <ul>
            <For each={r().skipped}>{(s) => <li>{why(s)}</li>}</For>
          </ul>
        </details>
      </Show>
    </Show>
  );
}

/** Coverage in one line: rules missing, hours short (a link to the first), or all covered. */
function CoverageSummary(props: { view: ShiftWeekView; onRules: () => void }) {
  return (
    <Show
      when={props.view.rulesText.length}
      fallback={
        <Alert tone="info" title="No staffing rules for this location">
          <p>
            Rules say how many people of each role an hour needs (e.g. one medical assistant per provider in
            session). With them, each day shows the hours that are short.
          </p>
          <Button size="sm" variant="primary" onClick={() => props.onRules()}>
            Set staffing rules
          </Button>
        </Alert>
      }
    >
      <div class="shifts-summary">
        <Show
          when={props.view.gapHours > 0}
          fallback={
            <p class="shifts-summary-line shifts-covered">
              <Show
                when={props.view.coverage.length}
                fallback="No provider sessions or visits booked this week."
              >
                Every working hour is covered this week.
              </Show>
            </p>
          }
        >
          <p class="shifts-summary-line">
            <button
              type="button"
              class="link-button shifts-gap-link"
              onClick={() => goToFirstGap(props.view.coverage)}
            >
              {props.view.gapHours} {props.view.gapHours === 1 ? 'hour' : 'hours'} short this week
            </button>
          </p>
        </Show>
        <div class="shifts-rules small">
          <span class="muted">Rules: </span>
          {props.view.rulesText.join('; ')}.{' '}
          <button type="button" class="link-button" onClick={() => props.onRules()}>
            Edit staffing rules
          </button>
        </div>
      </div>
    </Show>
  );
}

/** The manager's week: actions, publish state, coverage, and the grid (or the day list on a phone). */
function ManagerWeek(props: {
  locationId: string;
  locationName: string;
  week: string;
  narrow: boolean;
  onRules: () => void;
}) {
  const view = createAsync(() => getShiftWeek(props.locationId, props.week));
  const staff = createAsync(() =>
    listStaff({ status: 'active', location: props.locationId, sort: 'name', dir: 'asc' }, undefined, 100),
  );
  const [target, setTarget] = createSignal<ShiftDialogTarget>();
  const [copied, setCopied] = createSignal<{ key: string; result: CopyWeekResult }>();
  const [copying, setCopying] = createSignal(false);
  const [publishing, setPublishing] = createSignal(false);
  const key = () => `${props.locationId}|${props.week}`;
  const groups = () => {
    const v = view();
    return v ? groupRows(v, staff()?.items ?? []) : [];
  };
  const people = () => (staff()?.items ?? []).map((s) => ({ value: s.id, label: s.name }));

  const copy = async () => {
    setCopying(true);
    try {
      setCopied({ key: key(), result: await copyLastWeek(props.locationId, props.week) });
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setCopying(false);
    }
  };

  const publish = async () => {
    const v = view();
    if (!v) return;
    const range = formatDayRange(v.weekStart, addDays(v.weekStart, 6));
    const ok = await confirm({
      title: 'Publish this week?',
      message: (
        <p>
          The {v.shifts.length} {v.shifts.length === 1 ? 'shift' : 'shifts'} of {range} at{' '}
          {props.locationName} become visible to the people on them, in Rounds and in their calendar feed.
          Changes after publishing reach them straight away.
          {v.gapHours > 0
            ? ` The week is still ${v.gapHours} ${v.gapHours === 1 ? 'hour' : 'hours'} short.`
            : ''}
        </p>
      ),
      confirmLabel: 'Publish week',
      cancelLabel: 'Not yet',
      danger: false,
    });
    if (!ok) return;
    setPublishing(true);
    try {
      await publishWeek(props.locationId, props.week);
      toast.success(`Published the week of ${range}.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Show when={view()}>
      {(v) => (
        <Section
          id="shifts-week"
          title={`Week of ${formatDayRange(v().weekStart, addDays(v().weekStart, 6))}`}
          description={<PublishState view={v()} />}
          actions={
            <div class="shifts-actions">
              <Button onClick={copy} busy={copying()}>
                Copy last week
              </Button>
              <Show when={!v().published}>
                <Button
                  variant="primary"
                  onClick={publish}
                  busy={publishing()}
                  disabled={v().shifts.length === 0}
                  title={
                    v().shifts.length === 0
                      ? 'Add shifts first: an empty week has nothing to publish'
                      : undefined
                  }
                >
                  Publish week
                </Button>
              </Show>
            </div>
          }
        >
          <div class="stack">
            <Show when={copied()?.key === key() && copied()?.result}>
              {(r) => (
                <Alert tone={r().skipped.length ? 'warning' : 'success'} title="Last week copied">
                  <CopyResult result={r()} />
                  <Button size="sm" variant="ghost" onClick={() => setCopied(undefined)}>
                    Dismiss
                  </Button>
                </Alert>
              )}
            </Show>
            <CoverageSummary view={v()} onRules={props.onRules} />
            <Show
              when={groups().length}
              fallback={
                <EmptyState
                  title="No one works at this location yet"
                  action={
                    <A href="/app/hr/staff" class="btn btn-primary">
                      Go to the staff directory
                    </A>
                  }
                >
                  Shifts are planned for the people whose locations include {props.locationName}. Add people,
                  or add this location to their record.
                </EmptyState>
              }
            >
              <Show when={v().shifts.length === 0}>
                <p class="small muted">
                  No shifts this week yet: use + in a person’s day, or copy last week’s.
                </p>
              </Show>
              <Show
                when={props.narrow}
                fallback={
                  <WeekGrid
                    view={v()}
                    groups={groups()}
                    admin
                    onAdd={(staffId, name, date) => setTarget({ kind: 'add', staffId, name, date })}
                    onEdit={(shift) => setTarget({ kind: 'edit', shift })}
                  />
                }
              >
                <WeekList
                  view={v()}
                  groups={groups()}
                  admin
                  onAdd={(staffId, name, date) => setTarget({ kind: 'add', staffId, name, date })}
                  onEdit={(shift) => setTarget({ kind: 'edit', shift })}
                />
              </Show>
            </Show>
          </div>
          <ShiftDialog
            target={target()}
            locationId={props.locationId}
            weekStart={props.week}
            people={people()}
            published={v().published}
            onClose={() => setTarget(undefined)}
          />
        </Section>
      )}
    </Show>
  );
}

/** Everyone else's week: the published shifts, read-only, or why there are none. */
function StaffWeek(props: { locationId: string; week: string; narrow: boolean }) {
  const view = createAsync(() => getShiftWeek(props.locationId, props.week));
  const groups = () => {
    const v = view();
    return v ? groupRows(v, []) : [];
  };
  const noop = () => {};
  return (
    <Show when={view()}>
      {(v) => (
        <Section
          id="shifts-week"
          title={`Week of ${formatDayRange(v().weekStart, addDays(v().weekStart, 6))}`}
        >
          <Show
            when={v().published}
            fallback={
              <EmptyState title="This week is not published yet">
                Your manager publishes each week’s schedule when it is ready; it shows here then. Look at
                another week with Previous and Next above.
              </EmptyState>
            }
          >
            <Show
              when={v().shifts.length}
              fallback={<EmptyState title="No shifts at this location this week" />}
            >
              <Show
                when={props.narrow}
                fallback={<WeekGrid view={v()} groups={groups()} admin={false} onAdd={noop} onEdit={noop} />}
              >
                <WeekList view={v()} groups={groups()} admin={false} onAdd={noop} onEdit={noop} />
              </Show>
            </Show>
          </Show>
        </Section>
      )}
    </Show>
  );
}

/** Location and week choice; both live in the URL. */
function ShiftsToolbar(props: {
  locations: { value: string; label: string }[];
  locationId: string;
  week: string;
  onChange: (patch: { location?: string; week?: string }) => void;
}) {
  const thisWeek = () => weekStart(today());
  const move = (days: number) => props.onChange({ week: addDays(props.week, days) });
  return (
    <div class="shifts-toolbar">
      <SelectField
        label="Location"
        name="location"
        value={props.locationId}
        options={props.locations}
        onChange={(v) => props.onChange({ location: v })}
      />
      <fieldset class="shifts-week-nav">
        <legend class="visually-hidden">Week</legend>
        <Button onClick={() => move(-7)} aria-label="Previous week">
          <span aria-hidden="true">‹</span> Previous
        </Button>
        <Button onClick={() => props.onChange({ week: thisWeek() })} disabled={props.week === thisWeek()}>
          This week
        </Button>
        <Button onClick={() => move(7)} aria-label="Next week">
          Next <span aria-hidden="true">›</span>
        </Button>
      </fieldset>
      <TextField
        label="Week of"
        name="week"
        type="date"
        value={props.week}
        onInput={(v) => {
          // A date input mid-edit is empty or partial: move only on a whole date.
          if (isDate(v)) props.onChange({ week: weekStart(v) });
        }}
      />
    </div>
  );
}

/** The shift schedule: managers plan, check coverage and publish a location's week; staff see published weeks. */
export function ShiftsPage() {
  const [params, setParams] = useSearchParams<{ location?: string; week?: string }>();
  const admin = () => {
    const m = me();
    return m ? canAccess(m, 'hr-admin') : false;
  };
  const narrow = createMedia('(max-width: 720px)');
  const locations = createAsync(() => listLocations());
  const active = () => (locations()?.items ?? []).filter((l) => !l.archived);
  const names = () => new Map((locations()?.items ?? []).map((l) => [l.id, l.name]));
  const locationId = () => {
    const all = active();
    return all.find((l) => l.id === params.location)?.id ?? all[0]?.id;
  };
  const locationName = () => names().get(locationId() ?? '') ?? '';
  const week = () => weekStart(params.week && isDate(params.week) ? params.week : today());
  const change = (patch: { location?: string; week?: string }) =>
    setParams(
      {
        ...patch,
        ...(patch.week !== undefined
          ? { week: patch.week === weekStart(today()) ? undefined : patch.week }
          : {}),
      },
      { replace: true },
    );
  const [rulesFor, setRulesFor] = createSignal<string>();

  const body = (): JSX.Element => (
    <Show
      when={locationId()}
      fallback={
        <EmptyState
          title="No locations yet"
          action={
            <Show when={admin()}>
              <A href="/app/settings?tab=locations" class="btn btn-primary">
                Add a location
              </A>
            </Show>
          }
        >
          Shifts are planned per location.{' '}
          {admin() ? 'Add one in Settings first.' : 'An owner adds them in Settings.'}
        </EmptyState>
      }
    >
      {(id) => (
        <div class="stack-lg">
          <Show when={admin()}>
            <SwapRequests admin />
          </Show>
          <ShiftsToolbar
            locations={active().map((l) => ({ value: l.id, label: l.name }))}
            locationId={id()}
            week={week()}
            onChange={change}
          />
          <LoadBoundary what="week’s shifts" keys={[getShiftWeek.key, listStaff.key]}>
            <Show when={admin()} fallback={<StaffWeek locationId={id()} week={week()} narrow={narrow()} />}>
              <ManagerWeek
                locationId={id()}
                locationName={locationName()}
                week={week()}
                narrow={narrow()}
                onRules={() => setRulesFor(id())}
              />
            </Show>
          </LoadBoundary>
          <Show when={!admin()}>
            <Section
              id="shifts-mine"
              title="My next shifts"
              description="Your shifts in published weeks, the next four weeks. Can’t work one? Ask to hand it to a colleague."
            >
              <LoadBoundary what="your shifts" keys={[getMyShifts.key]}>
                <MyShifts locationNames={names()} />
              </LoadBoundary>
              <LoadBoundary what="your calendar link" keys={[getMyShiftFeed.key]}>
                <ShiftFeed />
              </LoadBoundary>
            </Section>
            <SwapRequests admin={false} />
          </Show>
        </div>
      )}
    </Show>
  );

  return (
    <div class="page hr shifts">
      <PageHeader
        title="Shifts"
        description={
          admin()
            ? 'Plan each location’s week, check it against the patients booked, and publish it to staff.'
            : 'Who works when at each location, once the week is published.'
        }
      />
      <HrNav />
      <LoadBoundary what="locations" keys={[listLocations.key]}>
        {body()}
      </LoadBoundary>
      <Show when={admin()}>
        <StaffingRulesDialog
          locationId={rulesFor()}
          locationName={names().get(rulesFor() ?? '') ?? ''}
          onClose={() => setRulesFor(undefined)}
        />
      </Show>
    </div>
  );
}
