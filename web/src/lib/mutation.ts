import { revalidate } from '@solidjs/router';

/**
 * Runs a change, then re-reads the cached queries it touched — also when it fails, since a
 * stale version usually means someone else changed the same record.
 */
export async function mutate<T>(call: Promise<T>, keys: string | string[]): Promise<T> {
  try {
    return await call;
  } finally {
    await revalidate(keys);
  }
}
