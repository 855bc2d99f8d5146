import { ApiError } from './api.ts';

/** A versioned write refused because someone else saved first (409 from a stale `version`). */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'stale_version';
}

export const STALE_MESSAGE = 'Someone else changed this; reloaded';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Try again.';
}
