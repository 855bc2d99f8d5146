import { createSignal, For, Show, Suspense } from 'solid-js';
import { PRACTICE_ROLES, type PracticeRole, ROLE_LABELS } from '../../../../shared/roles.ts';
import { DAYS_TO_SIGN, PublishSchema } from '../../../../shared/schemas/documents.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Checkbox, TextField } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isoDay } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { publishVersion } from './api.ts';
import { activeTeam, PeoplePicker } from './SubmitDialog.tsx';

/**
 * "Publish": who must read and sign (roles, and people by name) and by when. Publishing is final, so
 * the dialog itself is the confirmation and says so.
 */
export function PublishDialog(props: {
  open: boolean;
  documentId: string;
  versionNumber: number;
  version: number;
  onClose: () => void;
}) {
  const team = activeTeam();
  const [roles, setRoles] = createSignal<PracticeRole[]>([]);
  const [people, setPeople] = createSignal<string[]>([]);
  const [signBy, setSignBy] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const toggleRole = (role: PracticeRole, on: boolean) =>
    setRoles((r) => (on ? [...r, role] : r.filter((x) => x !== role)));
  const asksNobody = () => roles().length === 0 && people().length === 0;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    if (signBy() && signBy() < isoDay(new Date())) {
      form.setErrors({ signBy: 'Choose today or a later day' });
      return;
    }
    const ok = await form.submit(
      formRef,
      PublishSchema,
      {
        audience: { roles: roles(), userIds: people() },
        signBy: optional(signBy()),
        version: props.version,
      },
      async (data) => {
        await publishVersion(props.documentId, data);
      },
    );
    if (ok) {
      toast.success(
        asksNobody()
          ? `Version ${props.versionNumber} is published.`
          : `Version ${props.versionNumber} is published; everyone asked to sign has it on their Today list.`,
      );
      props.onClose();
    }
  };
  return (
    <Dialog open={props.open} title={`Publish version ${props.versionNumber}`} onClose={props.onClose}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>
          Publishing puts version {props.versionNumber} in force. It cannot be undone, and its text can never
          change again: later changes become a new version.
        </p>
        <p>
          Everyone you choose gets a “Read and sign” item on their Today list and an email reminder until they
          sign.
        </p>
        <FormAlert message={form.formError()} />
        <fieldset class="fieldset">
          <legend class="legend">Who must read and sign</legend>
          <p class="field-hint">Everyone with these roles, and anyone who joins later with one of them.</p>
          <div class="doc-roles">
            <For each={PRACTICE_ROLES}>
              {(role) => (
                <Checkbox
                  name="audience.roles"
                  label={ROLE_LABELS[role]}
                  checked={roles().includes(role)}
                  onChange={(on) => toggleRole(role, on)}
                />
              )}
            </For>
          </div>
        </fieldset>
        <Suspense fallback={<Loading label="Loading the team…" />}>
          <PeoplePicker
            legend="And these people"
            name="audience.userIds"
            hint="Optional: people outside the roles above."
            people={team() ?? []}
            chosen={people()}
            onChange={setPeople}
            error={form.error('audience.userIds')}
          />
        </Suspense>
        <TextField
          label="Sign by"
          name="signBy"
          type="date"
          value={signBy()}
          onInput={(v) => {
            setSignBy(v);
            form.clearError('signBy');
          }}
          min={isoDay(new Date())}
          optional
          hint={`The due date on their Today items. Left empty, they have ${DAYS_TO_SIGN} days.`}
          error={form.error('signBy')}
        />
        <Show when={asksNobody()}>
          <p class="muted">Nobody is chosen: the version is published without asking anyone to sign.</p>
        </Show>
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Publish version {props.versionNumber}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
