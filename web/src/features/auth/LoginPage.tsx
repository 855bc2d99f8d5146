import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { LoginInputSchema } from '../../../../shared/schemas/auth.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { logIn, safeNext } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ApiError } from '../../lib/api.ts';
import { createForm } from '../../lib/forms.ts';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [values, setValues] = createStore({ email: '', password: '' });
  const form = createForm();
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
          if (err instanceof ApiError && err.status === 429) {
            const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
            throw new ApiError(
              429,
              err.code,
              `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            );
          }
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
    </AuthLayout>
  );
}
