/** Tenant kinds and the roles each kind admits. Shared by API role checks and the web navigation. */
export const TENANT_KINDS = ['practice', 'association'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const PRACTICE_ROLES = ['owner', 'manager', 'staff', 'provider', 'billing'] as const;
export const ASSOCIATION_ROLES = ['assoc_admin', 'analyst'] as const;
export const ROLES = [...PRACTICE_ROLES, ...ASSOCIATION_ROLES] as const;
export type PracticeRole = (typeof PRACTICE_ROLES)[number];
export type AssociationRole = (typeof ASSOCIATION_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Roles that administer a tenant: manage team, settings, and read the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['owner', 'manager', 'assoc_admin'];

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
