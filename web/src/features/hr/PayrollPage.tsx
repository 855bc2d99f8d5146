import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  EXPORT_LAYOUT_LABELS,
  EXPORT_LAYOUTS,
  PAY_FREQUENCY_LABELS,
  type PayPeriodDetail,
  type PayPeriodSummary,
  PayrollAdjustmentInputSchema,
  type PayrollLineDto,
  type PaySchedule,
  PayScheduleInputSchema,
} from '../../../../shared/schemas/hr-payroll.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { saveFile } from '../../lib/download.ts';
import { errorMessage, isStale } from '../../lib/errors.ts';
import {
  formatCalendarDate,
  formatDateTime,
  formatLocalDay,
  formatLocalDayTime,
  formatLocalTimes,
} from '../../lib/format.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { createPagedList } from '../../lib/paging.ts';
import { HrNav } from './HrNav.tsx';
import { PayrollAttendanceDialog, type PeriodShift } from './PayrollAttendanceDialog.tsx';
import {
  addPayrollAdjustment,
  exportPayPeriod,
  getPayPeriod,
  getPaySchedule,
  listPayPeriods,
  lockPayPeriod,
  openPayPeriod,
  removePayrollAdjustment,
  savePaySchedule,
} from './payroll-api.ts';

import './hr.css';
import './payroll.css';

const hours = (n: number) => n.toFixed(2);
const dollars = (cents: number | undefined) =>
  cents === undefined
    ? '—'
    : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const range = (p: { start: string; end: string }) =>
  `${formatCalendarDate(p.start)} to ${formatCalendarDate(p.end)}`;

/** The pay schedule, edited in place: how often the practice pays and from which day. */
function ScheduleForm(props: { schedule: PaySchedule }) {
  const form = createForm();
  const [values, setValues] = createStore({ frequency: '', anchorDate: '' });
  let formRef: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.schedule,
      (s) => setValues({ frequency: s.frequency, anchorDate: s.anchorDate ?? '' }),
    ),
  );
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      frequency: values.frequency,
      anchorDate: values.frequency === 'semimonthly' ? undefined : optional(values.anchorDate),
      version: props.schedule.version,
    };
    const ok = await form.submit(formRef, PayScheduleInputSchema, body, async (data) => {
      try {
        await savePaySchedule(data);
      } catch (err) {
        if (isStale(err)) throw new Error('stale');
        throw err;
      }
    });
    if (ok) toast.success('Saved the pay schedule.');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate>
      <p class="small">
        {props.schedule.text}
        <Show when={props.schedule.version === 0}>
          <span class="muted"> (Rounds’ starting schedule: save your own.)</span>
        </Show>
      </p>
      <FormAlert message={form.formError()} />
      <div class="form-grid">
        <SelectField
          label="How often"
          name="frequency"
          value={values.frequency}
          options={optionsOf(PAY_FREQUENCY_LABELS)}
          onChange={(v) => {
            setValues('frequency', v);
            form.clearError('frequency');
          }}
          error={form.error('frequency')}
          required
        />
        <Show when={values.frequency !== 'semimonthly'}>
          <TextField
            label="First day of any one pay period"
            name="anchorDate"
            type="date"
            value={values.anchorDate}
            onInput={(v) => {
              setValues('anchorDate', v);
              form.clearError('anchorDate');
            }}
            error={form.error('anchorDate')}
            hint="The other periods follow from it."
            required
          />
        </Show>
      </div>
      <div class="button-row">
        <Button type="submit" variant="primary" busy={form.sending()}>
          Save schedule
        </Button>
      </div>
    </form>
  );
}

