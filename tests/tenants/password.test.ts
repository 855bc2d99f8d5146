import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import {
  addMember,
  createTestApp,
  logIn,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
  uniqueEmail,
} from '../support/app.ts';

const NEW_PASSWORD = 'Quiet-Meadow-Compass-81';
const clock = testClock();
let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Reset Family Practice');
});

/** The reset mails in a tenant's outbox as stored (what SES delivers), newest first. */
async function resetMails(tenantId: string, email: string) {
  const page = await t.platform.store.query<{ kind: string; to: string; text: string }>({
    partition: tenantKeys.outboxPartition({ tenantId }),
    skPrefix: tenantKeys.outboxPrefix,
    limit: 100,
    newestFirst: true,
  });
  return page.items.filter((m) => m.kind === 'auth.password_reset' && m.to === email);
}

/** Asks for a link and reads its token from the mail, as the user would from their inbox. */
async function requestLink(member: Session, ip = '10.9.0.1'): Promise<string> {
  const res = await t.call('POST', '/api/auth/password-reset', { json: { email: member.email }, ip });
  expect(res.status).toBe(202);
  const [mail] = await resetMails(member.tenantId, member.email);
  const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  expect(token, 'a reset link in the mail').toBeTruthy();
  return token!;
}

const refresh = (refreshToken: string) => t.call('POST', '/api/auth/refresh', { json: { refreshToken } });
const confirm = (token: string, password = NEW_PASSWORD) =>
  t.call('POST', '/api/auth/password-reset/confirm', { json: { token, password } });
const login = (email: string, password: string) =>
  t.call('POST', '/api/auth/login', { json: { email, password }, ip: '10.8.0.1' });

