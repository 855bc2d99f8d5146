import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { Logo } from './Logo.tsx';

/** The frame of the public pages (sign-in, sign-up, invitations): brand on top, one card. */
export function AuthLayout(props: { children: JSX.Element; wide?: boolean; footer?: JSX.Element }) {
  return (
    <div class="auth-page">
      <header class="auth-header">
        <A href="/login" class="brand brand-dark">
          <Logo />
          <span class="brand-name">Rounds</span>
        </A>
      </header>
      <main id="main" tabindex="-1" class={`auth-main${props.wide ? ' auth-main-wide' : ''}`}>
        <div class="auth-card">{props.children}</div>
        {props.footer}
      </main>
      <footer class="auth-footer">
        <p>Rounds — practice management for medical office managers. No clinical records, ever.</p>
      </footer>
    </div>
  );
}