/** The schedule's latest periods not yet opened, each with a button to open it for review. */
function OpenPeriods(props: { schedule: PaySchedule; onOpen: (id: string) => void }) {
  const [busy, setBusy] = createSignal<string>();
  const open = async (start: string) => {
    setBusy(start);
    try {
      await openPayPeriod(start);
      props.onOpen(start);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  const closed = () => props.schedule.recent.filter((p) => !p.opened);
  return (
    <Show when={closed().length}>
      <div class="stack">
        <p class="small">Open a period to review its hours from the shifts, attendance and time off:</p>
        <ul class="payroll-open">
          <For each={closed()}>
            {(p) => (
              <li>
                <span class="nowrap">{range(p)}</span>
                <Button size="sm" busy={busy() === p.start} onClick={() => open(p.start)}>
                  Open for review
                </Button>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** Pay periods newest first; each opens its review. */
function PeriodList(props: { onOpen: (id: string) => void }) {
  const list = createPagedList(
    () => 'periods',
    (cursor) => listPayPeriods(cursor, 12),
  );
  const columns: Column<PayPeriodSummary>[] = [
    {
      header: 'Period',
      cell: (p) => (
        <button type="button" class="link-button" onClick={() => props.onOpen(p.id)}>
          {range(p)}
        </button>
      ),
    },
    {
      header: 'Status',
      cell: (p) =>
        p.status === 'locked' ? (
          <Badge tone="neutral">Locked</Badge>
        ) : p.ended ? (
          <Badge tone="warning">Ready to review</Badge>
        ) : (
          <Badge tone="info">Under way</Badge>
        ),
    },
    {
      header: 'Locked by',
      cell: (p) => (
        <Show when={p.lockedBy} fallback={<span class="muted">—</span>}>
          <span>
            {p.lockedBy} <span class="small muted">{formatDateTime(p.lockedAt)}</span>
          </span>
        </Show>
      ),
    },
  ];
  return (
    <>
      <DataTable<PayPeriodSummary>
        caption="Pay periods, newest first"
        loading={list.loading()}
        rows={list.items()}
        columns={columns}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title="No pay period opened yet">
              Open one of the schedule’s latest periods above: it shows here with its status.
            </EmptyState>
          </Show>
        }
      />
      <ListPager label="Pay periods" list={list} />
    </>
  );
}

/** The attendance of one person's shifts in an open period, each with a button to log it. */
function ShiftsOf(props: { shifts: PeriodShift[]; onLog: (s: PeriodShift) => void; name: string }) {
  const mark = (s: PeriodShift) =>
    s.noShow
      ? 'No-show'
      : [
          s.lateMinutes ? `${s.lateMinutes} min late` : '',
          s.earlyMinutes ? `left ${s.earlyMinutes} min early` : '',
        ]
          .filter(Boolean)
          .join(', ') || 'On time';
  return (
    <ul class="payroll-shifts">
      <For each={props.shifts}>
        {(s) => (
          <li>
            <span class="nowrap">
              {formatLocalDay(s.date)} {formatLocalTimes(s.start, s.end)}
            </span>
            <span class="num">{hours(s.hours)} h</span>
            <span class={s.attendanceVersion ? 'strong' : 'muted'}>{mark(s)}</span>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => props.onLog(s)}
              aria-label={`Attendance of ${props.name} on ${formatLocalDayTime(s.date, s.start)}`}
            >
              {s.attendanceVersion ? 'Change' : 'Log'}
            </Button>
          </li>
        )}
      </For>
    </ul>
  );
}

/** Adds an adjustment line: a person of the period, hours (negative to take off) and why. */
function AdjustmentForm(props: { period: PayPeriodDetail }) {
  const form = createForm();
  const [values, setValues] = createStore({ staffId: '', hours: '', reason: '' });
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      staffId: values.staffId,
      hours: numberOrUndefined(values.hours),
      reason: values.reason,
      version: props.period.version,
    };
    const ok = await form.submit(formRef, PayrollAdjustmentInputSchema, body, async (data) => {
      await addPayrollAdjustment(props.period.id, data);
    });
    if (ok) {
      setValues({ staffId: '', hours: '', reason: '' });
      toast.success('Added the adjustment.');
    }
  };
  const set = (name: 'staffId' | 'hours' | 'reason') => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Add an adjustment">
      <FormAlert message={form.formError()} />
      <div class="form-grid">
        <SelectField
          label="Person"
          name="staffId"
          value={values.staffId}
          placeholder="Choose…"
          options={props.period.lines.map((l) => ({ value: l.staffId, label: l.name }))}
          onChange={set('staffId')}
          error={form.error('staffId')}
          required
        />
        <TextField
          label="Hours"
          name="hours"
          type="number"
          inputMode="decimal"
          value={values.hours}
          onInput={set('hours')}
          error={form.error('hours')}
          hint="Negative to take hours off."
          required
        />
        <TextField
          label="Reason"
          name="reason"
          value={values.reason}
          onInput={set('reason')}
          error={form.error('reason')}
          maxLength={300}
          required
        />
      </div>
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Add adjustment
        </Button>
      </div>
    </form>
  );
}

/** One period: per person hours and totals, adjustments, attendance, lock and the CSV files. */
function PeriodView(props: { id: string }) {
  const data = createAsync(() => getPayPeriod(props.id));
  const [logging, setLogging] = createSignal<PeriodShift>();
  const [busy, setBusy] = createSignal(false);
  const nameOf = (staffId: string) => data()?.lines.find((l) => l.staffId === staffId)?.name ?? '';
  const download = async (layout: (typeof EXPORT_LAYOUTS)[number]) => {
    try {
      const file = await exportPayPeriod(props.id, layout);
      saveFile(file.csv, file.fileName, 'text/csv;charset=utf-8');
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  const lock = async (p: PayPeriodDetail) => {
    const sure = await confirm({
      title: 'Lock this pay period?',
      message: (
        <p>
          The hours of {range(p)} are frozen as they are now ({hours(p.totals.regularHours)} regular and{' '}
          {hours(p.totals.overtimeHours)} overtime hours). Afterwards no adjustment, attendance entry, shift
          or time off can change them. This cannot be undone.
        </p>
      ),
      confirmLabel: 'Lock the period',
      cancelLabel: 'Keep it open',
    });
    if (!sure) return;
    setBusy(true);
    try {
      await lockPayPeriod(p.id, p.version);
      toast.success(`Locked ${range(p)}.`);
    } catch (err) {
      toast.error(
        isStale(err)
          ? 'The period changed meanwhile; it now shows what changed. Check it again.'
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };
  const removeAdjustment = async (p: PayPeriodDetail, id: string, name: string) => {
    const sure = await confirm({
      title: 'Remove this adjustment?',
      message: <p>{name}'s hours go back to what the shifts say.</p>,
      confirmLabel: 'Remove',
      cancelLabel: 'Keep it',
    });
    if (!sure) return;
    try {
      await removePayrollAdjustment(p.id, id, p.version);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  const columns: Column<PayrollLineDto>[] = [
    { header: 'Person', cell: (l) => <span class="strong">{l.name}</span> },
    {
      header: 'Pay',
      cell: (l) =>
        l.rateCents === undefined ? (
          <span class="muted">No pay on record</span>
        ) : l.payType === 'salary' ? (
          `${dollars(l.rateCents)} a period`
        ) : (
          `${dollars(l.rateCents)} an hour`
        ),
    },
    { header: 'Regular', class: 'num', cell: (l) => (l.payType === 'salary' ? '—' : hours(l.regularHours)) },
    {
      header: 'Overtime',
      class: 'num',
      cell: (l) => (l.payType === 'salary' ? '—' : hours(l.overtimeHours)),
    },
    { header: 'PTO', class: 'num', cell: (l) => hours(l.ptoHours) },
    { header: 'Sick', class: 'num', cell: (l) => hours(l.sickHours) },
    { header: 'Adjusted', class: 'num', cell: (l) => (l.adjustmentHours ? hours(l.adjustmentHours) : '—') },
  ];
  return (
    <Show when={data()}>
      {(p) => (
        <div class="stack-lg">
          <Section
            id="payroll-period"
            title={`Pay period ${range(p())}`}
            description={
              p().status === 'locked'
                ? `Locked by ${p().lockedBy} on ${formatDateTime(p().lockedAt)}: these are the hours as they were then.`
                : 'Regular hours are up to 40 in each Monday–Sunday workweek; hours past 40 are overtime, counted by the whole week even when the period cuts it.'
            }
            actions={
              <div class="button-row">
                <For each={EXPORT_LAYOUTS}>
                  {(layout) => (
                    <Button size="sm" onClick={() => download(layout)}>
                      Download {EXPORT_LAYOUT_LABELS[layout]}
                    </Button>
                  )}
                </For>
                <Show when={p().status === 'open' && p().ended}>
                  <Button size="sm" variant="primary" busy={busy()} onClick={() => lock(p())}>
                    Lock…
                  </Button>
                </Show>
              </div>
            }
          >
            <Show when={p().status === 'open' && !p().ended}>
              <Alert tone="info">
                This period has not ended yet: it can be locked from the day after{' '}
                {formatCalendarDate(p().end)}.
              </Alert>
            </Show>
            <DataTable<PayrollLineDto>
              caption={`Hours per person, ${range(p())}`}
              rows={p().lines}
              columns={columns}
              empty={
                <EmptyState title="No one worked in this period">
                  People in the staff directory employed during the period show here, with the hours of their
                  shifts.
                </EmptyState>
              }
            />
            <dl class="payroll-totals">
              <div>
                <dt>Regular</dt>
                <dd>{hours(p().totals.regularHours)}</dd>
              </div>
              <div>
                <dt>Overtime</dt>
                <dd>{hours(p().totals.overtimeHours)}</dd>
              </div>
              <div>
                <dt>PTO</dt>
                <dd>{hours(p().totals.ptoHours)}</dd>
              </div>
              <div>
                <dt>Sick</dt>
                <dd>{hours(p().totals.sickHours)}</dd>
              </div>
            </dl>
          </Section>
          <Section
            id="payroll-adjustments"
            title="Adjustments"
            description="Hours added or taken off by hand, each with its reason (audited)."
          >
            <Show when={p().adjustments.length} fallback={<p class="small muted">No adjustments.</p>}>
              <ul class="payroll-adjustments">
                <For each={p().adjustments}>
                  {(a) => (
                    <li>
                      <span class="strong">{a.name}</span>
                      <span class="num">
                        {a.hours > 0 ? '+' : ''}
                        {hours(a.hours)} h
                      </span>
                      <span>{a.reason}</span>
                      <span class="small muted">
                        {a.addedBy}, {formatDateTime(a.addedAt)}
                      </span>
                      <Show when={p().status === 'open'}>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => removeAdjustment(p(), a.id, a.name)}
                          aria-label={`Remove the adjustment for ${a.name}`}
                        >
                          Remove
                        </Button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={p().status === 'open' && p().lines.length}>
              <AdjustmentForm period={p()} />
            </Show>
          </Section>
          <Show when={p().status === 'open'}>
            <Section
              id="payroll-attendance"
              title="Attendance"
              description="Late arrivals, early leaves and no-shows of hourly staff: hours follow them."
            >
              <Show
                when={p().shifts.length}
                fallback={<p class="small muted">No shifts of hourly staff in this period.</p>}
              >
                <For each={p().lines.filter((l) => p().shifts.some((s) => s.staffId === l.staffId))}>
                  {(l) => (
                    <details class="payroll-person">
                      <summary>
                        {l.name}{' '}
                        <span class="small muted">
                          ({p().shifts.filter((s) => s.staffId === l.staffId).length} shifts)
                        </span>
                      </summary>
                      <ShiftsOf
                        shifts={p().shifts.filter((s) => s.staffId === l.staffId)}
                        onLog={setLogging}
                        name={l.name}
                      />
                    </details>
                  )}
                </For>
              </Show>
            </Section>
          </Show>
          <PayrollAttendanceDialog
            shift={logging()}
            name={nameOf(logging()?.staffId ?? '')}
            onClose={() => setLogging(undefined)}
          />
        </div>
      )}
    </Show>
  );
}

/** Payroll prep (owners and managers): the pay schedule, the periods, and one period's review. */
export function PayrollPage() {
  const [params, setParams] = useSearchParams<{ period?: string }>();
  const schedule = createAsync(() => getPaySchedule());
  return (
    <div class="page hr payroll">
      <PageHeader
        title="Payroll"
        description="Hours per pay period from the shifts, attendance and time off, reviewed, locked and sent to payroll."
      />
      <HrNav />
      <Show
        when={params.period}
        fallback={
          <div class="stack-lg">
            <Section id="payroll-schedule" title="Pay schedule">
              <LoadBoundary what="pay schedule" keys={[getPaySchedule.key]}>
                <Show when={schedule()}>{(s) => <ScheduleForm schedule={s()} />}</Show>
              </LoadBoundary>
            </Section>
            <Section
              id="payroll-periods"
              title="Pay periods"
              description="Open a period to review its hours, adjust, lock and download it."
            >
              <Show when={schedule()}>
                {(s) => <OpenPeriods schedule={s()} onOpen={(id) => setParams({ period: id })} />}
              </Show>
              <LoadBoundary what="pay periods" keys={[listPayPeriods.key]}>
                <PeriodList onOpen={(id) => setParams({ period: id })} />
              </LoadBoundary>
            </Section>
          </div>
        }
      >
        {(id) => (
          <div class="stack">
            <p>
              <A href="/app/hr/payroll">← All pay periods</A>
            </p>
            <LoadBoundary what="pay period" keys={[getPayPeriod.key]}>
              <PeriodView id={id()} />
            </LoadBoundary>
          </div>
        )}
      </Show>
    </div>
  );
}
