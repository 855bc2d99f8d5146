import type {
  PasswordResetConfirm,
  PasswordResetPreview,
  PasswordResetRequest,
} from '../../../../shared/schemas/auth.ts';
import { api } from '../../lib/api.ts';

/** POST /auth/password-reset: answered the same whether or not the email has an account. */
export function requestPasswordReset(email: PasswordResetRequest['email']): Promise<{ message: string }> {
  return api('/auth/password-reset', { method: 'POST', body: { email }, auth: false });
}

/** GET /auth/password-reset/:token: 404 unknown, 409 used, 400 expired. */
export function previewPasswordReset(token: string): Promise<PasswordResetPreview> {
  return api(`/auth/password-reset/${encodeURIComponent(token)}`, { auth: false });
}

export function confirmPasswordReset(body: PasswordResetConfirm): Promise<void> {
  return api('/auth/password-reset/confirm', { method: 'POST', body, auth: false });
}
