import { type Key, systemKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import { tooManyRequests } from '../errors.ts';

const MINUTE_MS = 60 * 1000;

/**
 * The rules, in one place:
 * - One account from one client address: the first `free` failures cost nothing; after that each
 *   failure makes that address wait before its next try, doubling from `firstWaitSeconds` up to
 *   `maxWaitSeconds`. The count starts over `windowMs` after its first failure, or on a sign-in.
 *   Other addresses are not slowed, so guessing at someone's email cannot lock them out.
 * - One client address, any accounts: at most `limit` failures per `windowMs` (password spraying).
 * - One account, any addresses: the `warnAt`-th failure in a `windowMs` window (exactly one per
 *   window, the count is atomic) tells the account holder by email. It never blocks.
 */
export const LOGIN_THROTTLE = {
  pair: { free: 5, firstWaitSeconds: 60, maxWaitSeconds: 15 * 60, windowMs: 60 * MINUTE_MS },
  address: { limit: 20, windowMs: 15 * MINUTE_MS },
  account: { warnAt: 5, windowMs: 15 * MINUTE_MS },
} as const;

interface Counter {
  count: number;
  windowStart: number;
  lastAt?: number;
}

/** What a failure added up to for the account, across addresses. */
export interface FailureRecord {
  /** Failures to this account in the current window, from any address. */
  accountFailures: number;
  /** When the account's current window began (ms). */
  windowStart: number;
  /** True for exactly one failure per window: the one that should warn the account holder. */
  warn: boolean;
}

/**
 * Failed-login throttling, stored in the table so every Lambda container sees the same counts.
 * It slows down one account + address pair instead of locking the account (see LOGIN_THROTTLE).
 */
export class LoginThrottle {
  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number,
  ) {}

  /** Refuses with 429 and Retry-After while this address must wait for this account, or is over its limit. */
  async check(email: string, ip: string): Promise<void> {
    const [pair, byIp] = await Promise.all([
      this.store.get<Counter>(systemKeys.throttlePair(email, ip)),
      this.store.get<Counter>(systemKeys.throttle('ip', ip)),
    ]);
    const wait = Math.max(this.pairWaitSeconds(pair), this.addressWaitSeconds(byIp));
    if (wait > 0) {
      throw tooManyRequests(
        wait,
        `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<FailureRecord> {
    const { pair, address, account } = LOGIN_THROTTLE;
    const [, , byAccount] = await Promise.all([
      this.bump(systemKeys.throttlePair(email, ip), pair.windowMs),
      this.bump(systemKeys.throttle('ip', ip), address.windowMs),
      this.bump(systemKeys.throttle('email', email), account.windowMs),
    ]);
    return {
      accountFailures: byAccount.count,
      windowStart: byAccount.windowStart,
      warn: byAccount.count === account.warnAt,
    };
  }

  /** A sign-in clears the slow-down of the address it came from; the account's count stays for warnings. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.store.transact([{ kind: 'delete', key: systemKeys.throttlePair(email, ip) }]);
  }

  /** Seconds this address still waits for this account: doubling per failure past the free ones. */
  private pairWaitSeconds(counter: Counter | undefined): number {
    const { free, firstWaitSeconds, maxWaitSeconds, windowMs } = LOGIN_THROTTLE.pair;
    const now = this.nowMs();
    if (!counter || counter.count < free || counter.windowStart + windowMs <= now) return 0;
    const waitMs = Math.min(firstWaitSeconds * 2 ** (counter.count - free), maxWaitSeconds) * 1000;
    const remaining = (counter.lastAt ?? counter.windowStart) + waitMs - now;
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  private addressWaitSeconds(counter: Counter | undefined): number {
    const { limit, windowMs } = LOGIN_THROTTLE.address;
    if (!counter || counter.count < limit) return 0;
    const remaining = counter.windowStart + windowMs - this.nowMs();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  private async bump(key: Key, windowMs: number): Promise<Counter> {
    const now = this.nowMs();
    const counter = await this.store.increment(key, now, windowMs / 1000);
    if (counter.windowStart + windowMs <= now) {
      // The old window ended (TTL deletion lags): start a fresh one.
      const fresh = { count: 1, windowStart: now, lastAt: now };
      await this.store.put({ ...key, ...fresh, expiresAt: Math.floor((now + windowMs) / 1000) });
      return fresh;
    }
    return counter;
  }
}
