const INTERNAL = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type']);

/**
 * Drops key and bookkeeping attributes: items are stored as their DTO plus keys, so what is
 * left is the DTO. (`expiresAt` stays: invites keep an ISO string there, which TTL ignores.)
 */
export function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k))) as T;
}
