import { createEffect, type JSX, onCleanup, Show } from 'solid-js';
import { type BrandingView, DEFAULT_BRANDING } from '../../../shared/schemas/tenants.ts';
import { contrastRatio, isHexColor, readableOn } from '../lib/color.ts';
import './patient-layout.css';

/** The practice a patient page speaks for: its name and its branding (Settings → Branding). */
export interface PatientPractice {
  name: string;
  branding: BrandingView;
}

const DARK_TEXT = '#111827';

/**
 * The frame of pages patients open from a mail or a text (reminder links; later forms and
 * handouts): the practice's name, logo and colors, never Rounds' mark or navigation, and no
 * sign-in. The header band and primary buttons take the practice's primary color with white or
 * dark text, whichever reads better on it (WCAG AA); links take the color only when it reads on
 * white, else dark text. Until the practice is known (loading, a dead link) the frame is plain.
 */
export function PatientLayout(props: {
  practice?: PatientPractice;
  /** The browser tab's title, before the practice's name. */
  title: string;
  children: JSX.Element;
}) {
  const primary = () => {
    const color = props.practice?.branding.primaryColor ?? '';
    return isHexColor(color) ? color : DEFAULT_BRANDING.primaryColor;
  };
  const accent = () => {
    const color = props.practice?.branding.accentColor ?? '';
    return isHexColor(color) ? color : primary();
  };
  const ink = () => (contrastRatio(primary(), '#ffffff') >= 4.5 ? primary() : DARK_TEXT);
  const style = () =>
    props.practice
      ? {
          '--brand': primary(),
          '--brand-contrast': readableOn(primary()),
          '--brand-ink': ink(),
          '--brand-accent': accent(),
        }
      : undefined;

  createEffect(() => {
    document.title = props.practice ? `${props.title} · ${props.practice.name}` : props.title;
  });
  // The tab shows the practice's logo instead of Rounds' icon while the page is open.
  createEffect(() => {
    const logo = props.practice?.branding.logoUrl;
    const icon = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    if (!logo || !icon) return;
    const before = { href: icon.href, type: icon.type };
    // A PNG or a JPEG: the image's own type, not the icon's.
    icon.type = '';
    icon.href = logo;
    onCleanup(() => {
      icon.type = before.type;
      icon.href = before.href;
    });
  });

  return (
    <div class="patient-page" classList={{ 'patient-page-branded': !!props.practice }} style={style()}>
      <Show when={props.practice}>
        {(practice) => (
          <header class="patient-header">
            <div class="patient-header-inner">
              <Show when={practice().branding.logoUrl}>
                {(logo) => <img class="patient-logo" src={logo()} alt={`${practice().name} logo`} />}
              </Show>
              <span class="patient-practice">{practice().name}</span>
            </div>
          </header>
        )}
      </Show>
      <main id="main" tabindex="-1" class="patient-main">
        <div class="patient-card">{props.children}</div>
      </main>
      <Show when={props.practice}>
        {(practice) => (
          <footer class="patient-footer">
            <p>Sent by {practice().name} using Rounds</p>
          </footer>
        )}
      </Show>
    </div>
  );
}
