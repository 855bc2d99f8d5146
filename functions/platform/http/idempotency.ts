import { createHash } from 'node:crypto';
import { type Key, systemKeys, tenantKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import { badRequest, conflict } from '../errors.ts';

const TTL_SECONDS = 24 * 3600;
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

interface Record {
  requestHash: string;
  state: 'pending' | 'done';
  status?: number;
  body?: string;
}

export interface Replay {
  status: number;
  body: string;
}

/**
 * Idempotency-Key handling for POSTs: the first request claims the key; a replay with the
 * same request gets the first response; the same key with a different request is a 409.
 */
export class Idempotency {
  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number,
  ) {}

  /** Claims the key or returns the stored response. */
  async begin(scope: { tenantId?: string; route: string; key: string; request: string }) {
    if (!KEY_PATTERN.test(scope.key)) {
      throw badRequest('Idempotency-Key must be 8–100 letters, digits, - or _');
    }
    const key = this.keyFor(scope);
    const requestHash = createHash('sha256').update(scope.request).digest('base64url');
    try {
      await this.store.transact([
        {
          kind: 'create',
          item: {
            ...key,
            requestHash,
            state: 'pending',
            expiresAt: Math.floor(this.nowMs() / 1000) + TTL_SECONDS,
          },
        },
      ]);
      return { key, replay: undefined };
    } catch (err) {
      const existing = await this.store.get<Record>(key);
      if (!existing) throw err;
      if (existing.requestHash !== requestHash) {
        throw conflict('This Idempotency-Key was already used for a different request');
      }
      if (existing.state === 'pending')
        throw conflict('The first request with this Idempotency-Key is still running');
      return { key, replay: { status: existing.status!, body: existing.body! } satisfies Replay };
    }
  }

  /** Stores a success for replay, or releases the key so a corrected request may retry. */
  async finish(key: Key, status: number, body: string): Promise<void> {
    if (status >= 200 && status < 300) {
      await this.store.transact([
        {
          kind: 'update',
          key,
          set: { state: 'done', status, body },
        },
      ]);
    } else {
      await this.store.transact([{ kind: 'delete', key }]);
    }
  }

  private keyFor(scope: { tenantId?: string; route: string; key: string }): Key {
    return scope.tenantId
      ? tenantKeys.idempotency({ tenantId: scope.tenantId }, scope.route, scope.key)
      : systemKeys.publicIdempotency(scope.route, scope.key);
  }
}
