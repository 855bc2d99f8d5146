import { inRoleGroup, type RoleGroup, type TenantKind } from '../../../shared/roles.ts';
import type { Me } from '../../../shared/schemas/auth.ts';

/** Who may open each area of the web app: tenant kinds and a named role group (the API's groups). */
const AREAS = {
  schedule: { kinds: ['practice'], roles: 'practice' },
  'schedule-reports': { kinds: ['practice'], roles: 'revenue' },
  'schedule-admin': { kinds: ['practice'], roles: 'practiceAdmins' },
  settings: { kinds: ['practice', 'association'], roles: 'tenantAdmins' },
  team: { kinds: ['practice', 'association'], roles: 'tenantAdmins' },
  outbox: { kinds: ['practice', 'association'], roles: 'tenantAdmins' },
  audit: { kinds: ['practice', 'association'], roles: 'tenantAdmins' },
  membership: { kinds: ['practice'], roles: 'practiceAdmins' },
  members: { kinds: ['association'], roles: 'association' },
  /** The association's benchmark dashboard (aggregates only). */
  benchmarks: { kinds: ['association'], roles: 'association' },
  /** A member practice's "How we compare" and what it shared. */
  compare: { kinds: ['practice'], roles: 'practiceAdmins' },
  files: { kinds: ['practice'], roles: 'practice' },
  'files-upload': { kinds: ['practice'], roles: 'practiceAdmins' },
  documents: { kinds: ['practice'], roles: 'practice' },
  'documents-write': { kinds: ['practice'], roles: 'practiceAdmins' },
  billing: { kinds: ['practice'], roles: 'revenue' },
  /** Which login reads which NPI's production: it decides what a provider is shown. */
  'billing-logins': { kinds: ['practice'], roles: 'practiceAdmins' },
  /** A provider's own production (of the NPI their login is linked to), and no other billing page. */
  'my-production': { kinds: ['practice'], roles: 'providers' },
  /** The staff directory and one's own time off: everyone in a practice. */
  hr: { kinds: ['practice'], roles: 'practice' },
  /** Keeping the directory, pay, and deciding time off. */
  'hr-admin': { kinds: ['practice'], roles: 'practiceAdmins' },
  /** Leave cases' confidential notes (medical detail): the owner's alone, as the API rules. */
  'hr-owner': { kinds: ['practice'], roles: 'practiceOwner' },
} as const satisfies Record<string, { kinds: readonly TenantKind[]; roles: RoleGroup }>;

export type Area = keyof typeof AREAS;

/** Whether this user may open the area; mirrors the API's role checks (the API refuses anyway). */
export function canAccess(me: Me, area: Area): boolean {
  const rule: { kinds: readonly TenantKind[]; roles: RoleGroup } = AREAS[area];
  return rule.kinds.includes(me.tenant.kind) && inRoleGroup(me.user.role, rule.roles);
}

/** A module's entry in the main navigation and on the association's home page. */
export interface NavItem {
  area: Area;
  /** Place in the main navigation, lowest first, across modules. */
  order: number;
  href: string;
  label: string;
  description: string;
  /** Said instead to an association, where the practice wording does not apply. */
  associationDescription?: string;
  icon: string;
}

/** SVG path data for 24×24 stroke icons. */
export const ICONS = {
  schedule: 'M4 5h16v15H4V5Zm0 4h16M8 3v4M16 3v4M8 13h3M8 16h3',
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1v-9.5Z',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7.5 7.5 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.5 7.5 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z',
  team: 'M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm10 9v-1.5a3.5 3.5 0 0 0-2.5-3.4M15 4.1a3.5 3.5 0 0 1 0 6.8',
  outbox: 'M4 5h16v14H4V5Zm0 1 8 6.5L20 6',
  membership: 'M4 21V8l8-5 8 5v13M9 21v-6h6v6M4 21h16',
  members: 'M3 21h18M5 21V7l7-4 7 4v14M9 10h.01M15 10h.01M9 14h.01M15 14h.01',
  documents: 'M7 3h7l5 5v13H7V3Zm7 0v5h5M10 12h6M10 16h6',
  billing: 'M6 3h12v18l-3-2-3 2-3-2-3 2V3Zm3.5 5h5M9.5 12h5M9.5 16h3',
  hr: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5 9v-1a5 5 0 0 1 10 0v1M17 8v6M14 11h6',
  audit:
    'M9 4h6M9 4a1 1 0 0 0-1 1v1h8V5a1 1 0 0 0-1-1M8 6H6a1 1 0 0 0-1 1v13a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V7a1 1 0 0 0-1-1h-2M9 12h6M9 16h4',
} as const;
export const HOME_ICON = ICONS.home;
