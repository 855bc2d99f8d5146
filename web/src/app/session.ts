import { createSignal } from 'solid-js';
import type { Me, MfaLogin, TokenResponse } from '../../../shared/schemas/auth.ts';
import { ApiError, api } from '../lib/api.ts';
import { tokens } from '../lib/tokens.ts';

/** The signed-in user and tenant (GET /api/me), or null when signed out. */
const [me, setMe] = createSignal<Me | null>(null);

export { me };

let loading: Promise<Me | null> | null = null;

/**
 * Resolves the session on entering /app: uses the in-memory access token, or renews it with the
 * refresh cookie. Null means "not signed in". Other failures (network, 5xx) throw.
 */
export function ensureSession(): Promise<Me | null> {
  const current = me();
  if (current) return Promise.resolve(current);
  // Signed out in this page (or renewal refused): nothing to renew.
  if (tokens.signedOut()) return Promise.resolve(null);
  loading ??= api<Me>('/me')
    .then((m) => {
      setMe(m);
      return m;
    })
    .catch((err: unknown) => {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        tokens.clear();
        return null;
      }
      throw err;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/**
 * Signs in with email and password. An account with two-factor sign-in answers mfa_required:
 * the ApiError then carries the `challenge` that `logInWithCode` answers.
 */
export async function logIn(email: string, password: string): Promise<Me> {
  const t = await api<TokenResponse>('/auth/login', {
    method: 'POST',
    body: { email, password },
    auth: false,
  });
  return startSession(t);
}

/** The code step of a sign-in: the authenticator code or a recovery code. */
export async function logInWithCode(body: MfaLogin): Promise<Me> {
  const t = await api<TokenResponse>('/auth/login/mfa', { method: 'POST', body, auth: false });
  return startSession(t);
}

async function startSession(t: TokenResponse): Promise<Me> {
  tokens.set(t);
  const m = await api<Me>('/me');
  setMe(m);
  return m;
}

/** Revokes the session's refresh token (the cookie, which the answer clears) and forgets the access token. */
export async function logOut(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST', body: {}, auth: false });
  } catch {
    // Signing out locally matters more than the server call; the token expires anyway.
  } finally {
    clearSession();
  }
}

export function clearSession(): void {
  tokens.clear();
  setMe(null);
}

/** Keeps the shell in step after a profile rename. */
export function setTenantName(name: string): void {
  const m = me();
  if (m) setMe({ ...m, tenant: { ...m.tenant, name } });
}

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeNext(next: string | undefined | null): string {
  return next && /^\/app(\/|$|\?)/.test(next) ? next : '/app';
}
