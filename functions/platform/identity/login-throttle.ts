import { systemKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import { tooManyRequests } from '../errors.ts';

const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { email: 5, ip: 20 } as const;

interface Counter {
  count: number;
  windowStart: number;
}

/**
 * Failed-login throttling per email and per client address, stored in the table so every
 * Lambda container sees the same counts. Fixed 15-minute windows.
 */
export class LoginThrottle {
  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number,
  ) {}

  /** Refuses with 429 and Retry-After while either counter is over its limit. */
  async check(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([
      this.store.get<Counter>(systemKeys.throttle('email', email)),
      this.store.get<Counter>(systemKeys.throttle('ip', ip)),
    ]);
    const wait = Math.max(this.waitSeconds(byEmail, LIMITS.email), this.waitSeconds(byIp, LIMITS.ip));
    if (wait > 0) {
      throw tooManyRequests(
        wait,
        `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.bump(systemKeys.throttle('email', email)),
      this.bump(systemKeys.throttle('ip', ip)),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.store.transact([{ kind: 'delete', key: systemKeys.throttle('email', email) }]);
  }

  private waitSeconds(counter: Counter | undefined, limit: number): number {
    if (!counter || counter.count < limit) return 0;
    const remaining = counter.windowStart + WINDOW_MS - this.nowMs();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  private async bump(key: { PK: string; SK: string }): Promise<void> {
    const now = this.nowMs();
    const counter = await this.store.increment(key, now, WINDOW_MS / 1000);
    if (counter.windowStart + WINDOW_MS <= now) {
      // The old window ended (TTL deletion lags): start a fresh one.
      await this.store.put({
        ...key,
        count: 1,
        windowStart: now,
        expiresAt: Math.floor((now + WINDOW_MS) / 1000),
      });
    }
  }
}
