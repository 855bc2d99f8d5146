import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBox } from '../../functions/platform/identity/secret-box.ts';
import {
  base32Decode,
  base32Encode,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from '../../functions/platform/identity/totp.ts';

/** RFC 6238 appendix B's SHA-1 key ("12345678901234567890"), in base32. */
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238: SHA-1, 6 digits, 30 s)', () => {
  it('computes the RFC test vectors (their 8-digit codes, last 6 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code8] of vectors) {
      expect(totpCode(RFC_SECRET, seconds * 1000), `T=${seconds}`).toBe(code8.slice(2));
    }
  });

  it('matches RFC 4226 HOTP values for counters 0..3', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 3].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '969429']);
  });

  it('accepts one step early or late, never two, and nothing that is not 6 digits', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 23, 9, 0, 15);
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now, -1), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now, 1), now)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, now, -2), now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now, 2), now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('refuses a step at or before `after` (no replay of a code that already signed in)', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 23, 9, 0, 15);
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, code, now, { after: totpStep(now) })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now, 1), now, { after: totpStep(now) })).toBe(
      totpStep(now) + 1,
    );
  });

  it('base32 round-trips, ignoring case, spaces and dashes; a new key is 160 bits', () => {
    const bytes = randomBytes(20);
    const text = base32Encode(bytes);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(text.toLowerCase().replace(/(.{4})/g, '$1 ')).equals(bytes)).toBe(true);
    expect(base32Decode(newTotpSecret())).toHaveLength(20);
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('writes the otpauth:// URI authenticator apps read', () => {
    const uri = otpauthUri({ issuer: 'Rounds', account: 'pat@clinic.test', secret: 'JBSWY3DPEHPK3PXP' });
    expect(uri).toBe(
      'otpauth://totp/Rounds:pat%40clinic.test?secret=JBSWY3DPEHPK3PXP&issuer=Rounds&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('secret box (AES-256-GCM for authenticator keys at rest)', () => {
  it('seals to text without the secret, opens it back, and refuses tampering or another key', () => {
    const box = secretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = `${v}.${iv}.${tag}.${data!.startsWith('A') ? 'B' : 'A'}${data!.slice(1)}`;
    expect(() => box.open(flipped)).toThrow();
    expect(() => secretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => secretBox(randomBytes(16))).toThrow();
  });
});
