import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import {
  type ProviderLogin,
  ProviderLoginSetSchema,
} from '../../../../shared/schemas/billing-credentialing.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm } from '../../lib/forms.ts';
import { listProviderLogins, setProviderLogin } from './credentialing-api.ts';

/** The billing provider whose Rounds login is being set, and the link as the grid read it. */
export interface LoginTarget {
  npi: string;
  providerName: string;
  login?: ProviderLogin;
}

/**
 * "Rounds login" of a billing NPI: which provider-role member of the team sees this NPI's production
 * on their My production page. One login per NPI and one NPI per login; the API says which is taken.
 */
export function ProviderLoginDialog(props: { target: LoginTarget | undefined; onClose: () => void }) {
  const form = createForm();
  const people = createAsync(() => (props.target ? listProviderLogins() : Promise.resolve(undefined)));
  const [userId, setUserId] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  // Each opening starts from the link as it is now.
  createEffect(
    on(
      () => props.target,
      (t) => {
        if (!t) return;
        form.setErrors({});
        form.setFormError(undefined);
        setUserId(t.login?.userId ?? '');
      },
    ),
  );
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const t = props.target;
    if (!t) return;
    const body = { userId: userId() || null, version: t.login?.version ?? 0 };
    let saved: ProviderLogin | undefined;
    const ok = await form.submit(formRef, ProviderLoginSetSchema, body, async (data) => {
      saved = await setProviderLogin(t.npi, data);
    });
    if (ok) {
      toast.success(
        saved?.userName
          ? `${saved.userName} now sees NPI ${t.npi}'s production on their My production page.`
          : `No login reads NPI ${t.npi}'s production now.`,
      );
      props.onClose();
    }
  };
  return (
    <Dialog
      open={!!props.target}
      title={props.target ? `Rounds login for ${props.target.providerName}` : ''}
      onClose={props.onClose}
    >
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <p>
          The provider who signs in with this login sees the production of NPI {props.target?.npi} (charges,
          payments, claims and denials; no patients) and nothing else of billing.
        </p>
        <FormAlert message={form.formError()} />
        <SelectField
          label="Rounds login"
          name="userId"
          value={userId()}
          onChange={(v) => {
            setUserId(v);
            form.clearError('userId');
          }}
          placeholder="No login"
          options={(people.latest ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          error={form.error('userId')}
          hint="Team members with the Provider role. Invite the provider on the Team page first if they are missing."
        />
        <Show when={people.latest?.length === 0}>
          <p class="muted small">No one on the team has the Provider role yet.</p>
        </Show>
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
