import { createAsync } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show, Suspense } from 'solid-js';
import { SubmitForApprovalSchema } from '../../../../shared/schemas/documents.ts';
import type { User } from '../../../../shared/schemas/team.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Checkbox } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { roleLabel } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { listTeam } from '../team/api.ts';
import { submitForApproval } from './api.ts';

/** The active people of the practice, for approver and signer pickers (a practice is well under 100). */
export function activeTeam() {
  return createAsync(async () => (await listTeam('active', undefined, 100)).items);
}

/** A scrolling list of people as checkboxes, each with their role. */
export function PeoplePicker(props: {
  legend: string;
  /** The schema path the choice is sent as (server errors come back by it). */
  name: string;
  people: User[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const errorId = `f-${createUniqueId()}-error`;
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, id] : props.chosen.filter((c) => c !== id));
  return (
    <fieldset class="fieldset" aria-describedby={props.error ? errorId : undefined}>
      <legend class="legend">{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field-hint">{props.hint}</p>
      </Show>
      <div class="doc-people">
        <For each={props.people}>
          {(u) => (
            <Checkbox
              name={props.name}
              label={
                <>
                  {u.name} <span class="muted">· {roleLabel(u.role)}</span>
                </>
              }
              checked={props.chosen.includes(u.id)}
              onChange={(on) => toggle(u.id, on)}
            />
          )}
        </For>
      </div>
      <Show when={props.error}>
        <p id={errorId} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

/** "Send for approval": one to five approvers from the team and an optional message. */
export function SubmitDialog(props: {
  open: boolean;
  documentId: string;
  versionNumber: number;
  version: number;
  onClose: () => void;
}) {
  const team = activeTeam();
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [message, setMessage] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  // Billing staff do not approve documents (the API refuses them).
  const approvers = () => (team() ?? []).filter((u) => u.role !== 'billing');
  // Whoever wrote the draft does not approve it, unless nobody else can (a practice of one).
  const others = () => approvers().filter((u) => u.id !== me()?.user.id);
  const alone = () => team() !== undefined && others().length === 0;
  const people = () => (alone() ? approvers() : others());
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(
      formRef,
      SubmitForApprovalSchema,
      { approverIds: chosen(), message: message().trim() || undefined, version: props.version },
      async (data) => {
        await submitForApproval(props.documentId, data);
      },
    );
    if (ok) {
      const n = chosen().length;
      toast.success(`Version ${props.versionNumber} sent to ${n} ${n === 1 ? 'approver' : 'approvers'}.`);
      setChosen([]);
      setMessage('');
      props.onClose();
    }
  };
  return (
    <Dialog
      open={props.open}
      title={`Send version ${props.versionNumber} for approval`}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>
          Each approver gets an item on their Today list. The text is locked while they review it; if one of
          them sends it back, you can edit it again.
        </p>
        <FormAlert message={form.formError()} />
        <Suspense fallback={<Loading label="Loading the team…" />}>
          <PeoplePicker
            legend="Approvers"
            name="approverIds"
            hint={
              alone()
                ? 'Nobody else on the team can approve yet, so you approve it yourself. Invite a physician or the owner from Team to have someone else approve.'
                : 'Choose 1 to 5 people.'
            }
            people={people()}
            chosen={chosen()}
            onChange={(ids) => {
              setChosen(ids);
              form.clearError('approverIds');
            }}
            error={form.error('approverIds')}
          />
        </Suspense>
        <TextAreaField
          label="Message to the approvers"
          name="message"
          value={message()}
          onInput={setMessage}
          optional
          maxLength={500}
          error={form.error('message')}
        />
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Send for approval
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
