import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../errors.ts';

/**
 * Opaque list cursors: the LastEvaluatedKey plus the partition it belongs to, HMAC-signed.
 * Binding to the partition (which starts with the tenant id) means a cursor from one
 * tenant or list is refused by any other.
 */
export function encodeCursor(secret: string, partition: string, lastKey: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify({ p: partition, k: lastKey })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** Returns the ExclusiveStartKey, or throws 400 when the cursor is forged or belongs elsewhere. */
export function decodeCursor(secret: string, partition: string, cursor: string): Record<string, unknown> {
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature) throw invalid();
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    p: string;
    k: Record<string, unknown>;
  };
  if (decoded.p !== partition) throw invalid();
  return decoded.k;
}

/**
 * Refuses a start key outside the query's sort-key range: the cursor is bound to the partition only,
 * so one from the same list with other bounds (e.g. other dates of service) would otherwise reach
 * DynamoDB, which rejects it as a server error instead of the client's mistake it is.
 */
export function assertCursorInRange(
  start: Record<string, unknown>,
  skName: string,
  range: { skPrefix?: string; skBetween?: [string, string] },
): void {
  const sk = start[skName];
  if (typeof sk !== 'string') throw invalid();
  if (range.skPrefix !== undefined && !sk.startsWith(range.skPrefix)) throw invalid();
  if (range.skBetween && (sk < range.skBetween[0] || sk > range.skBetween[1])) throw invalid();
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');
const invalid = () => badRequest('The page cursor is invalid or belongs to another list');
