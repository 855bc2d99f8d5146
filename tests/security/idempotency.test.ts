import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
  uniqueEmail,
} from '../support/app.ts';
import { LOCATION } from './fixture.ts';

let t: TestApp;
let a: Session;
let b: Session;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpPractice(t, 'Idem A');
  b = await signUpPractice(t, 'Idem B');
});

const post = (s: Session | undefined, path: string, json: unknown, key: string) =>
  t.call('POST', path, { token: s?.token, json, headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('a replayed POST returns the first response and creates one item', async () => {
    const first = await post(a, '/api/locations', LOCATION, 'loc-key-0001');
    const again = await post(a, '/api/locations', LOCATION, 'loc-key-0001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await t.call('GET', '/api/locations', { token: a.token });
    expect(list.body.items).toHaveLength(1);
  });

  it('the same key with a different body is a 409, and nothing new is written', async () => {
    await post(a, '/api/team/invites', { email: uniqueEmail('i'), role: 'staff' }, 'invite-key-01');
    const other = await post(
      a,
      '/api/team/invites',
      { email: uniqueEmail('j'), role: 'staff' },
      'invite-key-01',
    );
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/different request/);
    expect((await t.call('GET', '/api/team/invites', { token: a.token })).body.items).toHaveLength(1);
  });

  it('keys are per tenant: another tenant’s identical key does not replay', async () => {
    const res = await post(b, '/api/locations', LOCATION, 'loc-key-0001');
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body.id).not.toBe(
      (await t.call('GET', '/api/locations', { token: a.token })).body.items[0].id,
    );
  });

  it('a refused request does not burn the key: the corrected retry goes through', async () => {
    const bad = await post(a, '/api/locations', { ...LOCATION, phone: 'call me' }, 'loc-key-retry');
    expect(bad.status).toBe(400);
    const good = await post(a, '/api/locations', LOCATION, 'loc-key-retry');
    expect(good.status).toBe(201);
  });

  it('public sign-up replays too, so a double-submitted form makes one practice', async () => {
    const body = {
      kind: 'practice',
      practice: {
        name: 'Double Click Clinic',
        specialty: 'other',
        region: 'pacific',
        size: 'solo',
        timeZone: 'UTC',
      },
      owner: { name: 'Dee Double', email: uniqueEmail('dbl'), password: PASSWORD },
    };
    const first = await post(undefined, '/api/signup', body, 'signup-key-01');
    const again = await post(undefined, '/api/signup', body, 'signup-key-01');
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('refuses a malformed key', async () => {
    const res = await post(a, '/api/locations', LOCATION, 'bad key!');
    expect(res.status).toBe(400);
  });
});
