import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { WireError } from '../../../shared/errors.ts';
import { AppError, payloadTooLarge } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';

/** The one error mapper: typed app errors become the wire error; anything else is a bare 500. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context<AppEnv>): Response => {
    const requestId = c.get('requestId') ?? 'unknown';
    const appError = toAppError(err);
    if (!appError) {
      logger.error('request.failed', {
        requestId,
        error: err.name,
        detail: String(err.message).slice(0, 300),
      });
    }
    const e = appError ?? new AppError('internal', 'Something went wrong on our side. Try again shortly.');
    const body: WireError = {
      error: {
        code: e.code,
        message: e.message,
        ...(e.details ? { details: e.details } : {}),
        ...e.extra,
        requestId,
      },
    };
    const headers = bodyUnread(c) ? { ...e.headers, Connection: 'close' } : e.headers;
    return c.json(body, e.status as 400, headers);
  };
}

/**
 * A request refused before its body was read (no token, wrong role, unknown path, not JSON): the
 * connection closes behind the refusal, so the unread bytes are not taken for the next request on
 * a keep-alive connection and the host never drops the socket under the client's next request.
 */
const bodyUnread = (c: Context<AppEnv>) => c.req.raw.body !== null && !c.req.raw.bodyUsed;

function toAppError(err: Error): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return payloadTooLarge('The request body is too large');
    if (err.status === 400) return new AppError('bad_request', 'The request could not be read');
  }
  return undefined;
}
