import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
let lastRandom: number[] = [];

/** A ULID: 48-bit time + 80-bit randomness, Crockford base32, monotonic within a millisecond. */
export function newId(now = Date.now()): string {
  let random: number[];
  if (now === lastTime) {
    random = increment(lastRandom);
  } else {
    random = [...randomBytes(16)].map((b) => b % 32);
  }
  lastTime = now;
  lastRandom = random;
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((n) => ALPHABET[n]).join('');
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/** The smallest ULID at a given time: a sort-key bound for time-range queries. */
export function idFloor(time: number): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return `${out}${'0'.repeat(16)}`;
}

/** A URL-safe secret token (invites, refresh tokens). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
