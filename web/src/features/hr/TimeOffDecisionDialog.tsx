import { A, createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { STAFF_ROLE_LABELS } from '../../../../shared/schemas/hr.ts';
import {
  TIME_OFF_KIND_LABELS,
  TIME_OFF_STATUS_LABELS,
  TimeOffDecisionSchema,
  type TimeOffRequestDetail,
} from '../../../../shared/schemas/hr-time-off.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isStale } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { getPerson } from './staff-api.ts';
import { decideTimeOff, getTimeOffRequest } from './time-off-api.ts';
import { formatDayRange, formatHours, TIME_OFF_STATUS_TONES } from './time-off-format.ts';

/** The request's facts, its balances and who else is off; the decision form when it is waiting. */
function DecisionBody(props: { id: string; admin: boolean; ownStaffId?: string; onClose: () => void }) {
  const detail = createAsync(() => getTimeOffRequest(props.id));
  // The role names the coverage gap ("a medical assistant"); the request itself does not carry it.
  const person = createAsync(async () => {
    const d = detail();
    return props.admin && d ? getPerson(d.staffId).catch(() => undefined) : undefined;
  });
  const role = () => {
    const p = person();
    return p && 'person' in p ? STAFF_ROLE_LABELS[p.person.staffRole] : undefined;
  };
  const form = createForm();
  const [note, setNote] = createSignal('');
  const [choice, setChoice] = createSignal<'approve' | 'decline'>();
  let formRef: HTMLFormElement | undefined;

  createEffect(
    on(
      () => props.id,
      () => setNote(''),
    ),
  );

  // The API refuses a manager's decision on their own time off (the owner may decide theirs).
  const own = () =>
    Boolean(props.ownStaffId) && detail()?.staffId === props.ownStaffId && me()?.user.role !== 'owner';
  const mayDecide = () => props.admin && detail()?.status === 'pending' && !own();

  const decide = async (d: TimeOffRequestDetail, decision: 'approve' | 'decline') => {
    setChoice(decision);
    let stale = false;
    const ok = await form.submit(
      formRef,
      TimeOffDecisionSchema,
      { decision, note: optional(note()), version: d.version },
      async (data) => {
        try {
          await decideTimeOff(d.id, data);
        } catch (err) {
          if (!isStale(err)) throw err;
          stale = true;
        }
      },
    );
    setChoice(undefined);
    if (stale) {
      // The request was re-read with the change (often a cancellation): the dialog shows it now.
      form.setFormError(
        'This request changed meanwhile (it may have been cancelled or decided). Check it again.',
      );
      return;
    }
    if (ok) {
      toast.success(
        `${decision === 'approve' ? 'Approved' : 'Declined'} ${d.staffName}’s ${TIME_OFF_KIND_LABELS[d.kind].toLowerCase()}, ${formatDayRange(d.startDate, d.endDate)}.`,
      );
      props.onClose();
    }
  };

  return (
    <Show when={detail()}>
      {(d) => (
        <div class="stack">
          <dl class="time-off-facts">
            <div>
              <dt>Who</dt>
              <dd>
                {d().staffName}
                <Show when={role()}> ({role()})</Show>
              </dd>
            </div>
            <div>
              <dt>What</dt>
              <dd>
                {TIME_OFF_KIND_LABELS[d().kind]}, {formatDayRange(d().startDate, d().endDate)},{' '}
                {formatHours(d().hours)}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <Badge tone={TIME_OFF_STATUS_TONES[d().status]}>{TIME_OFF_STATUS_LABELS[d().status]}</Badge>
                <Show when={d().decidedBy && d().decidedAt}>
                  {' '}
                  <span class="small muted">
                    by {d().decidedBy}, {formatDateTime(d().decidedAt)}
                  </span>
                </Show>
              </dd>
            </div>
            <div>
              <dt>Asked</dt>
              <dd>
                {formatDateTime(d().requestedAt)}
                <Show when={d().requestedBy !== d().staffName}> by {d().requestedBy}</Show>
              </dd>
            </div>
            <Show when={d().note}>
              <div>
                <dt>Note</dt>
                <dd class="time-off-note">“{d().note}”</dd>
              </div>
            </Show>
            <Show when={d().decisionNote}>
              <div>
                <dt>Decision note</dt>
                <dd class="time-off-note">“{d().decisionNote}”</dd>
              </div>
            </Show>
          </dl>
          {/* Balances and coverage matter while the time off still stands; a withdrawn one takes nothing. */}
          <Show when={d().status === 'pending' || d().status === 'approved'}>
            <div class="time-off-balance-pair">
              <div>
                <span class="small muted">Balance before</span>
                <strong>{formatHours(d().balanceBefore)}</strong>
              </div>
              <span aria-hidden="true" class="muted">
                →
              </span>
              <div>
                <span class="small muted">After this request</span>
                <strong class={d().balanceAfter < 0 ? 'time-off-negative' : undefined}>
                  {formatHours(d().balanceAfter)}
                </strong>
              </div>
            </div>
            <Show when={d().balanceAfter < 0}>
              <Alert tone="warning" title="More than the balance">
                {d().staffName} will have {formatHours(d().balanceBefore)} on the first day: this request
                overdraws it by {formatHours(-d().balanceAfter)}.
              </Alert>
            </Show>
            <Show when={d().coverageGaps.length > 0}>
              <Alert tone="warning" title="Shifts left short">
                <p>With {d().staffName} away, the staffing rules are not met:</p>
                <ul class="time-off-overlaps">
                  <For each={d().coverageGaps}>
                    {(g) => (
                      <li>
                        {formatDayRange(g.date, g.date)} at {g.locationName}: {g.from}–{g.to} (
                        {g.hours === 1 ? '1 hour' : `${g.hours} hours`} short)
                      </li>
                    )}
                  </For>
                </ul>
                <p>
                  <A href={`/app/hr/shifts?week=${d().startDate}`}>Open the shift schedule</A> to cover them.
                </p>
              </Alert>
            </Show>
            <Show when={d().overlaps.length > 0}>
              <Alert tone="warning" title="Coverage">
                <ul class="time-off-overlaps">
                  <For each={d().overlaps}>
                    {(o) => (
                      <li>
                        {o.name}
                        <Show when={role()}> ({role()})</Show> is also off{' '}
                        {formatDayRange(o.startDate, o.endDate)}
                        <Show when={o.status === 'pending'}> (not decided yet)</Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Alert>
            </Show>
          </Show>
          {/* Outside the form: after a stale version the request may no longer be waiting, and the form goes. */}
          <FormAlert message={form.formError()} />
          <Show
            when={mayDecide()}
            fallback={
              <>
                <Show when={props.admin && own() && detail()?.status === 'pending'}>
                  <Alert tone="info">
                    This is your own request: the owner or another manager decides it.
                  </Alert>
                </Show>
                <div class="button-row">
                  <Button onClick={props.onClose} data-autofocus>
                    Close
                  </Button>
                </div>
              </>
            }
          >
            <form ref={formRef} class="stack" onSubmit={(e) => e.preventDefault()} novalidate>
              <TextAreaField
                label="Note to the person"
                name="note"
                value={note()}
                onInput={(v) => {
                  setNote(v);
                  form.clearError('note');
                }}
                optional
                maxLength={500}
                hint="Shown to them with the decision."
                error={form.error('note')}
              />
              <div class="button-row">
                <Button onClick={props.onClose}>Close</Button>
                <Button
                  variant="danger"
                  busy={form.sending() && choice() === 'decline'}
                  disabled={form.sending()}
                  onClick={() => decide(d(), 'decline')}
                >
                  Decline
                </Button>
                <Button
                  variant="primary"
                  busy={form.sending() && choice() === 'approve'}
                  disabled={form.sending()}
                  onClick={() => decide(d(), 'approve')}
                >
                  Approve
                </Button>
              </div>
            </form>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** One request in full; owners and managers approve or decline it here when it is waiting. */
export function TimeOffDecisionDialog(props: {
  requestId: string | undefined;
  admin: boolean;
  ownStaffId?: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={!!props.requestId} title="Time-off request" onClose={props.onClose}>
      <Show when={props.requestId}>
        {(id) => (
          <LoadBoundary what="request" keys={[getTimeOffRequest.key]}>
            <Suspense>
              <DecisionBody
                id={id()}
                admin={props.admin}
                ownStaffId={props.ownStaffId}
                onClose={props.onClose}
              />
            </Suspense>
          </LoadBoundary>
        )}
      </Show>
    </Dialog>
  );
}
