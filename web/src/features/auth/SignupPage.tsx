import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  PRACTICE_SIZES,
  REGIONS,
  SignupInputSchema,
  SPECIALTIES,
} from '../../../../shared/schemas/tenants.ts';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { logIn } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { api } from '../../lib/api.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { defaultTimeZone, timeZoneOptions } from '../../lib/timezones.ts';
import { PASSWORD_HINT } from './copy.ts';

type Kind = 'practice' | 'association';

const KINDS: { value: Kind; title: string; text: string }[] = [
  { value: 'practice', title: 'A practice', text: 'A clinic or medical group run by an office manager.' },
  {
    value: 'association',
    title: 'An association',
    text: 'A regional group of practices comparing benchmarks.',
  },
];

export function SignupPage() {
  const navigate = useNavigate();
  const [v, setV] = createStore({
    kind: 'practice' as Kind,
    name: '',
    specialty: '',
    region: '',
    size: '',
    timeZone: defaultTimeZone(),
    phone: '',
    website: '',
    ownerName: '',
    email: '',
    password: '',
  });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const prefix = () => v.kind;

  const body = () => {
    const owner = { name: v.ownerName, email: v.email.trim(), password: v.password };
    if (v.kind === 'practice') {
      return {
        kind: 'practice',
        practice: {
          name: v.name,
          specialty: v.specialty || undefined,
          region: v.region || undefined,
          size: v.size || undefined,
          timeZone: v.timeZone,
          phone: optional(v.phone),
          website: optional(v.website),
        },
        owner,
      };
    }
    return {
      kind: 'association',
      association: {
        name: v.name,
        region: v.region || undefined,
        timeZone: v.timeZone,
        website: optional(v.website),
      },
      owner,
    };
  };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(formRef, SignupInputSchema, body(), async (data) => {
      await api('/signup', { method: 'POST', body: data, auth: false });
      await logIn(data.owner.email, data.owner.password);
      navigate('/app', { replace: true });
    });
  };

  const field = (key: 'name' | 'phone' | 'website', path: () => string) => ({
    name: path(),
    value: v[key],
    onInput: (value: string) => {
      setV(key, value);
      form.clearError(path());
    },
    error: form.error(path()),
  });
  const select = (key: 'specialty' | 'region' | 'size' | 'timeZone', path: () => string) => ({
    name: path(),
    value: v[key],
    onChange: (value: string) => {
      setV(key, value);
      form.clearError(path());
    },
    error: form.error(path()),
  });
  const owner = (key: 'ownerName' | 'email' | 'password', path: string) => ({
    name: path,
    value: v[key],
    onInput: (value: string) => {
      setV(key, value);
      form.clearError(path);
    },
    error: form.error(path),
  });

  return (
    <AuthLayout
      wide
      footer={
        <p class="auth-alt">
          Already have an account?{' '}
          <A href="/login" class="link">
            Sign in
          </A>
        </p>
      }
    >
      <PageHeader
        title="Create your Rounds account"
        description="Set up your workspace in a minute. You can change everything later in Settings."
      />
      <form ref={formRef} class="form stack-lg" novalidate onSubmit={onSubmit} aria-label="Sign up">
        <fieldset class="fieldset">
          <legend class="legend">What are you setting up?</legend>
          <div class="choice-grid">
            <For each={KINDS}>
              {(k) => (
                <label class="choice" classList={{ selected: v.kind === k.value }}>
                  <input
                    type="radio"
                    name="kind"
                    value={k.value}
                    checked={v.kind === k.value}
                    onChange={() => {
                      setV('kind', k.value);
                      form.setErrors({});
                      form.setFormError(undefined);
                    }}
                  />
                  <span class="choice-text">
                    <span class="choice-title">{k.title}</span>
                    <span class="choice-desc">{k.text}</span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="legend">{v.kind === 'practice' ? 'Your practice' : 'Your association'}</legend>
          <div class="form-grid">
            <TextField
              label={v.kind === 'practice' ? 'Practice name' : 'Association name'}
              {...field('name', () => `${prefix()}.name`)}
              autocomplete="organization"
              required
              class="span-2"
            />
            <Show when={v.kind === 'practice'}>
              <SelectField
                label="Specialty"
                {...select('specialty', () => 'practice.specialty')}
                options={optionsOf(SPECIALTIES)}
                placeholder="Choose a specialty"
                required
              />
              <SelectField
                label="Size"
                {...select('size', () => 'practice.size')}
                options={optionsOf(PRACTICE_SIZES)}
                placeholder="Choose a size"
                required
              />
            </Show>
            <SelectField
              label="Region"
              {...select('region', () => `${prefix()}.region`)}
              options={optionsOf(REGIONS)}
              placeholder="Choose a region"
              hint="US Census division"
              required
            />
            <SelectField
              label="Time zone"
              {...select('timeZone', () => `${prefix()}.timeZone`)}
              options={timeZoneOptions(v.timeZone)}
              required
            />
            <Show when={v.kind === 'practice'}>
              <TextField
                label="Phone"
                type="tel"
                {...field('phone', () => 'practice.phone')}
                optional
                autocomplete="tel"
                placeholder="(555) 123-4567"
              />
            </Show>
            <TextField
              label="Website"
              type="url"
              {...field('website', () => `${prefix()}.website`)}
              optional
              autocomplete="url"
              placeholder="https://"
            />
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="legend">Your account</legend>
          <p class="muted small">
            You will be the {v.kind === 'practice' ? 'owner' : 'administrator'} of this workspace.
          </p>
          <div class="form-grid">
            <TextField label="Your name" {...owner('ownerName', 'owner.name')} autocomplete="name" required />
            <TextField
              label="Work email"
              type="email"
              {...owner('email', 'owner.email')}
              autocomplete="email"
              required
            />
            <TextField
              label="Password"
              type="password"
              {...owner('password', 'owner.password')}
              autocomplete="new-password"
              hint={PASSWORD_HINT}
              required
              class="span-2"
            />
          </div>
        </fieldset>

        <FormAlert message={form.formError()} />
        <Button type="submit" variant="primary" class="btn-block" busy={form.sending()}>
          {form.sending() ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
    </AuthLayout>
  );
}
