import { createHash } from 'node:crypto';
import { badRequest } from '../errors.ts';

/**
 * Cursors for lists cut from one bounded read (a practice's staff directory): the offset of the next
 * page, bound to a digest of the query's filters and sort, so a cursor from another ordering of the
 * same list is refused instead of skipping or repeating rows. Nothing secret is in it: the offset
 * only moves within the caller's own list.
 */

const digest = (signature: string) => createHash('sha256').update(signature).digest('base64url').slice(0, 12);

/** The cursor for the page starting at `offset` of the list described by `signature`. */
export function encodeOffset(offset: number, signature: string): string {
  return `${offset}.${digest(signature)}`;
}

/** The offset a cursor names; 400 when it is malformed or belongs to another query. */
export function decodeOffset(cursor: string, signature: string): number {
  const [n, d] = cursor.split('.');
  if (!n || !/^\d{1,6}$/.test(n) || d !== digest(signature)) {
    throw badRequest('That list position is out of date: load the list again');
  }
  return Number(n);
}
