import { Navigate, Route, type RoutePreloadFuncArgs, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getBoard } from '../features/schedule/api.ts';
import { getTenant } from '../features/settings/api.ts';
import { hasAccess } from '../lib/api.ts';
import { RootLayout } from './RootLayout.tsx';
import { ensureSession } from './session.ts';

// Every page is its own chunk: the first load is the router, the session and the root layout.
const AppShell = lazy(() => import('./AppShell.tsx'));
const Login = lazy(() => import('../routes/login.tsx'));
const Signup = lazy(() => import('../routes/signup.tsx'));
const InviteAccept = lazy(() => import('../routes/invite.tsx'));
const ForgotPassword = lazy(() => import('../routes/forgot-password.tsx'));
const ResetPassword = lazy(() => import('../routes/reset-password.tsx'));
const Account = lazy(() => import('../routes/account.tsx'));
const ReminderLink = lazy(() => import('../routes/reminder.tsx'));
const Home = lazy(() => import('../routes/home.tsx'));
const Schedule = lazy(() => import('../routes/day-schedule.tsx'));
const ScheduleWeek = lazy(() => import('../routes/week-schedule.tsx'));
const ScheduleWaitlist = lazy(() => import('../routes/schedule-waitlist.tsx'));
const SchedulePatients = lazy(() => import('../routes/schedule-patients.tsx'));
const PatientAccessReport = lazy(() => import('../routes/patient-access-report.tsx'));
const ScheduleReports = lazy(() => import('../routes/schedule-reports.tsx'));
const ScheduleImport = lazy(() => import('../routes/schedule-import.tsx'));
const ScheduleSetup = lazy(() => import('../routes/schedule-setup.tsx'));
const SetupGuide = lazy(() => import('../routes/setup-guide.tsx'));
const Settings = lazy(() => import('../routes/settings.tsx'));
const Team = lazy(() => import('../routes/team.tsx'));
const Outbox = lazy(() => import('../routes/outbox.tsx'));
const Membership = lazy(() => import('../routes/membership.tsx'));
const Members = lazy(() => import('../routes/members.tsx'));
const Audit = lazy(() => import('../routes/audit.tsx'));
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

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/**
 * The day view's data starts loading with the navigation itself (alongside the session check,
 * after the one shared token refresh), not after the page's code and the session have arrived.
 */
const preloadDay = ({ location }: RoutePreloadFuncArgs) =>
  void getBoard(one(location.query.location), one(location.query.date));
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
        <Route path="/schedule" component={Schedule} preload={preloadDay} />
        <Route path="/schedule/week" component={ScheduleWeek} />
        <Route path="/schedule/waitlist" component={ScheduleWaitlist} />
        <Route path="/schedule/patients" component={SchedulePatients} />
        <Route path="/schedule/patients/:id/access" component={PatientAccessReport} />
        <Route path="/schedule/reports" component={ScheduleReports} />
        <Route path="/schedule/import" component={ScheduleImport} />
        <Route path="/schedule/setup" component={ScheduleSetup} />
        <Route path="/setup-guide" component={SetupGuide} />
        <Route path="/settings" component={Settings} />
        <Route path="/team" component={Team} />
        <Route path="/outbox" component={Outbox} />
        <Route path="/membership" component={Membership} />
        <Route path="/members" component={Members} />
        <Route path="/audit" component={Audit} />
        <Route path="/account" component={Account} />
        <Route path="*404" component={AppNotFound} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
