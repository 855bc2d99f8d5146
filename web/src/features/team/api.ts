import { query, revalidate } from '@solidjs/router';
import type { Role } from '../../../../shared/roles.ts';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Invite, InviteInput, User } from '../../../../shared/schemas/team.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

export type StatusFilter = 'active' | 'deactivated' | 'all';

export const listTeam = query(
  (status: StatusFilter, cursor: string | undefined, limit: number) =>
    api<Page<User>>('/team', { query: { status: status === 'all' ? undefined : status, cursor, limit } }),
  'team',
);

export const listInvites = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<Invite>>('/team/invites', { query: { cursor, limit } }),
  'invites',
);

export function changeRole(userId: string, role: Role, version: number): Promise<User> {
  return mutate(
    api<User>(`/team/${encodeURIComponent(userId)}/role`, { method: 'PATCH', body: { role, version } }),
    listTeam.key,
  );
}

export function setActive(user: User, active: boolean): Promise<User> {
  const verb = active ? 'reactivate' : 'deactivate';
  return mutate(
    api<User>(`/team/${encodeURIComponent(user.id)}/${verb}`, {
      method: 'POST',
      body: { version: user.version },
    }),
    listTeam.key,
  );
}

export async function invite(body: InviteInput): Promise<Invite> {
  const created = await api<Invite>('/team/invites', { method: 'POST', body });
  await revalidate([listInvites.key, 'outbox']);
  return created;
}

export function revokeInvite(id: string): Promise<Invite> {
  return mutate(
    api<Invite>(`/team/invites/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    listInvites.key,
  );
}
