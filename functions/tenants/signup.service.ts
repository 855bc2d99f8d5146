import { ownerRoleFor } from '../../shared/roles.ts';
import type { SignupInput, SignupResult } from '../../shared/schemas/tenants.ts';
import { DEFAULT_BRANDING } from '../../shared/schemas/tenants.ts';
import { rollupRepo } from '../platform/benchmarks/benchmarks.repo.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, validationFailed } from '../platform/errors.ts';
import { passwordWeakness } from '../platform/identity/passwords.ts';
import { newId } from '../platform/ids.ts';
import type { Platform } from '../platform/platform.ts';
import { zoneListingOps } from '../platform/today/zone-listing.ts';
import { directoryRepo, type TenantItem, tenantRepo, type UserItem, userRepo } from './tenants.repo.ts';

export const emailTaken = () => conflict('An account with this email already exists. Sign in instead.');

/** Rejects weak passwords with a field error at `path`. */
export function assertStrongPassword(password: string, who: { email: string; name: string }, path: string) {
  const weakness = passwordWeakness(password, who);
  if (weakness) throw validationFailed([{ path, message: weakness }]);
}

/**
 * Creates a tenant (practice or association) with its owner. The login is created first:
 * without its directory entry it cannot sign in, and it is removed if the tenant write fails.
 */
export async function signUp(p: Platform, input: SignupInput, requestId: string): Promise<SignupResult> {
  const email = input.owner.email.toLowerCase();
  assertStrongPassword(input.owner.password, { email, name: input.owner.name }, 'owner.password');
  const now = p.clock.now().toISOString();
  const tenantId = newId();
  const userId = newId();
  const profile = input.kind === 'practice' ? input.practice : input.association;
  const tenant: TenantItem = {
    id: tenantId,
    kind: input.kind,
    ...profile,
    branding: DEFAULT_BRANDING,
    activeOwners: 1,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const role = ownerRoleFor(input.kind);
  const user: UserItem = {
    id: userId,
    name: input.owner.name,
    email,
    role,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
  const db = new TenantDb(p.store, { tenantId }, { userId, name: user.name, role }, requestId, p.clock);
  await p.identity.createLogin({ email, password: input.owner.password, userId });
  try {
    await db.writeWithPlatformItems(
      [tenantRepo.createOp(db, tenant), userRepo.createOp(db, user)],
      [
        directoryRepo.createOp({ email, userId, tenantId }, emailTaken),
        ...(input.kind === 'practice'
          ? zoneListingOps(tenantId, input.practice.timeZone)
          : [rollupRepo.listingOp({ associationId: tenantId, timeZone: input.association.timeZone })]),
      ],
      {
        action: 'tenant.signup',
        entityType: 'tenant',
        entityId: tenantId,
        summary: `Signed up ${input.kind} "${profile.name}"`,
      },
    );
  } catch (err) {
    await p.identity.deleteLogin(email);
    throw err;
  }
  return { tenantId, userId, kind: input.kind };
}
