import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ChangePasswordFormSchema } from '../../../../shared/schemas/auth.ts';
import { clearSession, me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError } from '../../lib/api.ts';
import { roleLabel } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';
import { changePassword, signOutEverywhere } from './api.ts';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** The signed-in user's own account: who they are, change password, two-factor sign-in, sign out everywhere. */
export function AccountPage() {
  const m = () => me()!;
  return (
    <div class="page">
      <PageHeader title="Your account" description="Your sign-in details, two-factor sign-in and sessions." />
      <div class="stack-lg narrow">
        <Section title="Profile" id="account-profile">
          <dl class="details">
            <div>
              <dt>Name</dt>
              <dd>{m().user.name}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd class="break">{m().user.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{roleLabel(m().user.role)}</dd>
            </div>
          </dl>
        </Section>
        <ChangePasswordForm />
        <TwoFactorSection />
        <SignOutEverywhere />
      </div>
    </div>
  );
}

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

function ChangePasswordForm() {
  const [values, setValues] = createStore({ ...EMPTY });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(formRef, ChangePasswordFormSchema, { ...values }, async (data) => {
      try {
        await changePassword({ currentPassword: data.currentPassword, newPassword: data.newPassword });
      } catch (err) {
        if (err instanceof ApiError && err.status === 429) {
          const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
          throw new ApiError(
            429,
            err.code,
            `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          );
        }
        throw err;
      }
      setValues({ ...EMPTY });
      toast.success('Password changed. Your other sessions are signed out.');
    });
  };

  const set = (key: keyof typeof EMPTY) => (v: string) => {
    setValues(key, v);
    form.clearError(key);
  };

  return (
    <form ref={formRef} class="form card" novalidate onSubmit={onSubmit} aria-labelledby="password-title">
      <div class="card-header">
        <div>
          <h2 id="password-title" class="card-title">
            Change password
          </h2>
          <p class="card-description">Changing it signs you out on your other devices.</p>
        </div>
      </div>
      <div class="card-body stack">
        <input type="hidden" name="username" autocomplete="username" value={me()?.user.email ?? ''} />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          value={values.currentPassword}
          onInput={set('currentPassword')}
          error={form.error('currentPassword')}
          autocomplete="current-password"
          required
        />
        <NewPasswordFields
          name="newPassword"
          password={values.newPassword}
          confirm={values.confirmPassword}
          onPassword={set('newPassword')}
          onConfirm={set('confirmPassword')}
          error={form.error}
        />
      </div>
      <div class="card-footer">
        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" busy={form.sending()}>
          {form.sending() ? 'Saving…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}

function SignOutEverywhere() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const run = async () => {
    setBusy(true);
    try {
      await signOutEverywhere();
      clearSession();
      navigate('/login', { replace: true });
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not sign out everywhere. Try again.');
      setBusy(false);
    }
  };
  return (
    <Section
      title="Sessions"
      id="account-sessions"
      description="Lost a device or signed in on a shared computer? End every session, this one included."
    >
      <Button onClick={run} busy={busy()}>
        Sign out of all sessions
      </Button>
    </Section>
  );
}
