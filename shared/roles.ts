/** Tenant kinds and the roles each kind admits. Shared by API role checks and the web navigation. */
export const TENANT_KINDS = ['practice', 'association'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const PRACTICE_ROLES = ['owner', 'manager', 'staff', 'provider', 'billing'] as const;
export const ASSOCIATION_ROLES = ['assoc_admin', 'analyst'] as const;
export const ROLES = [...PRACTICE_ROLES, ...ASSOCIATION_ROLES] as const;
export type PracticeRole = (typeof PRACTICE_ROLES)[number];
export type AssociationRole = (typeof ASSOCIATION_ROLES)[number];
export type Role = (typeof ROLES)[number];

/**
 * Named role groups: API route specs and web page access name one of these, never a pasted
 * list of roles, so "who may do this" changes in one place for both.
 */
export const ROLE_GROUPS = {
  /** Anyone signed in to any tenant. */
  anyone: ROLES,
  /** Everyone in a practice. */
  practice: PRACTICE_ROLES,
  /** The practice owner alone (ownership transfer, leaving an association). */
  practiceOwner: ['owner'],
  /** Owner and manager: set-up, overrides, imports, the practice's administration. */
  practiceAdmins: ['owner', 'manager'],
  /** Who books, moves and cancels visits and works the waitlist. */
  frontDesk: ['owner', 'manager', 'staff'],
  /** Who moves a visit through check-in, rooming and check-out. */
  patientFlow: ['owner', 'manager', 'staff', 'provider'],
  /** Who reads money and access measures. */
  revenue: ['owner', 'manager', 'billing'],
  /** Providers alone, for what is theirs and nobody else's (their own production). */
  providers: ['provider'],
  /** Who administers a tenant of either kind: team, settings, outbox, audit log. */
  tenantAdmins: ['owner', 'manager', 'assoc_admin'],
  /** Everyone in an association. */
  association: ASSOCIATION_ROLES,
  /** The association's administrators (invite codes, members). */
  associationAdmins: ['assoc_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/** Whether this role belongs to the named group. */
export function inRoleGroup(role: string, group: RoleGroup): boolean {
  return (ROLE_GROUPS[group] as readonly string[]).includes(role);
}

/** Roles that administer a tenant: manage team, settings, and read the audit log. */
export const ADMIN_ROLES: readonly Role[] = ROLE_GROUPS.tenantAdmins;

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Practice manager',
  staff: 'Front desk / staff',
  provider: 'Provider',
  billing: 'Billing',
  assoc_admin: 'Association admin',
  analyst: 'Analyst',
};

/** The roles a tenant of this kind may grant. */
export function rolesForKind(kind: TenantKind): readonly Role[] {
  return kind === 'practice' ? PRACTICE_ROLES : ASSOCIATION_ROLES;
}

/** The role that owns a tenant of this kind (cannot be removed when last). */
export function ownerRoleFor(kind: TenantKind): Role {
  return kind === 'practice' ? 'owner' : 'assoc_admin';
}

/**
 * The roles this caller may give someone (by invitation or a role change): the tenant's roles,
 * less the owner role unless the caller holds it. Mirrors the team service's checks.
 */
export function grantableRoles(kind: TenantKind, callerRole: Role): readonly Role[] {
  const owner = ownerRoleFor(kind);
  return rolesForKind(kind).filter((r) => r !== owner || callerRole === owner);
}

/** Whether the caller may change this member's role or (de)activate them: only an owner touches an owner. */
export function canManageMember(kind: TenantKind, callerRole: Role, memberRole: Role): boolean {
  return memberRole !== ownerRoleFor(kind) || callerRole === ownerRoleFor(kind);
}
