import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PasswordResetRequestSchema, RESET_LINK_MINUTES } from '../../../../shared/schemas/auth.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ApiError } from '../../lib/api.ts';
import { createForm } from '../../lib/forms.ts';
import { requestPasswordReset } from './api.ts';

/** "Forgot password?": asks for the email, then says to check it (the same whether or not it has an account). */
export function ForgotPasswordPage() {
  const [email, setEmail] = createSignal('');
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(formRef, PasswordResetRequestSchema, { email: email().trim() }, async (data) => {
      try {
        await requestPasswordReset(data.email);
      } catch (err) {
        if (err instanceof ApiError && err.status === 429) {
          const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
          throw new ApiError(
            429,
            err.code,
            `Too many requests from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          );
        }
        throw err;
      }
      setSentTo(data.email);
    });
  };

  return (
    <AuthLayout
      footer={
        <p class="auth-alt">
          Remembered it?{' '}
          <A href="/login" class="link">
            Sign in
          </A>
        </p>
      }
    >
      <Show
        when={sentTo()}
        fallback={
          <>
            <PageHeader
              title="Reset your password"
              description="Enter the email you sign in with. We will mail you a link to choose a new password."
            />
            <form
              ref={formRef}
              class="form stack"
              novalidate
              onSubmit={onSubmit}
              aria-label="Reset your password"
            >
              <TextField
                label="Email"
                name="email"
                type="email"
                value={email()}
                onInput={(v) => {
                  setEmail(v);
                  form.clearError('email');
                }}
                error={form.error('email')}
                autocomplete="username"
                required
              />
              <FormAlert message={form.formError()} />
              <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
                {form.sending() ? 'Sending…' : 'Send reset link'}
              </Button>
            </form>
          </>
        }
      >
        {(address) => (
          <>
            <PageHeader title="Check your email" />
            <Alert tone="success">
              If <strong>{address()}</strong> has a Rounds account, we sent it a link to choose a new
              password. The link works once, for {RESET_LINK_MINUTES} minutes.
            </Alert>
            <p class="muted">No email after a few minutes? Check your spam folder, or send another link.</p>
            <Button onClick={() => setSentTo(null)}>Send another link</Button>
          </>
        )}
      </Show>
    </AuthLayout>
  );
}
