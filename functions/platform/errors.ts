import { ERROR_STATUS, type ErrorCode, type FieldIssue, type WireError } from '../../shared/errors.ts';

/** A failure the client caused or may act on; mapped to the wire error by the one onError. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    readonly headers?: Record<string, string>,
    /** Extra wire fields for this error (`challenge` on mfa_required). */
    readonly extra?: Pick<WireError['error'], 'challenge'>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const validationFailed = (details: FieldIssue[], message = 'Some fields are invalid') =>
  new AppError('validation_failed', message, details);
export const badRequest = (message: string) => new AppError('bad_request', message);
export const unauthorized = (message = 'Sign in again to continue') => new AppError('unauthorized', message);
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', message);
export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
export const outsideHours = (message: string) => new AppError('outside_hours', message);
/**
 * A body over the limit is refused without being read to its end, so the connection closes behind
 * the refusal: the unread bytes must not be taken for the next request on a keep-alive connection.
 */
export const payloadTooLarge = (message: string) =>
  new AppError('payload_too_large', message, undefined, { Connection: 'close' });
export const staleVersion = () =>
  new AppError('stale_version', 'This item was changed by someone else. Reload and try again.');
export const preconditionFailed = () =>
  new AppError('precondition_failed', 'If-Match does not match the current version');
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  new AppError('too_many_requests', message, undefined, { 'Retry-After': String(retryAfterSeconds) });
export const unavailable = () =>
  new AppError('unavailable', 'The service is busy. Try again shortly.', undefined, { 'Retry-After': '2' });

/**
 * A write lost a race with a concurrent one on the same items (DynamoDB TransactionConflict,
 * or a version condition another request just satisfied first). Safe to re-read and retry.
 */
export class ContentionError extends AppError {
  constructor(message = 'Another change to the same records is in progress. Try again.') {
    super('conflict', message);
  }
}
