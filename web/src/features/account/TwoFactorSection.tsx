import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  RECOVERY_CODE_COUNT,
  TotpConfirmSchema,
  TotpDisableSchema,
  type TotpEnrolment,
} from '../../../../shared/schemas/auth.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { confirmTotp, disableTotp, getMfaStatus, startTotp } from './api.ts';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read off and type into a phone. */
const grouped = (key: string) => key.replace(/(.{4})(?=.)/g, '$1 ');

const tooMany = (err: unknown) => {
  if (!(err instanceof ApiError) || err.status !== 429) return err;
  const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
  return new ApiError(
    429,
    err.code,
    `Too many wrong tries. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
};

/**
 * Two-factor sign-in on the Account page: set up with an authenticator app (key → code → recovery
 * codes shown once), see how many recovery codes are left, and turn it off with a code or password.
 */
export function TwoFactorSection() {
  const [status, { refetch }] = createResource(getMfaStatus);
  const [enrolment, setEnrolment] = createSignal<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = createSignal<string[] | null>(null);
  const [starting, setStarting] = createSignal(false);

  const start = async () => {
    setStarting(true);
    try {
      setEnrolment(await startTotp());
      queueMicrotask(() => document.getElementById('totp-steps')?.focus());
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not start the set-up. Try again.');
    } finally {
      setStarting(false);
    }
  };

  return (
    <section class="card" aria-labelledby="two-factor-title" id="account-two-factor">
      <div class="card-header">
        <div>
          <h2 id="two-factor-title" class="card-title">
            Two-factor sign-in
          </h2>
          <p class="card-description">
            After your password, Rounds asks for a code from an authenticator app on your phone, so a stolen
            password alone cannot open your account.
          </p>
        </div>
      </div>
      <div class="card-body stack">
        <Switch>
          <Match when={recoveryCodes()}>
            {(codes) => (
              <RecoveryCodesStep
                codes={codes()}
                onDone={() => {
                  setRecoveryCodes(null);
                  void refetch();
                }}
              />
            )}
          </Match>
          <Match when={enrolment()}>
            {(current) => (
              <EnrolSteps
                enrolment={current()}
                onEnabled={(codes) => {
                  setEnrolment(null);
                  setRecoveryCodes(codes);
                }}
                onCancel={() => setEnrolment(null)}
              />
            )}
          </Match>
          <Match when={status.error}>
            <Alert tone="error">Could not load your two-factor settings. Reload the page to try again.</Alert>
          </Match>
          <Match when={status.loading}>
            <p class="muted">Loading…</p>
          </Match>
          <Match when={status()?.enabled}>
            <p>
              <strong>On</strong>
              <Show when={status()?.enabledAt}>{(at) => <> since {formatDate(at())}</>}</Show>. You have{' '}
              {status()?.recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes left.
            </p>
            <Show when={(status()?.recoveryCodesLeft ?? 0) <= 3}>
              <Alert tone="warning">
                Few recovery codes are left. To get new ones, turn two-factor sign-in off and on again.
              </Alert>
            </Show>
            <DisableForm onDisabled={() => void refetch()} />
          </Match>
          <Match when={status()}>
            <p>
              <strong>Off.</strong> You sign in with your password only.
            </p>
            <div>
              <Button variant="primary" onClick={start} busy={starting()}>
                Set up two-factor sign-in
              </Button>
            </div>
          </Match>
        </Switch>
      </div>
    </section>
  );
}

function EnrolSteps(props: {
  enrolment: TotpEnrolment;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(formRef, TotpConfirmSchema, { code: code().replace(/\s/g, '') }, async (data) => {
      const { recoveryCodes } = await confirmTotp(data);
      props.onEnabled(recoveryCodes);
    });
  };

  return (
    <form
      ref={formRef}
      class="form stack"
      novalidate
      onSubmit={onSubmit}
      aria-label="Set up two-factor sign-in"
    >
      <ol class="steps" id="totp-steps" tabindex="-1">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator
          or 1Password). If you have none, install one first.
        </li>
        <li>
          In the app, add an account and choose to enter a setup key. Use <strong>Rounds</strong> as the name
          and this key (time-based):
          <code class="secret-key" id="totp-key">
            {grouped(props.enrolment.secret)}
          </code>
          <details class="small">
            <summary>Setup link, for apps and password managers that take one</summary>
            <code class="break-any">{props.enrolment.otpauthUri}</code>
          </details>
        </li>
        <li>
          <TextField
            label="Enter the 6-digit code the app now shows"
            name="code"
            value={code()}
            onInput={(v) => {
              setCode(v);
              form.clearError('code');
            }}
            error={form.error('code')}
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={7}
            spellcheck={false}
            required
          />
        </li>
      </ol>
      <FormAlert message={form.formError()} />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={form.sending()}>
          {form.sending() ? 'Checking…' : 'Turn on two-factor sign-in'}
        </Button>
        <Button type="button" onClick={() => props.onCancel()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RecoveryCodesStep(props: { codes: string[]; onDone: () => void }) {
  let headingRef: HTMLHeadingElement | undefined;
  queueMicrotask(() => headingRef?.focus());
  const text = () =>
    ['Rounds recovery codes. Each works once, in place of an authenticator code.', '', ...props.codes].join(
      '\n',
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      toast.success('Recovery codes copied');
    } catch {
      toast.error('Could not copy. Select the codes and copy them by hand.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text()}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'rounds-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div class="stack">
      <Alert tone="success">
        Two-factor sign-in is on. From now on, Rounds asks for a code after your password.
      </Alert>
      <h3 ref={headingRef} tabindex="-1" class="card-title">
        Save your recovery codes
      </h3>
      <p>
        If you lose your phone, sign in with one of these codes instead of an authenticator code. Each works
        once. Keep them somewhere safe, like a password manager. <strong>They are shown only now.</strong>
      </p>
      <ul class="recovery-codes" aria-label="Recovery codes">
        <For each={props.codes}>{(code) => <li>{code}</li>}</For>
      </ul>
      <div class="button-row">
        <Button onClick={copy}>Copy codes</Button>
        <Button onClick={download}>Download as a text file</Button>
        <Button variant="primary" onClick={() => props.onDone()}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

function DisableForm(props: { onDisabled: () => void }) {
  const [usePassword, setUsePassword] = createSignal(false);
  const [values, setValues] = createStore({ code: '', password: '' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = usePassword() ? { password: values.password } : { code: values.code.replace(/\s/g, '') };
    await form.submit(formRef, TotpDisableSchema, body, async (data) => {
      try {
        await disableTotp(data);
      } catch (err) {
        throw tooMany(err);
      }
      setValues({ code: '', password: '' });
      toast.success('Two-factor sign-in is off.');
      props.onDisabled();
    });
  };

  return (
    <form
      ref={formRef}
      class="form stack"
      novalidate
      onSubmit={onSubmit}
      aria-label="Turn off two-factor sign-in"
    >
      <p class="small muted">To turn it off, confirm it is you.</p>
      <input type="hidden" name="username" autocomplete="username" value={me()?.user.email ?? ''} />
      <Show
        when={usePassword()}
        fallback={
          <TextField
            label="Current 6-digit code"
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
          label="Your password"
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
      </Show>
      <p class="small">
        <button
          type="button"
          class="link link-button"
          onClick={() => {
            setUsePassword(!usePassword());
            form.setErrors({});
            form.setFormError(undefined);
          }}
        >
          {usePassword() ? 'Use a code from your authenticator app instead' : 'Use your password instead'}
        </button>
      </p>
      <FormAlert message={form.formError()} />
      <div>
        <Button type="submit" variant="danger" busy={form.sending()}>
          {form.sending() ? 'Turning off…' : 'Turn off two-factor sign-in'}
        </Button>
      </div>
    </form>
  );
}
