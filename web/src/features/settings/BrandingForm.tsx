import { revalidate } from '@solidjs/router';
import { createEffect, createSignal, createUniqueId, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type Branding, type Tenant, UpdateBrandingSchema } from '../../../../shared/schemas/tenants.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isHexColor, readableOn } from '../../lib/color.ts';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { initials } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { getTenant, LOGO_LIMIT, updateBranding, uploadLogo } from './api.ts';

/** What the browser may say a logo is; an empty type (some systems) is left to the server's check. */
const LOGO_TYPES = ['image/png', 'image/jpeg'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const savedBranding = (t: Tenant): Branding => ({
  logoFileId: t.branding.logoFileId,
  primaryColor: t.branding.primaryColor,
  accentColor: t.branding.accentColor,
});

/**
 * Logo and colors. A practice's go on what it prints (live letterhead preview); an association
 * prints nothing for patients, so its logo and main color only dress Rounds for its own team.
 * A chosen logo is uploaded at once (checked by the server from its content) and becomes the logo
 * when the branding is saved.
 */
export function BrandingForm(props: { tenant: Tenant }) {
  const isPractice = () => props.tenant.kind === 'practice';
  const [values, setValues] = createStore(savedBranding(props.tenant));
  /** What the previews show: the saved logo's address, or the image just uploaded. */
  const [preview, setPreview] = createSignal<string | null>(props.tenant.branding.logoUrl);
  /** The upload under way: the share sent so far; undefined when none. */
  const [uploading, setUploading] = createSignal<number | undefined>();
  const form = createForm();
  const logoId = `logo-${createUniqueId()}`;
  let formRef: HTMLFormElement | undefined;
  let fileRef: HTMLInputElement | undefined;

  createEffect(
    on(
      () => props.tenant.version,
      () => {
        setValues(savedBranding(props.tenant));
        setPreview(props.tenant.branding.logoUrl);
      },
      { defer: true },
    ),
  );

  const logoError = (message: string) => form.setErrors({ ...form.errors(), logoFileId: message });

  const onFile = async (file: File | undefined) => {
    form.clearError('logoFileId');
    if (fileRef) fileRef.value = '';
    if (!file) return;
    if (file.type && !LOGO_TYPES.includes(file.type)) {
      logoError(`The logo must be a PNG or JPEG image; “${file.name}” is not one`);
      return;
    }
    setUploading(0);
    try {
      const uploaded = await uploadLogo(file, (f) => setUploading(f));
      setValues('logoFileId', uploaded.id);
      // Shown from the file itself (a data URL, which the page's CSP allows): the new file is only
      // served from its public address once the branding names it.
      setPreview(await readAsDataUrl(file));
    } catch (err) {
      logoError(errorMessage(err));
    } finally {
      setUploading(undefined);
    }
  };

  const onRemove = async () => {
    const ok = await confirm({
      title: 'Remove the logo?',
      message: (
        <p>
          {isPractice()
            ? 'Once you save, letters, forms and patient pages show your practice’s initials instead.'
            : 'Once you save, the menu shows your association’s initials instead.'}{' '}
          You can upload a logo again at any time.
        </p>
      ),
      confirmLabel: 'Remove logo',
    });
    if (!ok) return;
    form.clearError('logoFileId');
    setValues('logoFileId', null);
    setPreview(null);
  };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (uploading() !== undefined) return;
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
          <div class={`field${form.error('logoFileId') ? ' field-invalid' : ''}`}>
            <span class="field-label" id={`${logoId}-label`}>
              Logo
            </span>
            <div class="logo-row">
              <div class="logo-preview" aria-hidden="true">
                <Show when={preview()} keyed fallback={<span>{initials(props.tenant.name)}</span>}>
                  {(src) => <img src={src} alt="" />}
                </Show>
              </div>
              <div class="logo-actions">
                <input
                  ref={fileRef}
                  id={logoId}
                  name="logoFileId"
                  type="file"
                  class="file-input"
                  accept="image/png,image/jpeg"
                  disabled={uploading() !== undefined}
                  aria-describedby={`${logoId}-hint${form.error('logoFileId') ? ` ${logoId}-error` : ''}`}
                  aria-invalid={form.error('logoFileId') ? 'true' : undefined}
                  onChange={(e) => onFile(e.currentTarget.files?.[0])}
                />
                <label
                  class="btn btn-secondary btn-sm file-label"
                  for={logoId}
                  aria-disabled={uploading() !== undefined ? 'true' : undefined}
                >
                  {values.logoFileId ? 'Replace logo' : 'Upload logo'}
                </label>
                <Show when={values.logoFileId && uploading() === undefined}>
                  <Button size="sm" variant="ghost" onClick={onRemove}>
                    Remove logo
                  </Button>
                </Show>
              </div>
            </div>
            <Show when={uploading() !== undefined}>
              <p class="field-hint" role="status">
                Uploading logo… {Math.round((uploading() ?? 0) * 100)}%
              </p>
            </Show>
            <p class="field-hint" id={`${logoId}-hint`}>
              {isPractice()
                ? `PNG or JPEG, up to ${LOGO_LIMIT}. A square or wide logo on a transparent background prints best.`
                : `PNG or JPEG, up to ${LOGO_LIMIT}. It is shown small and square, so a simple mark works best.`}
            </p>
            <Show when={form.error('logoFileId')}>
              <p class="field-error" id={`${logoId}-error`}>
                <span aria-hidden="true">! </span>
                {form.error('logoFileId')}
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
          <Button type="submit" variant="primary" busy={form.sending()} disabled={uploading() !== undefined}>
            {form.sending() ? 'Saving…' : 'Save branding'}
          </Button>
        </div>
      </form>
      <Show
        when={isPractice()}
        fallback={<MenuPreview tenant={props.tenant} logo={preview()} color={primary()} />}
      >
        <figure class="letterhead-figure">
          <figcaption class="letterhead-caption">Live preview: printed letterhead</figcaption>
          <div class="letterhead" aria-hidden="true">
            <div class="letterhead-band" style={{ background: primary(), color: readableOn(primary()) }}>
              <div class="letterhead-logo">
                <Show when={preview()} keyed fallback={<span>{initials(props.tenant.name)}</span>}>
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