describe('password reset by email link', () => {
  it('answers an unknown email exactly like a known one, and mails only the known one', async () => {
    const member = await addMember(t, owner, 'staff', 'Rhea Reset');
    const known = await t.call('POST', '/api/auth/password-reset', {
      json: { email: member.email.toUpperCase() },
      ip: '10.9.1.1',
    });
    const unknown = await t.call('POST', '/api/auth/password-reset', {
      json: { email: uniqueEmail('nobody') },
      ip: '10.9.1.2',
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/If an account uses this email/);
    const mails = await resetMails(member.tenantId, member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/works once and only for the next 30 minutes/);
  });

  it('a deactivated account gets the same answer and no mail', async () => {
    const member = await addMember(t, owner, 'staff', 'Dee Activated');
    const user = (await t.call('GET', '/api/team?limit=100', { token: owner.token })).body.items.find(
      (u: { id: string }) => u.id === member.userId,
    );
    await t.call('POST', `/api/team/${member.userId}/deactivate`, {
      token: owner.token,
      json: { version: user.version },
    });
    const res = await t.call('POST', '/api/auth/password-reset', { json: { email: member.email } });
    expect(res.status).toBe(202);
    expect(await resetMails(member.tenantId, member.email)).toHaveLength(0);
  });

  it('the outbox page shows the reset mail without its link', async () => {
    const member = await addMember(t, owner, 'staff', 'Otto Outbox');
    const token = await requestLink(member);
    const outbox = await t.call('GET', '/api/outbox?limit=100', { token: owner.token });
    const shown = outbox.body.items.find(
      (m: { kind: string; to: string }) => m.kind === 'auth.password_reset' && m.to === member.email,
    );
    expect(shown.text).toContain('(link hidden: only the recipient can use it)');
    expect(JSON.stringify(outbox.body)).not.toContain(token);
  });

  it('sets the new password once, ends every old session, and refuses the link a second time', async () => {
    const member = await addMember(t, owner, 'staff', 'Sam Sessions');
    const second = await logIn(t, member.email);
    const token = await requestLink(member);

    const preview = await t.call('GET', `/api/auth/password-reset/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.email).toBe(member.email);

    const weak = await confirm(token, 'password1234');
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('password');

    expect((await confirm(token)).status).toBe(204);
    for (const session of [member, second]) {
      const res = await refresh(session.tokens.refreshToken);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Your session has ended. Sign in again.');
    }
    expect((await login(member.email, PASSWORD)).status).toBe(401);
    const fresh = await login(member.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect((await refresh(fresh.body.refreshToken)).status).toBe(200);

    const reused = await confirm(token, 'Another-Fresh-Lantern-19');
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toMatch(/already used/);
    expect((await t.call('GET', `/api/auth/password-reset/${token}`)).status).toBe(409);
    expect((await login(member.email, NEW_PASSWORD)).status).toBe(200);

    const audit = await t.call('GET', `/api/audit?actorId=${member.userId}`, { token: owner.token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.password_reset', 'auth.password_reset_requested']),
    );
  });

  it('two submits of one link: exactly one sets the password', async () => {
    const member = await addMember(t, owner, 'staff', 'Rae Race');
    const token = await requestLink(member);
    const results = await Promise.all([confirm(token), confirm(token, 'Another-Fresh-Lantern-19')]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
  });

  it('an expired link is refused with its reason, and the password stays', async () => {
    const member = await addMember(t, owner, 'staff', 'Exa Pired');
    const token = await requestLink(member);
    clock.advance(31 * 60_000);
    try {
      const preview = await t.call('GET', `/api/auth/password-reset/${token}`);
      expect(preview.status).toBe(400);
      expect(preview.body.error.message).toMatch(/expired/);
      const res = await confirm(token);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/has expired/);
    } finally {
      clock.advance(-31 * 60_000);
    }
    expect((await login(member.email, PASSWORD)).status).toBe(200);
  });

  it('an unknown link is a 404 that says the link is not valid', async () => {
    const res = await confirm('q'.repeat(43));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/not valid/);
  });

  it('mails one address at most three links per window; one client address is throttled with 429', async () => {
    const member = await addMember(t, owner, 'staff', 'Tim Throttle');
    for (let i = 0; i < 5; i++) {
      const res = await t.call('POST', '/api/auth/password-reset', {
        json: { email: member.email },
        ip: `10.7.${i}.1`,
      });
      expect(res.status).toBe(202);
    }
    expect(await resetMails(member.tenantId, member.email)).toHaveLength(3);
    const ip = '10.6.6.6';
    for (let i = 0; i < 20; i++) {
      const res = await t.call('POST', '/api/auth/password-reset', {
        json: { email: uniqueEmail('spray') },
        ip,
      });
      expect(res.status).toBe(202);
    }
    const refused = await t.call('POST', '/api/auth/password-reset', { json: { email: member.email }, ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('change password and sign out everywhere', () => {
  it('a wrong current password is a 400 on that field, and nothing changes', async () => {
    const member = await addMember(t, owner, 'staff', 'Wren Wrong');
    const res = await t.call('POST', '/api/auth/password', {
      token: member.token,
      json: { currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'currentPassword', message: 'This is not your current password' },
    ]);
    expect((await refresh(member.tokens.refreshToken)).status).toBe(200);
    expect((await login(member.email, PASSWORD)).status).toBe(200);
    const same = await t.call('POST', '/api/auth/password', {
      token: member.token,
      json: { currentPassword: PASSWORD, newPassword: PASSWORD },
    });
    expect(same.status).toBe(400);
    expect(same.body.error.details[0].path).toBe('newPassword');
  });

  it('changes the password, ends the other sessions and keeps this one with fresh tokens', async () => {
    const member = await addMember(t, owner, 'staff', 'Cora Change');
    const other = await logIn(t, member.email);
    const res = await t.call('POST', '/api/auth/password', {
      token: member.token,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.any(String) });
    expect((await refresh(other.tokens.refreshToken)).status).toBe(401);
    expect((await refresh(member.tokens.refreshToken)).status).toBe(401);
    expect((await refresh(res.body.refreshToken)).status).toBe(200);
    expect((await login(member.email, PASSWORD)).status).toBe(401);
    expect((await login(member.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('sign out of all sessions revokes every refresh token of the account', async () => {
    const member = await addMember(t, owner, 'staff', 'Lou Logout');
    const other = await logIn(t, member.email);
    const res = await t.call('POST', '/api/auth/logout-all', { token: member.token });
    expect(res.status).toBe(204);
    expect((await refresh(member.tokens.refreshToken)).status).toBe(401);
    expect((await refresh(other.tokens.refreshToken)).status).toBe(401);
    const again = await login(member.email, PASSWORD);
    expect((await refresh(again.body.refreshToken)).status).toBe(200);
  });
});
