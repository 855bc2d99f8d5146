import { type Key, systemKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import { tooManyRequests } from '../errors.ts';

const WINDOW_MS = 15 * 60 * 1000;
/** Reset mails one address gets per window; the links already sent keep working. */
const MAILS_PER_EMAIL = 3;
/** Reset requests one client address may make per window, for any addresses. */
const REQUESTS_PER_IP = 20;

/**
 * Password-reset requests counted per email and per client address in fixed 15-minute windows,
 * in the table (every Lambda container sees the same counts), apart from the sign-in counters
 * so asking for a link never locks anyone out of signing in.
 *
 * Over the client limit the caller gets 429; over the email limit the request is answered as
 * usual but no more mail is sent: a 429 there would let anyone stop a user's reset by asking
 * for it first, and a different answer would tell which emails have accounts.
 */
export class ResetThrottle {
  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number,
  ) {}

  /** Counts one request; throws 429 over the client limit; false when this email had its mails. */
  async hit(email: string, ip: string): Promise<{ mayMail: boolean }> {
    const [byIp, byEmail] = await Promise.all([
      this.bump(systemKeys.resetThrottle('ip', ip)),
      this.bump(systemKeys.resetThrottle('email', email)),
    ]);
    if (byIp.count > REQUESTS_PER_IP) {
      const wait = Math.max(1, Math.ceil((byIp.windowStart + WINDOW_MS - this.nowMs()) / 1000));
      throw tooManyRequests(wait, `Too many reset requests. Try again in ${Math.ceil(wait / 60)} minute(s).`);
    }
    return { mayMail: byEmail.count <= MAILS_PER_EMAIL };
  }

  private async bump(key: Key): Promise<{ count: number; windowStart: number }> {
    const now = this.nowMs();
    const counter = await this.store.increment(key, now, WINDOW_MS / 1000);
    if (counter.windowStart + WINDOW_MS > now) return counter;
    // The old window ended (TTL deletion lags): start a fresh one with this request.
    const fresh = { count: 1, windowStart: now };
    await this.store.put({ ...key, ...fresh, expiresAt: Math.floor((now + WINDOW_MS) / 1000) });
    return fresh;
  }
}
