import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/platform/config.ts';
import { decodeCursor, encodeCursor } from '../../functions/platform/db/cursor.ts';
import {
  hashPassword,
  passwordWeakness,
  verifyPassword,
} from '../../functions/platform/identity/passwords.ts';
import { idFloor, newId } from '../../functions/platform/ids.ts';
import { createLogger } from '../../functions/platform/logger.ts';

describe('ids', () => {
  it('are time-sortable ULIDs, monotonic within a millisecond', () => {
    const ids = Array.from({ length: 50 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(newId(1_700_000_000_001) > ids[49]!).toBe(true);
    expect(idFloor(1_700_000_000_000) <= ids[0]!).toBe(true);
    expect(ids[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('cursors', () => {
  const key = { PK: 'T#a#ORG', SK: 'USER#1' };
  it('round-trip for the same partition', () => {
    expect(
      decodeCursor('secret-secret-secret', 'T#a#ORG', encodeCursor('secret-secret-secret', 'T#a#ORG', key)),
    ).toEqual(key);
  });
  it('are refused for another tenant, a forged signature or another secret', () => {
    const cursor = encodeCursor('secret-secret-secret', 'T#a#ORG', key);
    expect(() => decodeCursor('secret-secret-secret', 'T#b#ORG', cursor)).toThrow(/invalid/);
    const [payload] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: 'T#b#ORG', k: key })).toString('base64url')}.${cursor.split('.')[1]}`;
    expect(() => decodeCursor('secret-secret-secret', 'T#b#ORG', forged)).toThrow(/invalid/);
    expect(() => decodeCursor('other-secret-secret!', 'T#a#ORG', cursor)).toThrow(/invalid/);
    expect(() => decodeCursor('secret-secret-secret', 'T#a#ORG', `${payload}`)).toThrow(/invalid/);
  });
});

describe('passwords', () => {
  it('hash with scrypt and verify only the right password', async () => {
    const hash = await hashPassword('a long passphrase here');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('a long passphrase here', hash)).toBe(true);
    expect(await verifyPassword('a long passphrase herE', hash)).toBe(false);
  });
  it('flag common passwords, repeated characters and the user’s own name or email', () => {
    expect(passwordWeakness('Password1234', { email: 'a@b.c' })).toMatch(/common/);
    expect(passwordWeakness('aaaaaaaaaaaaaa', { email: 'a@b.c' })).toMatch(/different characters/);
    expect(passwordWeakness('jsmith-is-great', { email: 'jsmith@clinic.test' })).toMatch(/email/);
    expect(passwordWeakness('MariaLopez!2026', { email: 'x@y.z', name: 'Maria Lopez' })).toMatch(/name/);
    expect(passwordWeakness('violet-harbor-lantern', { email: 'x@y.z', name: 'Maria Lopez' })).toBeNull();
  });
});

describe('config', () => {
  it('has working local defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      runtime: 'local',
      port: 3000,
      tableName: 'rounds',
      userPoolId: 'us-east-1_LocalPool1',
    });
  });
  it('explains invalid values in one line', () => {
    expect(() => loadConfig({ PORT: 'abc', DYNAMODB_ENDPOINT: 'not a url' })).toThrow(
      /Invalid configuration: PORT: .*DYNAMODB_ENDPOINT/,
    );
  });
});

describe('logger', () => {
  it('writes one JSON object per line at or above its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (l) => lines.push(l));
    log.info('hidden');
    log.warn('shown', { tenant: 't1' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'shown', tenant: 't1' });
  });
});
