import type { FieldIssue, WireError } from '../../../shared/errors.ts';
import type { RefreshResponse } from '../../../shared/schemas/auth.ts';
import { tokens } from './tokens.ts';

/** A failed API call: the wire error's code, message, field details and request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];
  readonly requestId: string | undefined;
  /** Seconds from the Retry-After header (429, 503). */
  readonly retryAfter: number | undefined;
  /** mfa_required: what the code step of the sign-in answers. */
  readonly challenge: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { details?: FieldIssue[]; requestId?: string; retryAfter?: number; challenge?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = extra.details ?? [];
    this.requestId = extra.requestId;
    this.retryAfter = extra.retryAfter;
    this.challenge = extra.challenge;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Public routes (sign-in, sign-up, invitations) send no token and never refresh. */
  auth?: boolean;
}

/** Called when the session cannot be renewed; the app sends the user to /login. */
let onSessionEnded: () => void = () => {};
export function setSessionEndedHandler(fn: () => void): void {
  onSessionEnded = fn;
}

/** What renewing the access token came to: new tokens, no session (signed out), or no network. */
type Renewal = 'renewed' | 'signed-out' | 'offline';
let refreshing: Promise<Renewal> | null = null;

/**
 * Renews the in-memory access token with the refresh cookie (the browser sends it; the page never
 * sees it). Concurrent callers share one request.
 */
function renew(): Promise<Renewal> {
  if (refreshing) return refreshing;
  const legacy = tokens.takeLegacyRefresh();
  refreshing = send<RefreshResponse>('/auth/refresh', {
    method: 'POST',
    body: legacy ? { refreshToken: legacy } : {},
    auth: false,
  })
    .then((t): Renewal => {
      tokens.set(t);
      return 'renewed';
    })
    .catch((err: unknown): Renewal => {
      // A network failure keeps the session: it may still be valid once we are back online.
      if (err instanceof ApiError && err.status === 0) return 'offline';
      tokens.clear();
      return 'signed-out';
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * Whether this page holds an access token, after renewing it with the refresh cookie if need be
 * (sharing a renewal already under way). Lets a caller start signed-in reads beside /me.
 */
export async function hasAccess(): Promise<boolean> {
  if (tokens.access()) return true;
  if (tokens.signedOut()) return false;
  return (await renew()) === 'renewed';
}

const OFFLINE = 'Could not reach Rounds. Check your connection and try again.';

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send<T>(path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const access = tokens.access();
  if (opts.auth !== false && access) headers.authorization = `Bearer ${access}`;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', OFFLINE);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const wire = (data as Partial<WireError> | undefined)?.error;
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(res.status, wire?.code ?? 'http_error', wire?.message ?? defaultMessage(res.status), {
      details: wire?.details,
      requestId: wire?.requestId ?? res.headers.get('x-request-id') ?? undefined,
      retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
      challenge: wire?.challenge,
    });
  }
  return data as T;
}

function defaultMessage(status: number): string {
  if (status === 404) return 'Not found';
  if (status >= 500) return 'Something went wrong on our side. Try again shortly.';
  return `The request failed (HTTP ${status})`;
}

/**
 * Calls the API. Authenticated calls carry the in-memory access token; on a 401 the refresh
 * cookie is tried once, then the session ends and the app goes to /login.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (opts.auth === false) return send<T>(path, opts);
  if (!tokens.access()) {
    if (tokens.signedOut()) throw new ApiError(401, 'unauthorized', 'Sign in to continue.');
    // A new page (reload, new tab): only the cookie is left, if anyone is signed in at all.
    const renewal = await renew();
    if (renewal === 'offline') throw new ApiError(0, 'network', OFFLINE);
    if (renewal === 'signed-out') throw new ApiError(401, 'unauthorized', 'Sign in to continue.');
    return sendOrEnd<T>(path, opts);
  }
  try {
    return await send<T>(path, opts);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    const renewal = await renew();
    if (renewal === 'renewed') return sendOrEnd<T>(path, opts);
    if (renewal === 'signed-out') endSession();
    throw err;
  }
}

/** A call with a token just renewed: a 401 now means the session is over. */
async function sendOrEnd<T>(path: string, opts: RequestOptions): Promise<T> {
  try {
    return await send<T>(path, opts);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) endSession();
    throw err;
  }
}

function endSession(): void {
  tokens.clear();
  onSessionEnded();
}
