import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Shift } from '../../../../shared/schemas/hr-shifts.ts';
import { SwapAskSchema } from '../../../../shared/schemas/hr-swaps.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatLocalDay, formatLocalTimes } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { listAllCurrentStaff } from './staff-api.ts';
import { askSwap } from './swaps-api.ts';

/**
 * Who could take the shift: current colleagues at its location, not the caller. Whether they are
 * free then is the API's check (it knows their other shifts and time off; the directory does not).
 */
function AskForm(props: { shift: Shift; locationName: string; onClose: () => void }) {
  const staff = createAsync(() => listAllCurrentStaff());
  const colleagues = () =>
    (staff() ?? [])
      .filter(
        (p) =>
          p.status === 'active' &&
          p.locationIds.includes(props.shift.locationId) &&
          p.id !== props.shift.staffId &&
          (!p.userId || p.userId !== me()?.user.id),
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({ value: p.id, label: p.name }));
  const form = createForm();
  const [toStaffId, setToStaffId] = createSignal('');
  const [note, setNote] = createSignal('');
  let formRef: HTMLFormElement | undefined;

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    let firstColleague = false;
    const ok = await form.submit(
      formRef,
      SwapAskSchema,
      { toStaffId: toStaffId(), note: optional(note()) },
      async (data) => {
        // The practice may have the colleague accept first: the answer says which way it went.
        firstColleague = (await askSwap(props.shift.id, data)).status === 'awaiting_colleague';
      },
    );
    if (!ok) return;
    const name = colleagues().find((c) => c.value === toStaffId())?.label ?? 'your colleague';
    toast.success(
      `Asked to hand your shift on ${formatLocalDay(props.shift.date)} to ${name}. ${
        firstColleague
          ? `${name} accepts or declines first; then a manager decides.`
          : 'A manager will decide.'
      }`,
    );
    props.onClose();
  };

  return (
    <div class="stack">
      <dl class="swaps-facts">
        <div>
          <dt>Shift</dt>
          <dd>
            {formatLocalDay(props.shift.date)}, {formatLocalTimes(props.shift.start, props.shift.end)}
          </dd>
        </div>
        <Show when={props.locationName}>
          <div>
            <dt>Location</dt>
            <dd>{props.locationName}</dd>
          </div>
        </Show>
      </dl>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <Show
          when={colleagues().length}
          fallback={
            <Alert tone="info" title="No one to hand it to">
              No one else currently works at {props.locationName || 'this location'}. Ask your manager to
              change the shift instead.
            </Alert>
          }
        >
          <SelectField
            label="Who takes it"
            name="toStaffId"
            value={toStaffId()}
            placeholder="Choose…"
            options={colleagues()}
            onChange={(v) => {
              setToStaffId(v);
              form.clearError('toStaffId');
            }}
            error={form.error('toStaffId')}
            hint="Colleagues at the same location. They need to be free then."
            required
          />
          <TextAreaField
            label="Note to the manager"
            name="note"
            value={note()}
            onInput={(v) => {
              setNote(v);
              form.clearError('note');
            }}
            optional
            maxLength={500}
            hint="Why, or what you agreed with your colleague."
            error={form.error('note')}
          />
        </Show>
        <div class="button-row">
          <Button onClick={() => props.onClose()}>Cancel</Button>
          <Show when={colleagues().length}>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Send the request
            </Button>
          </Show>
        </div>
      </form>
    </div>
  );
}

/** Asks a manager to hand one of the caller's upcoming shifts to a colleague. */
export function SwapAskDialog(props: {
  shift: Shift | undefined;
  locationName: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={!!props.shift} title="Ask to swap a shift" onClose={props.onClose}>
      {/* Keyed: each shift opens a fresh form, so no choice or note carries over from the last one. */}
      <Show when={props.shift} keyed>
        {(shift) => (
          <LoadBoundary what="colleagues" keys={[listAllCurrentStaff.key]}>
            <AskForm shift={shift} locationName={props.locationName} onClose={props.onClose} />
          </LoadBoundary>
        )}
      </Show>
    </Dialog>
  );
}
