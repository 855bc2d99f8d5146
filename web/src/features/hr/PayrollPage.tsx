import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { PayPeriodDetail, PayrollLineDto } from '../../../../shared/schemas/hr-payroll.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { type Column, DataTable } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import {
  formatCalendarDate,
  formatDateTime,
  formatLocalDay,
  formatLocalDayTime,
  formatLocalTimes,
} from '../../lib/format.ts';
import { HrNav } from './HrNav.tsx';
import { AdjustmentForm } from './PayrollAdjustmentForm.tsx';
import { PayrollAttendanceDialog, type PeriodShift } from './PayrollAttendanceDialog.tsx';
import { PayrollExport } from './PayrollExport.tsx';
import { OpenPeriods, PeriodList, periodRange as range } from './PayrollPeriods.tsx';
import { PayrollSettingsForm } from './PayrollSettingsForm.tsx';
import {
  getPayPeriod,
  getPaySchedule,
  listPayPeriods,
  lockPayPeriod,
  removePayrollAdjustment,
} from './payroll-api.ts';

import './hr.css';
import './payroll.css';

const hours = (n: number) => n.toFixed(2);
const dollars = (cents: number | undefined) =>
  cents === undefined
    ? '—'
    : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

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

/** One period: per person hours and totals, adjustments, attendance, lock and the CSV files. */
function PeriodView(props: { id: string }) {
  const data = createAsync(() => getPayPeriod(props.id));
  const [logging, setLogging] = createSignal<PeriodShift>();
  const [busy, setBusy] = createSignal(false);
  const nameOf = (staffId: string) => data()?.lines.find((l) => l.staffId === staffId)?.name ?? '';
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
              <Show when={p().status === 'open' && p().ended}>
                <Button size="sm" variant="primary" busy={busy()} onClick={() => lock(p())}>
                  Lock…
                </Button>
              </Show>
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
            <PayrollExport periodId={p().id} />
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
            <Section id="payroll-schedule" title="Payroll settings">
              <LoadBoundary what="payroll settings" keys={[getPaySchedule.key]}>
                <Show when={schedule()}>{(s) => <PayrollSettingsForm schedule={s()} />}</Show>
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
