import type { TokenResponse } from '../../../shared/schemas/auth.ts';

/**
 * The access token lives only in this page's memory. The refresh token is never seen by the page:
 * the server keeps it in an httpOnly cookie (`rounds_refresh`, Path=/api/auth, SameSite=Strict)
 * that only the auth routes receive, so an injected script cannot read it.
 */
let accessToken: string | null = null;
/** True once this page knows there is no session (signed out, or renewal refused): no refresh is tried. */
let signedOut = false;

/** Where earlier versions kept the refresh token; read once to move it into the cookie, then gone. */
const LEGACY_REFRESH_KEY = 'rounds.refresh';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const tokens = {
  access: (): string | null => accessToken,
  signedOut: (): boolean => signedOut,
  set(t: Pick<TokenResponse, 'accessToken'>): void {
    accessToken = t.accessToken;
    signedOut = false;
  },
  clear(): void {
    accessToken = null;
    signedOut = true;
    storage()?.removeItem(LEGACY_REFRESH_KEY);
  },
  /**
   * A refresh token an earlier version left in localStorage: it is removed at once and sent in
   * the next refresh's body, whose answer sets the cookie (so an upgrade does not sign anyone out).
   */
  takeLegacyRefresh(): string | undefined {
    const legacy = storage()?.getItem(LEGACY_REFRESH_KEY) ?? undefined;
    if (legacy) storage()?.removeItem(LEGACY_REFRESH_KEY);
    return legacy;
  },
};
