import type { FieldIssue, WireError } from '../../../shared/errors.ts';
import type { TokenResponse } from '../../../shared/schemas/auth.ts';
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

let refreshing: Promise<boolean> | null = null;

/** Exchanges the stored refresh token for a new access token; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  const refreshToken = tokens.refresh();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= send<TokenResponse>('/auth/refresh', { method: 'POST', body: { refreshToken }, auth: false })
    .then((t) => {
      tokens.set(t);
      return true;
    })
    .catch((err: unknown) => {
      // A network failure keeps the token: the session may still be valid once we are back online.
      if (err instanceof ApiError && err.status !== 0) tokens.clear();
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

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
    throw new ApiError(0, 'network', 'Could not reach Rounds. Check your connection and try again.');
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
 * Calls the API. Authenticated calls carry the in-memory access token; on a 401 the
 * refresh token is tried once, then the session ends and the app goes to /login.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (opts.auth === false) return send<T>(path, opts);
  if (!tokens.access() && tokens.refresh()) await refreshSession();
  try {
    return await send<T>(path, opts);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    if (await refreshSession()) {
      try {
        return await send<T>(path, opts);
      } catch (retryErr) {
        if (retryErr instanceof ApiError && retryErr.status === 401) endSession();
        throw retryErr;
      }
    }
    endSession();
    throw err;
  }
}

function endSession(): void {
  tokens.clear();
  onSessionEnded();
}
