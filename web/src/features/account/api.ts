import type {
  ChangePassword,
  MfaStatus,
  RecoveryCodes,
  TokenResponse,
  TotpConfirm,
  TotpDisable,
  TotpEnrolment,
} from '../../../../shared/schemas/auth.ts';
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

/** GET /auth/mfa: whether two-factor sign-in is on, and the recovery codes left. */
export function getMfaStatus(): Promise<MfaStatus> {
  return api('/auth/mfa');
}

/** POST /auth/mfa/totp: a new key for the authenticator app (nothing changes at sign-in yet). */
export function startTotp(): Promise<TotpEnrolment> {
  return api('/auth/mfa/totp', { method: 'POST' });
}

/** POST /auth/mfa/totp/confirm: on with a current code; the recovery codes come back once. */
export function confirmTotp(body: TotpConfirm): Promise<RecoveryCodes> {
  return api('/auth/mfa/totp/confirm', { method: 'POST', body });
}

/** POST /auth/mfa/totp/disable: off with a current code or the password. */
export function disableTotp(body: TotpDisable): Promise<void> {
  return api('/auth/mfa/totp/disable', { method: 'POST', body });
}
