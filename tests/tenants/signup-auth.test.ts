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

  const attempt = (email: string, password: string, ip: string) =>
    t.call('POST', '/api/auth/login', { json: { email, password }, ip });
  const warnings = async (owner: { token: string; email: string }) => {
    const outbox = await t.call('GET', '/api/outbox?limit=100', { token: owner.token });
    expect(outbox.status).toBe(200);
    return outbox.body.items.filter(
      (m: { kind: string; to: string }) => m.kind === 'auth.login_warning' && m.to === owner.email,
    ) as { subject: string; text: string }[];
  };

  it('another client address cannot lock a user out by guessing at their email', async () => {
    const owner = await signUpPractice(t);
    // Twelve wrong passwords: five from one address, then one each from seven more.
    for (let i = 0; i < 12; i++) {
      const r = await attempt(owner.email, `wrong-password-${i}`, i < 5 ? '10.20.0.1' : `10.20.0.${i}`);
      expect(r.status).toBe(401);
    }
    // The guessing address now waits, even with the right password...
    const guesser = await attempt(owner.email, PASSWORD, '10.20.0.1');
    expect(guesser.status).toBe(429);
    expect(guesser.body.error.message).toMatch(/Too many failed sign-in attempts/);
    // ...while the account holder, from their own address, signs in as always.
    const holder = await attempt(owner.email, PASSWORD, '10.20.1.1');
    expect(holder.status).toBe(200);
  });

  it('slows the same address down with a growing wait, not a lock; a sign-in clears it', async () => {
    const owner = await signUpPractice(t);
    const ip = '10.21.0.1';
    for (let i = 0; i < 5; i++)
      expect((await attempt(owner.email, `wrong-${i}-password`, ip)).status).toBe(401);
    const first = await attempt(owner.email, 'wrong-5-password', ip);
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(50);
    expect(firstWait).toBeLessThanOrEqual(60);

    // After the wait one more try is let through; its failure doubles the wait.
    clock.advance(61 * 1000);
    expect((await attempt(owner.email, 'wrong-6-password', ip)).status).toBe(401);
    const second = await attempt(owner.email, 'wrong-7-password', ip);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(firstWait);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(120);

    clock.advance(121 * 1000);
    expect((await attempt(owner.email, PASSWORD, ip)).status).toBe(200);
    // The sign-in cleared this address's count: a typo now is an ordinary failure.
    expect((await attempt(owner.email, 'typo-password-1', ip)).status).toBe(401);
    expect((await attempt(owner.email, PASSWORD, ip)).status).toBe(200);
    clock.set(Date.now());
  });

  it('tells the account holder by email about repeated failures from anywhere, once per window', async () => {
    const owner = await signUpPractice(t);
    for (let i = 0; i < 4; i++) await attempt(owner.email, `wrong-password-${i}`, `10.22.0.${i}`);
    expect(await warnings(owner)).toHaveLength(0);
    await attempt(owner.email, 'wrong-password-4', '10.22.0.4');
    const [warning, ...more] = await warnings(owner);
    expect(more).toHaveLength(0);
    expect(warning!.subject).toBe('Someone tried to sign in to your Rounds account');
    expect(warning!.text).toContain('with a wrong password 5 times in the last 15 minutes');
    expect(warning!.text).toContain('from the network address 10.22.0.4');
    // The time is the practice's (America/Los_Angeles), written for people.
    const when = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
    }).format(clock.now());
    expect(warning!.text).toContain(when);
    expect(warning!.text).toMatch(/\d{1,2}:\d{2} [AP]M P[SD]T/);
    expect(warning!.text).toContain('Reset it to be safe at http://localhost/forgot-password');

    // More failures in the same window send nothing more.
    for (let i = 5; i < 9; i++) await attempt(owner.email, `wrong-password-${i}`, `10.22.1.${i}`);
    expect(await warnings(owner)).toHaveLength(1);
    const audit = await t.call('GET', '/api/audit?action=auth.login_failed&limit=100', {
      token: owner.token,
    });
    const summaries = audit.body.items.map((e: { summary: string }) => e.summary);
    expect(summaries.filter((s: string) => s.includes('told by email'))).toHaveLength(1);

    // The next window warns again, once.
    clock.advance(16 * 60 * 1000);
    for (let i = 0; i < 6; i++) await attempt(owner.email, `wrong-again-${i}`, `10.22.2.${i}`);
    clock.set(Date.now());
    expect(await warnings(owner)).toHaveLength(2);
  });

  it('sends no warning for an email that has no account', async () => {
    const owner = await signUpPractice(t);
    const stranger = uniqueEmail('nobody');
    for (let i = 0; i < 6; i++) await attempt(stranger, `wrong-password-${i}`, `10.23.0.${i}`);
    const outbox = await t.call('GET', '/api/outbox?limit=100', { token: owner.token });
    expect(outbox.body.items.filter((m: { to: string }) => m.to === stranger)).toHaveLength(0);
  });

  it('refuses an access token once its 15 minutes are over', async () => {
    // Locally tokens expire by the platform clock they were issued on: issue one 16 minutes back.
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

  it('keeps a token issued on a clock far from the real time valid for its 15 minutes on that clock', async () => {
    // Test worlds run on fixed dates: a year back, the token must not be judged by the real time.
    const email = uniqueEmail();
    await t.call('POST', '/api/signup', { json: practiceBody(email) });
    clock.set(Date.now() - 365 * 86400_000);
    const login = await t.call('POST', '/api/auth/login', {
      json: { email, password: PASSWORD },
      ip: '10.50.0.2',
    });
    try {
      expect((await t.call('GET', '/api/me', { token: login.body.accessToken })).status).toBe(200);
      clock.advance(16 * 60 * 1000);
      const late = await t.call('GET', '/api/me', { token: login.body.accessToken });
      expect(late.status).toBe(401);
      expect(late.body.error.message).toMatch(/expired/);
    } finally {
      clock.set(Date.now());
    }
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
