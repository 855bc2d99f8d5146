import { A, createAsync, query } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  type PasswordResetPreview,
  RESET_LINK_MINUTES,
  ResetPasswordFormSchema,
} from '../../../../shared/schemas/auth.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { ApiError } from '../../lib/api.ts';
import { createForm } from '../../lib/forms.ts';
import { confirmPasswordReset, previewPasswordReset } from './api.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

type LinkProblem = 'invalid' | 'used' | 'expired';
type Loaded = { preview: PasswordResetPreview } | { problem: LinkProblem };

/** Why the API refused a link: 409 used, 400 (not a field error) expired, 404 or a malformed token invalid. */
function linkProblem(err: unknown): LinkProblem | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.status === 409) return 'used';
  if (err.status === 400 && err.code === 'bad_request') return 'expired';
  if (err.status === 404 || (err.status === 400 && err.details.some((d) => d.path.endsWith('token'))))
    return 'invalid';
  return undefined;
}

const getResetLink = query(async (token: string): Promise<Loaded> => {
  try {
    return { preview: await previewPasswordReset(token) };
  } catch (err) {
    const problem = linkProblem(err);
    if (problem) return { problem };
    throw err;
  }
}, 'passwordResetLink');

const PROBLEM_TITLES: Record<LinkProblem, string> = {
  invalid: 'This reset link is not valid',
  used: 'This reset link was already used',
  expired: 'This reset link has expired',
};

/** /reset/:token: the link from the reset mail. Shows why a link no longer works, or the new-password form. */
export function ResetPasswordPage(props: { token: string }) {
  const loaded = createAsync(() => getResetLink(props.token));
  const [problem, setProblem] = createSignal<LinkProblem | null>(null);
  const [done, setDone] = createSignal(false);
  const current = () => {
    const l = loaded.latest;
    if (!l) return undefined;
    const p = problem() ?? ('problem' in l ? l.problem : null);
    return p ? { problem: p } : (l as { preview: PasswordResetPreview });
  };
  return (
    <AuthLayout>
      <Show when={current()} fallback={<Loading label="Checking your reset link…" />}>
        {(c) => (
          <Switch>
            <Match when={done()}>
              <PageHeader title="Your password is changed" />
              <Alert tone="success">
                You were signed out on every device. Sign in with your new password.
              </Alert>
              <p>
                <A href="/login" class="btn btn-primary">
                  Sign in
                </A>
              </p>
            </Match>
            <Match when={'problem' in c() && (c() as { problem: LinkProblem }).problem}>
              {(p) => (
                <>
                  <PageHeader title={PROBLEM_TITLES[p()]} />
                  <p>
                    Reset links work once and expire {RESET_LINK_MINUTES} minutes after they are sent. Ask for
                    a new link and use the newest email.
                  </p>
                  <p>
                    <A href="/forgot-password" class="btn btn-primary">
                      Send me a new link
                    </A>
                  </p>
                  <p class="muted">
                    Remembered your password?{' '}
                    <A href="/login" class="link">
                      Sign in
                    </A>
                  </p>
                </>
              )}
            </Match>
            <Match when={'preview' in c() && (c() as { preview: PasswordResetPreview }).preview}>
              {(preview) => (
                <NewPasswordForm
                  token={props.token}
                  email={preview().email}
                  onDone={() => setDone(true)}
                  onLinkProblem={setProblem}
                />
              )}
            </Match>
          </Switch>
        )}
      </Show>
    </AuthLayout>
  );
}

function NewPasswordForm(props: {
  token: string;
  email: string;
  onDone: () => void;
  onLinkProblem: (p: LinkProblem) => void;
}) {
  const [values, setValues] = createStore({ password: '', confirmPassword: '' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(formRef, ResetPasswordFormSchema, { ...values }, async (data) => {
      try {
        await confirmPasswordReset({ token: props.token, password: data.password });
      } catch (err) {
        const problem = linkProblem(err);
        if (!problem) throw err;
        props.onLinkProblem(problem);
        return;
      }
      props.onDone();
    });
  };

  const set = (key: 'password' | 'confirmPassword') => (v: string) => {
    setValues(key, v);
    form.clearError(key);
  };

  return (
    <>
      <PageHeader
        title="Choose a new password"
        description="Setting it signs you out on every device, so only you can use your account."
      />
      <form
        ref={formRef}
        class="form stack"
        novalidate
        onSubmit={onSubmit}
        aria-label="Choose a new password"
      >
        <TextField
          label="Email"
          name="email"
          value={props.email}
          onInput={() => {}}
          readOnly
          autocomplete="username"
        />
        <NewPasswordFields
          name="password"
          password={values.password}
          confirm={values.confirmPassword}
          onPassword={set('password')}
          onConfirm={set('confirmPassword')}
          error={form.error}
        />
        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
          {form.sending() ? 'Saving…' : 'Set new password'}
        </Button>
      </form>
    </>
  );
}
