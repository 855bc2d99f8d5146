import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { LoginInputSchema, MfaLoginSchema } from '../../../../shared/schemas/auth.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { logIn, logInWithCode, safeNext } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ApiError } from '../../lib/api.ts';
import { createForm } from '../../lib/forms.ts';

function tooMany(err: ApiError): ApiError {
  const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
  return new ApiError(
    429,
    err.code,
    `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [values, setValues] = createStore({ email: '', password: '' });
  const form = createForm();
  /** Set when the password was right and the account asks for its authenticator code next. */
  const [challenge, setChallenge] = createSignal<string | null>(null);
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(
      formRef,
      LoginInputSchema,
      { email: values.email.trim(), password: values.password },
      async (data) => {
        try {
          await logIn(data.email, data.password);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'mfa_required' && err.challenge) {
            setValues('password', '');
            setChallenge(err.challenge);
            return;
          }
          if (err instanceof ApiError && err.status === 429) throw tooMany(err);
          if (err instanceof ApiError && err.status === 401) {
            throw new ApiError(
              401,
              err.code,
              'That email and password do not match. Check both and try again.',
            );
          }
          throw err;
        }
        navigate(safeNext(params.next), { replace: true });
      },
    );
  };

  return (
    <AuthLayout
      footer={
        <p class="auth-alt">
          New to Rounds?{' '}
          <A href="/signup" class="link">
            Create an account
          </A>
        </p>
      }
    >
      <Show
        when={challenge()}
        fallback={
          <>
            <PageHeader
              title="Sign in to Rounds"
              description="Welcome back. Sign in to your practice or association workspace."
            />
            <form ref={formRef} class="form stack" novalidate onSubmit={onSubmit} aria-label="Sign in">
              <TextField
                label="Email"
                name="email"
                type="email"
                value={values.email}
                onInput={(v) => {
                  setValues('email', v);
                  form.clearError('email');
                }}
                error={form.error('email')}
                autocomplete="username"
                required
              />
              <TextField
                label="Password"
                name="password"
                type="password"
                value={values.password}
                onInput={(v) => {
                  setValues('password', v);
                  form.clearError('password');
                }}
                error={form.error('password')}
                autocomplete="current-password"
                required
              />
              <p class="small">
                <A href="/forgot-password" class="link">
                  Forgot password?
                </A>
              </p>
              <FormAlert message={form.formError()} />
              <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
                {form.sending() ? 'Signing in…' : 'Sign in'}
              </Button>
            </form>
          </>
        }
      >
        {(current) => (
          <CodeStep
            challenge={current()}
            onSignedIn={() => navigate(safeNext(params.next), { replace: true })}
            onRestart={() => setChallenge(null)}
          />
        )}
      </Show>
    </AuthLayout>
  );
}

/** The second step when two-factor sign-in is on: the app's 6-digit code, or one recovery code. */
function CodeStep(props: { challenge: string; onSignedIn: () => void; onRestart: () => void }) {
  const [useRecovery, setUseRecovery] = createSignal(false);
  const [values, setValues] = createStore({ code: '', recoveryCode: '' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const focusField = () => queueMicrotask(() => formRef?.querySelector<HTMLInputElement>('input')?.focus());
  focusField();

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = useRecovery()
      ? { challenge: props.challenge, recoveryCode: values.recoveryCode.trim() }
      : { challenge: props.challenge, code: values.code.replace(/\s/g, '') };
    await form.submit(formRef, MfaLoginSchema, body, async (data) => {
      try {
        await logInWithCode(data);
      } catch (err) {
        if (err instanceof ApiError && err.status === 429) throw tooMany(err);
        throw err;
      }
      props.onSignedIn();
    });
  };

  const toggle = () => {
    setUseRecovery(!useRecovery());
    form.setErrors({});
    form.setFormError(undefined);
    focusField();
  };

  return (
    <>
      <PageHeader
        title="Enter your sign-in code"
        description="Two-factor sign-in is on for this account. Open your authenticator app and enter the 6-digit code it shows for Rounds."
      />
      <form ref={formRef} class="form stack" novalidate onSubmit={onSubmit} aria-label="Sign-in code">
        <Show
          when={useRecovery()}
          fallback={
            <TextField
              label="6-digit code"
              name="code"
              value={values.code}
              onInput={(v) => {
                setValues('code', v);
                form.clearError('code');
              }}
              error={form.error('code')}
              inputMode="numeric"
              autocomplete="one-time-code"
              maxLength={7}
              spellcheck={false}
              required
            />
          }
        >
          <TextField
            label="Recovery code"
            name="recoveryCode"
            value={values.recoveryCode}
            onInput={(v) => {
              setValues('recoveryCode', v);
              form.clearError('recoveryCode');
            }}
            error={form.error('recoveryCode')}
            hint="One of the codes you saved when you turned on two-factor sign-in. Each works once."
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            required
          />
        </Show>
        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
          {form.sending() ? 'Checking…' : 'Verify and sign in'}
        </Button>
        <p class="small">
          <button type="button" class="link link-button" onClick={toggle}>
            {useRecovery() ? 'Use the code from your authenticator app' : 'Use a recovery code'}
          </button>
        </p>
        <p class="small">
          <button type="button" class="link link-button" onClick={() => props.onRestart()}>
            Start over with your password
          </button>
        </p>
      </form>
    </>
  );
}
