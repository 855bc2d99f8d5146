import { revalidate } from '@solidjs/router';
import { createEffect, createUniqueId, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Tenant, UpdateBrandingSchema } from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isHexColor, readableOn } from '../../lib/color.ts';
import { isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { initials } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { getTenant, updateBranding } from './api.ts';

export const MAX_LOGO_BYTES = 44 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Logo and colors. A practice's go on what it prints (live letterhead preview); an association
 * prints nothing for patients, so its logo and main color only dress Rounds for its own team.
 */
export function BrandingForm(props: { tenant: Tenant }) {
  const isPractice = () => props.tenant.kind === 'practice';
  const [values, setValues] = createStore({ ...props.tenant.branding });
  const form = createForm();
  const logoId = `logo-${createUniqueId()}`;
  let formRef: HTMLFormElement | undefined;
  let fileRef: HTMLInputElement | undefined;

  createEffect(
    on(
      () => props.tenant.version,
      () => setValues({ ...props.tenant.branding }),
      { defer: true },
    ),
  );

  const onFile = async (file: File | undefined) => {
    form.clearError('logoDataUrl');
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) {
      form.setErrors({ ...form.errors(), logoDataUrl: 'Logo must be a PNG, JPEG or WebP image' });
    } else if (file.size > MAX_LOGO_BYTES) {
      form.setErrors({
        ...form.errors(),
        logoDataUrl: `Logo must be under 44 KB (this file is ${Math.ceil(file.size / 1024)} KB)`,
      });
    } else {
      setValues('logoDataUrl', await readAsDataUrl(file));
    }
    if (fileRef) fileRef.value = '';
  };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(
      formRef,
      UpdateBrandingSchema,
      { ...values, version: props.tenant.version },
      async (data) => {
        try {
          await updateBranding(data);
          toast.success('Branding saved');
        } catch (err) {
          if (isStale(err)) {
            toast.error(STALE_MESSAGE);
            await revalidate(getTenant.key);
            return;
          }
          throw err;
        }
      },
    );
  };

  const primary = () => (isHexColor(values.primaryColor) ? values.primaryColor : '#0b6e4f');
  const accentColor = () => (isHexColor(values.accentColor) ? values.accentColor : '#f2a541');

  const colorField = (key: 'primaryColor' | 'accentColor', label: string, hint: string) => (
    <div class="color-field">
      <input
        type="color"
        class="color-swatch"
        value={isHexColor(values[key]) ? values[key].toLowerCase() : '#000000'}
        onInput={(e) => {
          setValues(key, e.currentTarget.value);
          form.clearError(key);
        }}
        aria-label={`${label} picker`}
      />
      <TextField
        label={label}
        name={key}
        value={values[key]}
        onInput={(v) => {
          setValues(key, v.trim());
          form.clearError(key);
        }}
        error={form.error(key)}
        hint={hint}
        maxLength={7}
        spellcheck={false}
        autocapitalize="off"
        inputClass="mono"
      />
    </div>
  );

  return (
    <div class="branding-layout">
      <form ref={formRef} class="form card" novalidate onSubmit={onSubmit} aria-labelledby="branding-title">
        <div class="card-header">
          <div>
            <h2 id="branding-title" class="card-title">
              Branding
            </h2>
            <p class="card-description">
              {isPractice()
                ? 'Appears on letters, forms and handouts you print from Rounds.'
                : "How Rounds looks for your association's team: your logo beside its name in the menu, and your main color on the menu and the Home page."}
            </p>
          </div>
        </div>
        <div class="card-body stack">
          <div class={`field${form.error('logoDataUrl') ? ' field-invalid' : ''}`}>
            <span class="field-label" id={`${logoId}-label`}>
              Logo
            </span>
            <div class="logo-row">
              <div class="logo-preview" aria-hidden="true">
                <Show when={values.logoDataUrl} keyed fallback={<span>{initials(props.tenant.name)}</span>}>
                  {(src) => <img src={src} alt="" />}
                </Show>
              </div>
              <div class="logo-actions">
                <input
                  ref={fileRef}
                  id={logoId}
                  name="logoDataUrl"
                  type="file"
                  class="file-input"
                  accept="image/png,image/jpeg,image/webp"
                  aria-describedby={`${logoId}-hint${form.error('logoDataUrl') ? ` ${logoId}-error` : ''}`}
                  aria-invalid={form.error('logoDataUrl') ? 'true' : undefined}
                  onChange={(e) => onFile(e.currentTarget.files?.[0])}
                />
                <label class="btn btn-secondary btn-sm file-label" for={logoId}>
                  {values.logoDataUrl ? 'Replace logo' : 'Upload logo'}
                </label>
                <Show when={values.logoDataUrl}>
                  <Button size="sm" variant="ghost" onClick={() => setValues('logoDataUrl', null)}>
                    Remove logo
                  </Button>
                </Show>
              </div>
            </div>
            <p class="field-hint" id={`${logoId}-hint`}>
              {isPractice()
                ? 'PNG, JPEG or WebP, up to 44 KB. A square or wide logo on a transparent background prints best.'
                : 'PNG, JPEG or WebP, up to 44 KB. It is shown small and square, so a simple mark works best.'}
            </p>
            <Show when={form.error('logoDataUrl')}>
              <p class="field-error" id={`${logoId}-error`}>
                <span aria-hidden="true">! </span>
                {form.error('logoDataUrl')}
              </p>
            </Show>
          </div>
          <Show
            when={isPractice()}
            fallback={colorField('primaryColor', 'Main color', 'Menu and Home page highlights, e.g. #0b6e4f')}
          >
            <div class="form-grid">
              {colorField('primaryColor', 'Primary color', 'Header band and headings, e.g. #0b6e4f')}
              {colorField('accentColor', 'Accent color', 'Rules and highlights, e.g. #f2a541')}
            </div>
          </Show>
        </div>
        <div class="card-footer">
          <FormAlert message={form.formError()} />
          <Button type="submit" variant="primary" busy={form.sending()}>
            {form.sending() ? 'Saving…' : 'Save branding'}
          </Button>
        </div>
      </form>
      <Show
        when={isPractice()}
        fallback={<MenuPreview tenant={props.tenant} logo={values.logoDataUrl} color={primary()} />}
      >
        <figure class="letterhead-figure">
          <figcaption class="letterhead-caption">Live preview: printed letterhead</figcaption>
          <div class="letterhead" aria-hidden="true">
            <div class="letterhead-band" style={{ background: primary(), color: readableOn(primary()) }}>
              <div class="letterhead-logo">
                <Show when={values.logoDataUrl} keyed fallback={<span>{initials(props.tenant.name)}</span>}>
                  {(src) => <img src={src} alt="" />}
                </Show>
              </div>
              <div>
                <div class="letterhead-name">{props.tenant.name}</div>
                <div class="letterhead-contact">
                  {[props.tenant.phone, props.tenant.website].filter(Boolean).join(' · ') ||
                    'Phone · Website'}
                </div>
              </div>
            </div>
            <div class="letterhead-rule" style={{ background: accentColor() }} />
            <div class="letterhead-body">
              <p class="letterhead-date">{new Date().toLocaleDateString(undefined, { dateStyle: 'long' })}</p>
              <p>Dear patient,</p>
              <div class="letterhead-lines">
                <span />
                <span />
                <span />
                <span class="short" />
              </div>
              <p>Sincerely,</p>
              <p class="letterhead-sign">The team at {props.tenant.name}</p>
            </div>
            <div class="letterhead-footer" style={{ 'border-color': accentColor() }}>
              {props.tenant.name}
            </div>
          </div>
        </figure>
      </Show>
    </div>
  );
}

/** An association's live preview: its name as the Rounds menu shows it, in its logo and color. */
function MenuPreview(props: { tenant: Tenant; logo: string | null | undefined; color: string }) {
  return (
    <figure class="letterhead-figure">
      <figcaption class="letterhead-caption">Live preview: your association in the Rounds menu</figcaption>
      <div aria-hidden="true" style={{ '--brand': props.color, '--brand-contrast': readableOn(props.color) }}>
        <div class="tenant-chip">
          <span class="tenant-avatar">
            <Show when={props.logo} keyed fallback={initials(props.tenant.name)}>
              {(src) => <img src={src} alt="" />}
            </Show>
          </span>
          <span class="tenant-text">
            <span class="tenant-name">{props.tenant.name}</span>
            <span class="tenant-kind">Association</span>
          </span>
        </div>
      </div>
    </figure>
  );
}
