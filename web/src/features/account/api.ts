import type { ChangePassword, TokenResponse } from '../../../../shared/schemas/auth.ts';
import { api } from '../../lib/api.ts';
import { tokens } from '../../lib/tokens.ts';

/** POST /auth/password: the other sessions end; this one continues with the fresh tokens. */
export async function changePassword(body: ChangePassword): Promise<void> {
  const fresh = await api<TokenResponse>('/auth/password', { method: 'POST', body });
  tokens.set(fresh);
}

/** POST /auth/logout-all: every refresh token of the account is revoked, this one's too. */
export function signOutEverywhere(): Promise<void> {
  return api('/auth/logout-all', { method: 'POST' });
}
