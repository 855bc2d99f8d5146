import { randomBytes } from 'node:crypto';
import type { Key } from './keys.ts';
import type { Store } from './store.ts';

/**
 * Reads a platform secret from the table, creating a random one on first start. Every
 * container and process then shares it without a secret in any environment variable.
 */
export async function loadOrCreateSecret(store: Store, key: Key): Promise<string> {
  const existing = await store.get<{ value: string }>(key);
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  try {
    await store.transact([{ kind: 'create', item: { ...key, value } }]);
    return value;
  } catch {
    // Another container created it first: use theirs so cursors verify everywhere.
    const winner = await store.get<{ value: string }>(key);
    if (!winner) throw new Error('Platform secret could not be read or created');
    return winner.value;
  }
}
