import { query, revalidate } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  CreateInviteCode,
  InviteCode,
  JoinPreview,
  Member,
  MemberOrder,
  Membership,
} from '../../../../shared/schemas/membership.ts';
import { api } from '../../lib/api.ts';

export const listMemberships = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<Membership>>('/memberships', { query: { cursor, limit } }),
  'memberships',
);

export const listAssociationMembers = query(
  (cursor: string | undefined, limit: number, order: MemberOrder) =>
    api<Page<Member>>('/association/members', { query: { cursor, limit, order } }),
  'assocMembers',
);

export const listCodes = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<InviteCode>>('/association/codes', { query: { cursor, limit } }),
  'assocCodes',
);

export function previewJoin(code: string): Promise<JoinPreview> {
  return api<JoinPreview>('/memberships/preview', { method: 'POST', body: { code } });
}

export async function join(body: {
  code: string;
  consent: true;
  consentVersion: string;
}): Promise<Membership> {
  const m = await api<Membership>('/memberships', { method: 'POST', body });
  await revalidate(listMemberships.key);
  return m;
}

export async function leave(associationId: string): Promise<void> {
  try {
    await api<void>(`/memberships/${encodeURIComponent(associationId)}`, { method: 'DELETE' });
  } finally {
    await revalidate(listMemberships.key);
  }
}

export async function createCode(body: CreateInviteCode): Promise<InviteCode> {
  const code = await api<InviteCode>('/association/codes', { method: 'POST', body });
  await revalidate(listCodes.key);
  return code;
}

export async function revokeCode(code: string): Promise<InviteCode> {
  try {
    return await api<InviteCode>(`/association/codes/${encodeURIComponent(code)}/revoke`, { method: 'POST' });
  } finally {
    await revalidate(listCodes.key);
  }
}
