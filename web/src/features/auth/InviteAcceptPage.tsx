import { A, createAsync, query, useNavigate } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ROLE_LABELS } from '../../../../shared/roles.ts';
import { AcceptInviteSchema, type InvitePreview } from '../../../../shared/schemas/team.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { logIn } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { PASSWORD_HINT } from './copy.ts';

type Loaded = { invite: InvitePreview } | { invalid: true };

const getInvitePreview = query(async (token: string): Promise<Loaded> => {
  try {
    return { invite: await api<InvitePreview>(`/invites/${encodeURIComponent(token)}`, { auth: false }) };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return { invalid: true };
    throw err;
  }
}, 'invitePreview');

export function InviteAcceptPage(props: { token: string }) {
  const loaded = createAsync(() => getInvitePreview(props.token));
  return (
    <AuthLayout>
      <Show when={loaded.latest} fallback={<Loading label="Loading your invitation…" />}>
        {(l) => (
          <Switch>
            <Match when={'invalid' in l()}>
              <PageHeader title="This invitation is invalid or has expired" />
              <p>
                Invitation links work once and expire after 7 days. Ask the person who invited you to send a
                new one.
              </p>
              <p>
                Already accepted?{' '}
                <A href="/login" class="link">
                  Sign in
                </A>
              </p>
            </Match>
            <Match when={'invite' in l() && (l() as { invite: InvitePreview }).invite}>
              {(invite) => <AcceptForm token={props.token} invite={invite()} />}
            </Match>
          </Switch>
        )}
      </Show>
    </AuthLayout>
  );
}

function AcceptForm(props: { token: string; invite: InvitePreview }) {
  const navigate = useNavigate();
  const [values, setValues] = createStore({ name: props.invite.name ?? '', password: '' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = { token: props.token, name: values.name, password: values.password };
    await form.submit(formRef, AcceptInviteSchema, body, async (data) => {
      await api('/invites/accept', { method: 'POST', body: data, auth: false });
      await logIn(props.invite.email, data.password);
      navigate('/app', { replace: true });
    });
  };

  return (
    <>
      <PageHeader
        title={`Join ${props.invite.tenantName} on Rounds`}
        description={
          <>
            You were invited as <strong>{ROLE_LABELS[props.invite.role]}</strong>. Choose your password to
            finish; this invitation expires on {formatDate(props.invite.expiresAt)}.
          </>
        }
      />
      <form ref={formRef} class="form stack" novalidate onSubmit={onSubmit} aria-label="Accept invitation">
        <TextField
          label="Email"
          name="email"
          value={props.invite.email}
          onInput={() => {}}
          readOnly
          autocomplete="username"
          hint="You will sign in with this address."
        />
        <TextField
          label="Your name"
          name="name"
          value={values.name}
          onInput={(v) => {
            setValues('name', v);
            form.clearError('name');
          }}
          error={form.error('name')}
          autocomplete="name"
          required
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          value={values.password}
          onInput={(v) => {
            setValues('password', v);
            form.clearError('password');
          }}
          error={form.error('password')}
          hint={PASSWORD_HINT}
          autocomplete="new-password"
          required
        />
        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
          {form.sending() ? 'Setting up your account…' : 'Accept invitation'}
        </Button>
      </form>
    </>
  );
}
