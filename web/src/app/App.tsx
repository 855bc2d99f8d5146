import { Navigate, Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getTenant } from '../features/settings/tenant.ts';
import { hasAccess } from '../lib/api.ts';
import { modulePages } from './modules.ts';
import { RootLayout } from './RootLayout.tsx';
import { ensureSession } from './session.ts';

// Every page is its own chunk: the first load is the router, the session and the root layout.
const AppShell = lazy(() => import('./AppShell.tsx'));
const Login = lazy(() => import('../routes/login.tsx'));
const Signup = lazy(() => import('../routes/signup.tsx'));
const InviteAccept = lazy(() => import('../routes/invite.tsx'));
const ForgotPassword = lazy(() => import('../routes/forgot-password.tsx'));
const ResetPassword = lazy(() => import('../routes/reset-password.tsx'));
const ReminderLink = lazy(() => import('../routes/reminder.tsx'));
const Home = lazy(() => import('../routes/home.tsx'));
const NotFound = lazy(() => import('../routes/not-found.tsx'));

/**
 * Entering /app: the session check (on a new tab, a token refresh, then /me) starts with the
 * navigation, beside the code of the shell and the page, and the tenant (the shell's colors) is
 * read beside /me, not after it. The tenant is asked for only once the token is renewed, so a
 * signed-out visit leaves no refused answer in the cache for after the sign-in.
 */
const preloadApp = () => {
  void ensureSession().catch(() => {});
  void hasAccess()
    .then((signedIn) => (signedIn ? getTenant() : undefined))
    .catch(() => {});
};

const AppNotFound = lazy(() => import('../routes/app-not-found.tsx'));

export function App() {
  return (
    <Router root={RootLayout}>
      <Route path="/" component={() => <Navigate href="/app" />} />
      <Route path="/login" component={Login} />
      <Route path="/signup" component={Signup} />
      <Route path="/invite/:token" component={InviteAccept} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset/:token" component={ResetPassword} />
      <Route path="/r/:token" component={ReminderLink} />
      <Route path="/app" component={AppShell} preload={preloadApp}>
        <Route path="/" component={Home} />
        {/* The module list is fixed at build time, so a plain map (not <For>) builds the route table once. */}
        {modulePages().map((page) => (
          <Route path={page.path} component={page.component} preload={page.preload} />
        ))}
        <Route path="*404" component={AppNotFound} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
