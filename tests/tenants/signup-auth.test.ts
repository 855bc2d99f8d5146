import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logIn,
  PASSWORD,
  signUpPractice,
  type TestApp,
  testClock,
  uniqueEmail,
} from '../support/app.ts';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});

const practiceBody = (email: string, password = PASSWORD) => ({
  kind: 'practice',
  practice: {
    name: 'Oak Hill Pediatrics',
    specialty: 'pediatrics',
    region: 'mountain',
    size: 'medium',
    timeZone: 'America/Denver',
  },
  owner: { name: 'Pat Owner', email, password },
});

describe('sign-up', () => {
  it('creates a practice whose owner can sign in and see it', async () => {
    const email = uniqueEmail();
    const res = await t.call('POST', '/api/signup', { json: practiceBody(email) });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('practice');
    const session = await logIn(t, email);
    const tenant = await t.call('GET', '/api/tenant', { token: session.token });
    expect(tenant.body).toMatchObject({
      name: 'Oak Hill Pediatrics',
      specialty: 'pediatrics',
      timeZone: 'America/Denver',
      version: 1,
    });
  });

  it('refuses a second account with the same email, in any letter case', async () => {
    const email = uniqueEmail();
    expect((await t.call('POST', '/api/signup', { json: practiceBody(email) })).status).toBe(201);
    const again = await t.call('POST', '/api/signup', { json: practiceBody(email.toUpperCase()) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists/);
  });

  it('refuses short and common passwords with a field message', async () => {
    const short = await t.call('POST', '/api/signup', { json: practiceBody(uniqueEmail(), 'short') });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toContainEqual({
      path: 'owner.password',
      message: 'Must be at least 12 characters',
    });
    const common = await t.call('POST', '/api/signup', { json: practiceBody(uniqueEmail(), 'password1234') });
    expect(common.status).toBe(400);
    expect(common.body.error.details[0]).toMatchObject({ path: 'owner.password' });
    expect(common.body.error.details[0].message).toMatch(/too common/);
  });

  it('stores only an scrypt hash of the password', async () => {
    const email = uniqueEmail();
    await t.call('POST', '/api/signup', { json: practiceBody(email) });
    const cred = await t.platform.store.get<Record<string, string>>({ PK: `SYS#CRED#${email}`, SK: 'CRED' });
    expect(cred?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(cred)).not.toContain(PASSWORD);
  });

  it('signs up an association', async () => {
    const res = await t.call('POST', '/api/signup', {
      json: {
        kind: 'association',
        association: {
          name: 'Pacific Practices Alliance',
          region: 'pacific',
          timeZone: 'America/Los_Angeles',
        },
        owner: { name: 'Ann Admin', email: uniqueEmail(), password: PASSWORD },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('association');
  });
});

describe('login, refresh, logout', () => {
  it('issues Cognito-shaped tokens and refreshes them until logout', async () => {
    const owner = await signUpPractice(t);
    expect(owner.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = JSON.parse(Buffer.from(owner.token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({
      token_use: 'access',
      client_id: 'rounds-local-web',
      tenant_id: owner.tenantId,
      role: 'owner',
    });
    expect(claims.iss).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool1');

    const refreshed = await t.call('POST', '/api/auth/refresh', {
      json: { refreshToken: owner.tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect((await t.call('GET', '/api/me', { token: refreshed.body.accessToken })).status).toBe(200);

    expect(
      (await t.call('POST', '/api/auth/logout', { json: { refreshToken: owner.tokens.refreshToken } }))
        .status,
    ).toBe(204);
    const after = await t.call('POST', '/api/auth/refresh', {
      json: { refreshToken: owner.tokens.refreshToken },
    });
    expect(after.status).toBe(401);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const owner = await signUpPractice(t);
    const wrong = await t.call('POST', '/api/auth/login', {
      json: { email: owner.email, password: 'not-the-password-1' },
      ip: '10.9.0.1',
    });
    const unknown = await t.call('POST', '/api/auth/login', {
      json: { email: uniqueEmail(), password: 'whatever-password' },
      ip: '10.9.0.2',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('throttles repeated failures per email, even for the right password, until the window ends', async () => {
    const owner = await signUpPractice(t);
    for (let i = 0; i < 5; i++) {
      const r = await t.call('POST', '/api/auth/login', {
        json: { email: owner.email, password: `wrong-password-${i}` },
        ip: `10.20.0.${i}`,
      });
      expect(r.status).toBe(401);
    }
    const blocked = await t.call('POST', '/api/auth/login', {
      json: { email: owner.email, password: PASSWORD },
      ip: '10.20.1.1',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error.message).toMatch(/Too many failed sign-in attempts/);
    clock.advance(16 * 60 * 1000);
    const later = await t.call('POST', '/api/auth/login', {
      json: { email: owner.email, password: PASSWORD },
      ip: '10.20.1.1',
    });
    expect(later.status).toBe(200);
  });

  it('refuses an access token once its 15 minutes are over', async () => {
    // Tokens are verified against real time, so issue this one 16 minutes in the past.
    const email = uniqueEmail();
    await t.call('POST', '/api/signup', { json: practiceBody(email) });
    clock.set(Date.now() - 16 * 60 * 1000);
    const login = await t.call('POST', '/api/auth/login', {
      json: { email, password: PASSWORD },
      ip: '10.50.0.1',
    });
    clock.set(Date.now());
    const res = await t.call('GET', '/api/me', { token: login.body.accessToken });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('throttles repeated failures from one client address across emails', async () => {
    const ip = '10.30.0.9';
    for (let i = 0; i < 20; i++) {
      await t.call('POST', '/api/auth/login', {
        json: { email: uniqueEmail('x'), password: 'wrong-password-x' },
        ip,
      });
    }
    const blocked = await t.call('POST', '/api/auth/login', {
      json: { email: uniqueEmail('y'), password: 'wrong-password-y' },
      ip,
    });
    expect(blocked.status).toBe(429);
  });

  it('records logins and failed attempts in the audit log', async () => {
    const owner = await signUpPractice(t);
    await t.call('POST', '/api/auth/login', {
      json: { email: owner.email, password: 'wrong-password-zz' },
      ip: '10.40.0.1',
    });
    const audit = await t.call('GET', '/api/audit?action=auth.', { token: owner.token });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
  });
});
