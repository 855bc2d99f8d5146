import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { TokenResponse } from '../../../shared/schemas/auth.ts';

/**
 * The browser's refresh token lives in an httpOnly cookie that only the auth routes receive, so
 * no script in the page can read it (the access token stays in the page's memory). Non-browser
 * clients keep sending the refresh token in the body; the cookie is then set too and ignored.
 */
export const REFRESH_COOKIE = 'rounds_refresh';
/** Only /api/auth/* (refresh, logout, ...) receives it; no other API route sees the token. */
export const REFRESH_COOKIE_PATH = '/api/auth';
/** As long as a refresh token lives (local issuer and the Cognito app client: 30 days). */
const MAX_AGE_SECONDS = 30 * 24 * 3600;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure everywhere except plain http to this machine (local development and tests). */
export function cookieMustBeSecure(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !(protocol === 'http:' && LOCAL_HOSTS.has(hostname));
}

function options(c: Context) {
  return {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    secure: cookieMustBeSecure(c.req.url),
    sameSite: 'Strict' as const,
  };
}

export function setRefreshCookie(c: Context, refreshToken: string): void {
  setCookie(c, REFRESH_COOKIE, refreshToken, { ...options(c), maxAge: MAX_AGE_SECONDS });
}

export function clearRefreshCookie(c: Context): void {
  deleteCookie(c, REFRESH_COOKIE, options(c));
}

/** Sets the cookie from a sign-in's tokens; the body keeps the refresh token for API clients. */
export async function withRefreshCookie(c: Context, answer: Promise<TokenResponse>): Promise<TokenResponse> {
  const tokens = await answer;
  setRefreshCookie(c, tokens.refreshToken);
  return tokens;
}

/**
 * A refresh's answer: the cookie renewed, and the refresh token in the body only for a client
 * that sent it in the body.
 */
export function refreshAnswer(c: Context, tokens: TokenResponse, fromCookie: boolean) {
  setRefreshCookie(c, tokens.refreshToken);
  if (!fromCookie) return tokens;
  const { refreshToken: _kept, ...rest } = tokens;
  return rest;
}

/**
 * The refresh token a request presents: the body's (API clients) or else the cookie's (browsers).
 * `fromCookie` answers must leave the token out of the body, or a script could read it there.
 */
export function presentedRefreshToken(
  c: Context,
  body: { refreshToken?: string },
): { token: string | undefined; fromCookie: boolean } {
  if (body.refreshToken !== undefined) return { token: body.refreshToken, fromCookie: false };
  return { token: getCookie(c, REFRESH_COOKIE) || undefined, fromCookie: true };
}
