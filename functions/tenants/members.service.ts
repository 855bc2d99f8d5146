import type { Page } from '../../shared/schemas/common.ts';
import type { User } from '../../shared/schemas/team.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { notFound } from '../platform/errors.ts';
import { strip, type UserItem, userRepo } from './tenants.repo.ts';

/**
 * Reading the team: what other domains import (Today's assignees and digest, documents' approvers
 * and signers, the setup guide). Kept apart from team.service.ts so a reader does not bundle the
 * invitation and password code (and its list of common passwords).
 */

/** Lists the tenant's users, one page at a time. */
export async function listUsers(
  db: TenantDb,
  opts: { limit: number; cursor?: string; status?: User['status'] },
) {
  const page = await userRepo.list(db, opts);
  return { items: page.items.map(toUser), nextCursor: page.nextCursor } satisfies Page<User>;
}

/** One active member of the tenant (Today reassigns items to people through this); 404 otherwise. */
export async function getActiveMember(db: TenantDb, id: string): Promise<User> {
  const item = await userRepo.get(db, id);
  if (item?.status !== 'active') throw notFound('Team member');
  return toUser(item);
}

/** A stored user as the API answers it. */
export function toUser(item: UserItem): User {
  const { updatedAt: _u, ...user } = strip<UserItem>(item as unknown as Record<string, unknown>);
  return user;
}
