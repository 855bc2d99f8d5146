import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { WireError } from '../../../shared/errors.ts';
import { AppError } from '../errors.ts';
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
    return c.json(body, e.status as 400, e.headers);
  };
}

function toAppError(err: Error): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', 'The request body is too large');
    if (err.status === 400) return new AppError('bad_request', 'The request could not be read');
  }
  return undefined;
}
