import type { TokenResponse } from '../../../shared/schemas/auth.ts';

/** Where the refresh token survives a reload. The access token lives only in memory. */
export const REFRESH_KEY = 'rounds.refresh';

let accessToken: string | null = null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const tokens = {
  access: (): string | null => accessToken,
  refresh: (): string | null => storage()?.getItem(REFRESH_KEY) ?? null,
  set(t: Pick<TokenResponse, 'accessToken' | 'refreshToken'>): void {
    accessToken = t.accessToken;
    storage()?.setItem(REFRESH_KEY, t.refreshToken);
  },
  clear(): void {
    accessToken = null;
    storage()?.removeItem(REFRESH_KEY);
  },
};
