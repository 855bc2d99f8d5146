import type { RoutePreloadFunc, RoutePreloadFuncArgs } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import type { ModuleId } from '../../../shared/modules.ts';
import { MODULE_IDS } from '../../../shared/modules.ts';
import type { Me } from '../../../shared/schemas/auth.ts';
import { preloadBenchmarks, preloadCompare } from '../features/benchmarks/api.ts';
import { getBoard } from '../features/schedule/api.ts';
import { canAccess, ICONS, type NavItem } from './access.ts';

/** A page under /app: its path and its code, loaded on first visit (each page is its own chunk). */
export interface ModulePage {
  path: string;
  component: Component;
  preload?: RoutePreloadFunc;
}

/** What a module adds to the web app: its pages and its entries in the main navigation. */
export interface WebModule {
  pages: ModulePage[];
  nav: NavItem[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/**
 * The day view's data starts loading with the navigation itself (alongside the session check,
 * after the one shared token refresh), not after the page's code and the session have arrived.
 */
const preloadDay = ({ location }: RoutePreloadFuncArgs) =>
  void getBoard(one(location.query.location), one(location.query.date));

/** Every module's pages and navigation, keyed by the shared module list (shared/modules.ts). */
export const WEB_MODULES: Record<ModuleId, WebModule> = {
  tenants: {
    pages: [
      { path: '/setup-guide', component: lazy(() => import('../routes/setup-guide.tsx')) },
      { path: '/settings', component: lazy(() => import('../routes/settings.tsx')) },
      { path: '/team', component: lazy(() => import('../routes/team.tsx')) },
      { path: '/outbox', component: lazy(() => import('../routes/outbox.tsx')) },
      { path: '/membership', component: lazy(() => import('../routes/membership.tsx')) },
      { path: '/members', component: lazy(() => import('../routes/members.tsx')) },
      { path: '/audit', component: lazy(() => import('../routes/audit.tsx')) },
      { path: '/account', component: lazy(() => import('../routes/account.tsx')) },
    ],
    nav: [
      {
        area: 'team',
        order: 20,
        href: '/app/team',
        label: 'Team',
        description: 'Invite people, set roles, deactivate accounts.',
        icon: ICONS.team,
      },
      {
        area: 'membership',
        order: 30,
        href: '/app/membership',
        label: 'Associations',
        description: 'Join a regional association and choose exactly what you share.',
        icon: ICONS.membership,
      },
      {
        area: 'members',
        order: 31,
        href: '/app/members',
        label: 'Member practices',
        description: 'Practices that joined, and invite codes for new ones.',
        icon: ICONS.members,
      },
      {
        area: 'settings',
        order: 80,
        href: '/app/settings',
        label: 'Settings',
        description: 'Profile, branding for printed materials, locations and hours.',
        associationDescription: "Your association's profile, logo and color.",
        icon: ICONS.settings,
      },
      {
        area: 'outbox',
        order: 85,
        href: '/app/outbox',
        label: 'Outbox',
        description:
          'Messages Rounds sent on your behalf: visit reminders to patients, invitations to staff.',
        associationDescription: 'Messages Rounds sent on your behalf, such as invitations.',
        icon: ICONS.outbox,
      },
      {
        area: 'audit',
        order: 90,
        href: '/app/audit',
        label: 'Audit log',
        description: 'Who did what, and when. Read-only.',
        icon: ICONS.audit,
      },
    ],
  },
  scheduling: {
    pages: [
      { path: '/schedule', component: lazy(() => import('../routes/day-schedule.tsx')), preload: preloadDay },
      { path: '/schedule/week', component: lazy(() => import('../routes/week-schedule.tsx')) },
      { path: '/schedule/waitlist', component: lazy(() => import('../routes/schedule-waitlist.tsx')) },
      { path: '/schedule/patients', component: lazy(() => import('../routes/schedule-patients.tsx')) },
      {
        path: '/schedule/patients/:id/access',
        component: lazy(() => import('../routes/patient-access-report.tsx')),
      },
      { path: '/schedule/reports', component: lazy(() => import('../routes/schedule-reports.tsx')) },
      { path: '/schedule/import', component: lazy(() => import('../routes/schedule-import.tsx')) },
      { path: '/schedule/setup', component: lazy(() => import('../routes/schedule-setup.tsx')) },
    ],
    nav: [
      {
        area: 'schedule',
        order: 10,
        href: '/app/schedule',
        label: 'Schedule',
        description: 'Book, check in and move visits; the day by provider and the patient flow.',
        icon: ICONS.schedule,
      },
    ],
  },
  // Today is the practice's home page (/app, routes/home.tsx) and the "Home" link with its count.
  today: { pages: [], nav: [] },
  documents: {
    pages: [
      { path: '/documents', component: lazy(() => import('../routes/documents.tsx')) },
      { path: '/documents/:id', component: lazy(() => import('../routes/document.tsx')) },
      { path: '/files', component: lazy(() => import('../routes/files.tsx')) },
    ],
    nav: [
      {
        area: 'documents',
        order: 15,
        href: '/app/documents',
        label: 'Documents',
        description:
          'The handbook, policies, procedures and forms: written, versioned and printed on your letterhead.',
        icon: ICONS.documents,
      },
    ],
  },
  billing: {
    pages: [
      { path: '/billing', component: lazy(() => import('../routes/billing.tsx')) },
      { path: '/billing/aging', component: lazy(() => import('../routes/billing-aging.tsx')) },
      { path: '/billing/patients', component: lazy(() => import('../routes/billing-patients.tsx')) },
      { path: '/billing/payers', component: lazy(() => import('../routes/billing-payers.tsx')) },
      { path: '/billing/claims', component: lazy(() => import('../routes/billing-claims.tsx')) },
      { path: '/billing/claims/:id', component: lazy(() => import('../routes/billing-claim.tsx')) },
      { path: '/billing/import', component: lazy(() => import('../routes/billing-import.tsx')) },
      { path: '/billing/import-csv', component: lazy(() => import('../routes/billing-csv-import.tsx')) },
      {
        path: '/billing/credentialing',
        component: lazy(() => import('../routes/billing-credentialing.tsx')),
      },
      {
        path: '/billing/my-production',
        component: lazy(() => import('../routes/billing-my-production.tsx')),
      },
    ],
    nav: [
      {
        area: 'billing',
        order: 12,
        href: '/app/billing',
        label: 'Billing',
        description: 'Is money coming in: KPIs, A/R aging, denials and the claims to work.',
        icon: ICONS.billing,
      },
      {
        area: 'my-production',
        order: 12,
        href: '/app/billing/my-production',
        label: 'My production',
        description: 'Your own charges, payments, claims and what is still owed, month by month.',
        icon: ICONS.billing,
      },
    ],
  },
  hr: {
    pages: [
      { path: '/hr/staff', component: lazy(() => import('../routes/hr-staff.tsx')) },
      { path: '/hr/staff/:id', component: lazy(() => import('../routes/hr-person.tsx')) },
      { path: '/hr/time-off', component: lazy(() => import('../routes/hr-time-off.tsx')) },
      { path: '/hr/leave', component: lazy(() => import('../routes/hr-leave.tsx')) },
      { path: '/hr/shifts', component: lazy(() => import('../routes/hr-shifts.tsx')) },
      { path: '/hr/payroll', component: lazy(() => import('../routes/hr-payroll.tsx')) },
      { path: '/hr/reviews', component: lazy(() => import('../routes/hr-reviews.tsx')) },
      { path: '/hr/checklists', component: lazy(() => import('../routes/hr-checklists.tsx')) },
      { path: '/hr/meetings/:id?', component: lazy(() => import('../routes/hr-meetings.tsx')) },
      { path: '/hr/hiring/:kind?/:id?', component: lazy(() => import('../routes/hr-hiring.tsx')) },
    ],
    nav: [
      {
        area: 'hr',
        order: 14,
        href: '/app/hr/staff',
        label: 'Staff',
        description: 'Who works here, their licenses and their time off.',
        icon: ICONS.hr,
      },
      {
        area: 'hr-admin',
        order: 15,
        href: '/app/hr/hiring',
        label: 'Hiring',
        description: 'Openings, candidates, interviews and offers, through to the hire.',
        icon: ICONS.hr,
      },
    ],
  },
  benchmarks: {
    pages: [
      {
        path: '/benchmarks',
        component: lazy(() => import('../routes/benchmarks.tsx')),
        preload: preloadBenchmarks,
      },
      { path: '/compare', component: lazy(() => import('../routes/compare.tsx')), preload: preloadCompare },
    ],
    nav: [
      {
        area: 'benchmarks',
        order: 10,
        href: '/app/benchmarks',
        label: 'Benchmarks',
        description: "Members' monthly measures as percentiles by specialty, region and size.",
        icon: ICONS.membership,
      },
      {
        area: 'compare',
        order: 31,
        href: '/app/compare',
        label: 'How we compare',
        description: "Your measures beside your association's percentiles, and your rank.",
        icon: ICONS.membership,
      },
    ],
  },
};

/** Every module's pages, in module order, for the router. */
export const modulePages = (): ModulePage[] => MODULE_IDS.flatMap((id) => WEB_MODULES[id].pages);

/** The modules this user can open, in navigation order. */
export function navFor(me: Me): NavItem[] {
  return MODULE_IDS.flatMap((id) => WEB_MODULES[id].nav)
    .filter((item) => canAccess(me, item.area))
    .sort((a, b) => a.order - b.order)
    .map((item) =>
      me.tenant.kind === 'association' && item.associationDescription
        ? { ...item, description: item.associationDescription }
        : item,
    );
}
