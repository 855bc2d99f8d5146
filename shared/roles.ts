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
