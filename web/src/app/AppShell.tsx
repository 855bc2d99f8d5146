import { A, createAsync, Navigate, type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import type { Me } from '../../../shared/schemas/auth.ts';
import { Button } from '../components/ui/Button.tsx';
import { Loading } from '../components/ui/Spinner.tsx';
import { getTenant } from '../features/settings/tenant.ts';
import { getTodayCounts } from '../features/today/api.ts';
import { ApiError } from '../lib/api.ts';
import { readableOn } from '../lib/color.ts';
import { initials, roleLabel } from '../lib/format.ts';
import { createLater } from '../lib/later.tsx';
import { HOME_ICON } from './access.ts';
import { Logo } from './Logo.tsx';
import { navFor } from './modules.ts';
import { NoAccess } from './NoAccess.tsx';
import { NotFoundContent } from './NotFoundContent.tsx';
import { ensureSession, logOut } from './session.ts';

/** /app/*: resolves the session (or sends the visitor to /login) and renders the shell. */
export default function AppShell(props: RouteSectionProps) {
  const session = createAsync(() => ensureSession());
  const location = useLocation();
  return (
    <Show
      when={session()}
      fallback={
        <Show when={session() === null}>
          <Navigate href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} />
        </Show>
      }
    >
      {(m) => <Shell me={m()}>{props.children}</Shell>}
    </Show>
  );
}

const DEFAULT_ACCENT = '#3446c6';

function Icon(props: { path: string }) {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={props.path}
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

function Shell(props: { me: Me; children: JSX.Element }) {
  const tenant = createAsync(() => getTenant());
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const [signingOut, setSigningOut] = createSignal(false);
  let mainRef: HTMLElement | undefined;
  let menuButton: HTMLButtonElement | undefined;

  // The page is drawn a task after the shell: two shorter tasks, not one long one, on a cold load.
  const pageShown = createLater();
  const accent = () => tenant.latest?.branding.primaryColor ?? DEFAULT_ACCENT;
  const nav = () => navFor(props.me);

  // A new page: close the phone menu and move focus to the content so it is announced.
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        mainRef?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );

  const signOut = async () => {
    setSigningOut(true);
    await logOut();
    navigate('/login', { replace: true });
  };

  // Escape closes the phone menu and returns focus to its button.
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen()) {
      setMenuOpen(false);
      menuButton?.focus();
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="shell" style={{ '--brand': accent(), '--brand-contrast': readableOn(accent()) }}>
      <header class="app-header">
        <div class="app-header-bar">
          <a href="/app" class="brand">
            <Logo />
            <span class="brand-name">Rounds</span>
          </a>
          <button
            ref={menuButton}
            type="button"
            class="menu-button"
            aria-expanded={menuOpen() ? 'true' : 'false'}
            aria-controls="app-menu"
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" class="menu-icon">
              <path
                d={menuOpen() ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16'}
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
              />
            </svg>
            <span>Menu</span>
          </button>
        </div>
        <div id="app-menu" class="app-menu" classList={{ open: menuOpen() }}>
          <div class="tenant-chip">
            <span class="tenant-avatar" aria-hidden="true">
              <Show when={tenant.latest?.branding.logoUrl} keyed fallback={initials(props.me.tenant.name)}>
                {(src) => <img src={src} alt="" />}
              </Show>
            </span>
            <span class="tenant-text">
              <span class="tenant-name">{props.me.tenant.name}</span>
              <span class="tenant-kind">
                {props.me.tenant.kind === 'practice' ? 'Practice' : 'Association'}
              </span>
            </span>
          </div>
          <nav aria-label="Main" class="main-nav">
            <ul>
              <li>
                <A href="/app" end class="nav-link" activeClass="active">
                  <Icon path={HOME_ICON} />
                  <Show when={props.me.tenant.kind === 'practice'} fallback="Home">
                    Today
                    {/* Its own boundary: the shell never waits for the count. */}
                    <Suspense>
                      <TodayBadge />
                    </Suspense>
                  </Show>
                </A>
              </li>
              <For each={nav()}>
                {(item) => (
                  <li>
                    <A href={item.href} class="nav-link" activeClass="active">
                      <Icon path={item.icon} />
                      {item.label}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
          <div class="account">
            <span class="user-avatar" aria-hidden="true">
              {initials(props.me.user.name)}
            </span>
            <span class="account-text">
              <A href="/app/account" class="account-name link" activeClass="active">
                {props.me.user.name}
                <span class="visually-hidden"> (your account)</span>
              </A>
              <span class="account-role">{roleLabel(props.me.user.role)}</span>
            </span>
            <Button size="sm" onClick={signOut} busy={signingOut()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabindex="-1" class="app-main">
        <ErrorBoundary fallback={(err, reset) => <PageError error={err} reset={reset} />}>
          <Suspense fallback={<Loading />}>{pageShown() ? props.children : null}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** How many of the signed-in person's items are due or overdue; nothing when none. */
function TodayBadge() {
  // Asked for a task after the shell is drawn: the count can wait, and the shell's first render is
  // what a cold load of every page waits on (starting a request there costs a phone milliseconds).
  const asked = createLater();
  const counts = createAsync(() =>
    asked() ? getTodayCounts().catch(() => undefined) : Promise.resolve(undefined),
  );
  return (
    <Show when={counts.latest?.due}>
      {(due) => (
        <span class="nav-count">
          {due()}
          <span class="visually-hidden"> due</span>
        </span>
      )}
    </Show>
  );
}

/** A failed page load: 403 and 404 get their own friendly pages; anything else can be retried. */
function PageError(props: { error: unknown; reset: () => void }) {
  const status = () => (props.error instanceof ApiError ? props.error.status : 0);
  return (
    <Show when={status() !== 403} fallback={<NoAccess />}>
      <Show when={status() !== 404} fallback={<NotFoundContent />}>
        <div class="page">
          <div class="panel">
            <h1>We couldn't load this page</h1>
            <p>{props.error instanceof Error ? props.error.message : 'An unexpected error occurred.'}</p>
            <Show when={props.error instanceof ApiError && props.error.requestId}>
              <p class="muted small">Request ID: {(props.error as ApiError).requestId}</p>
            </Show>
            <Button variant="primary" onClick={() => props.reset()}>
              Try again
            </Button>
          </div>
        </div>
      </Show>
    </Show>
  );
}
