import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, type JSX, Show, Suspense } from 'solid-js';
import {
  KEY_DATE_LABELS,
  LEAVE_REASON_LABELS,
  LEAVE_SCHEDULE_LABELS,
  type LeaveCase,
  type LeaveKeyDate,
  type LeaveUsage,
} from '../../../../shared/schemas/hr-leave.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { formatCalendarDate, formatDateTime, isoDay } from '../../lib/format.ts';
import { LeaveCloseForm } from './LeaveCloseForm.tsx';
import { LeaveEntries } from './LeaveEntries.tsx';
import { LeaveNotes } from './LeaveNotes.tsx';
import { getLeaveCase, markKeyDateDone } from './leave-api.ts';
import { caseTitle, formatWeeks, isLate, range } from './leave-format.ts';
import { formatHours } from './time-off-format.ts';

function Item(props: { term: string; children: JSX.Element }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** A met or unmet rule, said in words as well as color. */
const Mark = (props: { met: boolean; yes: string; no: string }) => (
  <Badge tone={props.met ? 'success' : 'danger'}>{props.met ? props.yes : props.no}</Badge>
);

function Summary(props: { c: LeaveCase }) {
  return (
    <dl class="details hr-details leave-details">
      <Item term="Reason">{LEAVE_REASON_LABELS[props.c.reason]}</Item>
      <Item term="Schedule">{LEAVE_SCHEDULE_LABELS[props.c.schedule]}</Item>
      <Item term="Requested on">{formatCalendarDate(props.c.requestedOn)}</Item>
      <Item term="First day">{formatCalendarDate(props.c.startDate)}</Item>
      <Item term="Expected return">
        {props.c.expectedReturnDate ? formatCalendarDate(props.c.expectedReturnDate) : '—'}
      </Item>
      <Item term="Status">
        <Show when={props.c.status === 'closed'} fallback={<Badge tone="info">Open</Badge>}>
          <Badge tone="neutral">Closed</Badge>
          <Show when={props.c.returnDate}>
            {(d) => <span class="small"> back {formatCalendarDate(d())}</span>}
          </Show>
        </Show>
      </Item>
      <Item term="Opened">
        {props.c.openedBy}, {formatDateTime(props.c.openedAt)}
      </Item>
      <Show when={props.c.closedAt}>
        <Item term="Closed">
          {props.c.closedBy}, {formatDateTime(props.c.closedAt)}
        </Item>
      </Show>
    </dl>
  );
}

function Eligibility(props: { c: LeaveCase }) {
  const fmla = () => props.c.eligibility.fmla;
  const ada = () => props.c.eligibility.ada;
  return (
    <section class="leave-part" aria-label="Eligibility">
      <h3 class="leave-h">Eligibility</h3>
      <p class="small muted">Worked out for the first day of leave, when the case was opened.</p>
      <p>
        <span class="strong">FMLA: </span>
        <Mark met={fmla().eligible} yes="Eligible" no="Not eligible" />
      </p>
      <ul class="leave-reasons">
        <For each={fmla().reasons}>
          {(r) => (
            <li>
              <Mark met={r.met} yes="Met" no="Not met" />
              <span>{r.detail}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={fmla().hoursEstimated}>
        <p class="small muted">
          Hours estimated from FTE ({formatHours(fmla().hoursWorkedLast12Months)} in the 12 months): no
          payroll figure was entered.
        </p>
      </Show>
      <p>
        <span class="strong">ADA: </span>
        <Mark met={ada().covered} yes="Covered" no="Not covered" /> <span>{ada().detail}</span>
      </p>
    </section>
  );
}

function Usage(props: { u: LeaveUsage; name: string }) {
  return (
    <section class="leave-part" aria-label="FMLA 12 weeks">
      <h3 class="leave-h">FMLA 12 weeks</h3>
      <Show when={props.u.exhausted}>
        <Alert tone="warning" title="The 12 weeks are used up">
          {props.name} has no FMLA leave left in the 12 months back from today. Further leave is not
          FMLA-protected; an ADA accommodation or state leave may still apply.
        </Alert>
      </Show>
      <meter
        class="leave-meter"
        min={0}
        max={props.u.entitlementHours}
        value={props.u.usedHours}
        high={props.u.entitlementHours * 0.75}
        optimum={0}
        aria-label="FMLA weeks used"
        aria-valuetext={`${formatWeeks(props.u.weeksUsed)} of 12 weeks`}
      />
      <p>
        <span class="strong">{formatWeeks(props.u.weeksUsed)} of 12 weeks used</span> ·{' '}
        {formatHours(props.u.remainingHours)} left
        <Show when={props.u.scheduledHours > 0}>
          {' '}
          · {formatHours(props.u.scheduledHours)} scheduled ahead
        </Show>
      </p>
      <Show when={props.u.window}>{(w) => <p class="small">Counting {range(w().start, w().end)}.</p>}</Show>
      <p class="small muted">
        Counted over every FMLA case of this person's in the 12 months back from today; a week is their usual
        workweek (FTE × 40 hours).
      </p>
    </section>
  );
}

function KeyDates(props: { c: LeaveCase }) {
  const [busy, setBusy] = createSignal<string>();
  const done = async (k: LeaveKeyDate) => {
    if (k.kind === 'expected_return') return;
    setBusy(k.kind);
    try {
      await markKeyDateDone(props.c.id, {
        kind: k.kind,
        doneOn: isoDay(new Date()),
        version: props.c.version,
      });
      toast.success(
        k.kind === 'designation_notice' ? 'Marked the notice sent' : 'Marked the certification received',
      );
    } catch (err) {
      toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="leave-part" aria-label="Key dates">
      <h3 class="leave-h">Key dates</h3>
      <ul class="leave-keydates">
        <For each={props.c.keyDates}>
          {(k) => (
            <li>
              <div class="leave-keydate-main">
                <span>{KEY_DATE_LABELS[k.kind]}</span>
                <span class="small">
                  <span class="nowrap">{formatCalendarDate(k.date)}</span>
                  <Show when={k.doneOn}>
                    {(d) => <span class="muted"> · done {formatCalendarDate(d())}</span>}
                  </Show>
                </span>
              </div>
              <span class="leave-keydate-side">
                <Show when={isLate(k)}>
                  <Badge tone="danger">Overdue</Badge>
                </Show>
                <Show when={k.doneOn}>
                  <Badge tone="success">Done</Badge>
                </Show>
                <Show when={props.c.status === 'open' && !k.doneOn && k.kind !== 'expected_return'}>
                  <Button size="sm" busy={busy() === k.kind} onClick={() => done(k)}>
                    {k.kind === 'designation_notice' ? 'Mark sent' : 'Mark received'}
                  </Button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function CaseBody(props: { id: string; onTitle: (t: string) => void }) {
  const data = createAsync(() => getLeaveCase(props.id));
  const owner = () => {
    const m = me();
    return m ? canAccess(m, 'hr-owner') : false;
  };
  createEffect(() => {
    const c = data();
    if (c) props.onTitle(caseTitle(c));
  });
  return (
    <Show when={data()}>
      {(c) => (
        <div class="stack leave-case">
          <Summary c={c()} />
          <Eligibility c={c()} />
          <Show when={c().usage}>{(u) => <Usage u={u()} name={c().staffName} />}</Show>
          <KeyDates c={c()} />
          <LeaveEntries c={c()} />
          <Show when={c().status === 'open'}>
            <LeaveCloseForm c={c()} />
          </Show>
          <Show
            when={owner()}
            fallback={<p class="small muted leave-part">Case notes are kept by the practice owner.</p>}
          >
            <LeaveNotes caseId={c().id} />
          </Show>
        </div>
      )}
    </Show>
  );
}

/** One leave case: summary, eligibility, the 12 weeks, key dates, leave taken, closing, and notes. */
export function LeaveCaseDialog(props: { id: string | undefined; onClose: () => void }) {
  // The name is known once the case loads; until then (or while another case loads) a plain one.
  const [named, setNamed] = createSignal<{ id: string; title: string }>();
  const title = () => (named() && named()?.id === props.id ? named()!.title : 'Leave case');
  return (
    <Dialog
      open={Boolean(props.id)}
      title={title()}
      onClose={props.onClose}
      footer={<Button onClick={() => props.onClose()}>Done</Button>}
    >
      <Show when={props.id}>
        {(id) => (
          <LoadBoundary what="leave case" keys={[getLeaveCase.key]}>
            <Suspense>
              <CaseBody id={id()} onTitle={(t) => setNamed({ id: id(), title: t })} />
            </Suspense>
          </LoadBoundary>
        )}
      </Show>
    </Dialog>
  );
}
