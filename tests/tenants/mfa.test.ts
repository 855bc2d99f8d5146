import { beforeAll, describe, expect, it } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { systemClock } from '../../functions/platform/clock.ts';
import { systemKeys } from '../../functions/platform/db/keys.ts';
import { createApi } from '../../functions/platform/http/app.ts';
import { totpCode } from '../../functions/platform/identity/totp.ts';
import {
  addMember,
  createTestApp,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';
import { fakePool } from '../support/fake-cognito-pool.ts';

const clock = testClock();
let t: TestApp;
let owner: Session;
let ipCounter = 0;
/** Each test signs in from its own address, so one test's failures never slow another's. */
const freshIp = () => `10.77.${ipCounter++}.9`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Two Factor Family Practice');
});

const now = () => clock.now().getTime();

/** Turns two-factor sign-in on for a member, as the Account page does; answers the key and recovery codes. */
async function enrol(member: Session) {
  const start = await t.call('POST', '/api/auth/mfa/totp', { token: member.token });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const secret = start.body.secret as string;
  const confirm = await t.call('POST', '/api/auth/mfa/totp/confirm', {
    token: member.token,
    json: { code: totpCode(secret, now()) },
  });
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

const login = (email: string, ip: string, password = PASSWORD) =>
  t.call('POST', '/api/auth/login', { json: { email, password }, ip });
const answer = (json: Record<string, string>, ip: string) =>
  t.call('POST', '/api/auth/login/mfa', { json, ip });

/** The password step of a sign-in with two-factor on: 401 mfa_required with a challenge, no tokens. */
async function challengeFor(email: string, ip: string): Promise<string> {
  const res = await login(email, ip);
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe('mfa_required');
  expect(res.body.error.message).toBe('Enter the 6-digit code from your authenticator app');
  expect(res.body.accessToken).toBeUndefined();
  expect(res.body.error.challenge).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return res.body.error.challenge;
}

describe('two-factor enrolment', () => {
  it('starts with a key and an otpauth URI, refuses a wrong code, turns on with a right one', async () => {
    const member = await addMember(t, owner, 'staff', 'Enid Enrol');
    expect((await t.call('GET', '/api/auth/mfa', { token: member.token })).body).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    const early = await t.call('POST', '/api/auth/mfa/totp/confirm', {
      token: member.token,
      json: { code: '123456' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Start the set-up first/);

    const start = await t.call('POST', '/api/auth/mfa/totp', { token: member.token });
    expect(start.status).toBe(200);
    const { secret, otpauthUri } = start.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Rounds:${encodeURIComponent(member.email)}?secret=${secret}&issuer=Rounds&algorithm=SHA1&digits=6&period=30`,
    );

    const wrong = await t.call('POST', '/api/auth/mfa/totp/confirm', {
      token: member.token,
      json: { code: totpCode(secret, now(), 5) },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([
      {
        path: 'code',
        message: 'That code is not correct. Enter the 6-digit code your authenticator app shows now.',
      },
    ]);
    const malformed = await t.call('POST', '/api/auth/mfa/totp/confirm', {
      token: member.token,
      json: { code: '12ab' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('code');
    // A wrong code turned nothing on: sign-in still needs only the password.
    expect((await login(member.email, freshIp())).status).toBe(200);

    const right = await t.call('POST', '/api/auth/mfa/totp/confirm', {
      token: member.token,
      json: { code: totpCode(secret, now()) },
    });
    expect(right.status).toBe(200);
    expect(right.body.recoveryCodes).toHaveLength(10);
    for (const code of right.body.recoveryCodes)
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(new Set(right.body.recoveryCodes).size).toBe(10);

    const status = await t.call('GET', '/api/auth/mfa', { token: member.token });
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The key is never answered again, and Rounds' copy is sealed; recovery codes are kept as hashes.
    expect(JSON.stringify(status.body)).not.toContain(secret);
    const again = await t.call('POST', '/api/auth/mfa/totp', { token: member.token });
    expect(again.status).toBe(409);
    const stored = await t.platform.store.get<Record<string, unknown>>(systemKeys.mfa(member.email));
    expect(stored).toMatchObject({ status: 'enabled' });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const page = await t.platform.store.query<Record<string, unknown>>({
      partition: systemKeys.mfaPartition(member.email),
      limit: 50,
    });
    const dump = JSON.stringify(page.items);
    for (const code of right.body.recoveryCodes) expect(dump).not.toContain(code);

    const audit = await t.call('GET', '/api/audit?limit=100', { token: owner.token });
    expect(
      audit.body.items.find(
        (e: { action: string; entityId: string }) =>
          e.action === 'auth.mfa_enabled' && e.entityId === member.userId,
      ),
    ).toBeTruthy();
  });
});

describe('two-factor sign-in', () => {
  it('asks for the code after the password; a wrong code is a clear 401, the right one signs in', async () => {
    const member = await addMember(t, owner, 'staff', 'Colin Code');
    const { secret } = await enrol(member);
    const ip = freshIp();
    const challenge = await challengeFor(member.email, ip);

    const wrong = await answer({ challenge, code: totpCode(secret, now(), 4) }, ip);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({
      code: 'unauthorized',
      message: 'That code is not correct. Enter the 6-digit code your authenticator app shows now.',
    });
    const right = await answer({ challenge, code: totpCode(secret, now()) }, ip);
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    expect(right.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.call('GET', '/api/me', { token: right.body.accessToken });
    expect(me.body.user.email).toBe(member.email);
    expect(
      (await t.call('POST', '/api/auth/refresh', { json: { refreshToken: right.body.refreshToken } })).status,
    ).toBe(200);
    // The challenge worked once.
    const reused = await answer({ challenge, code: totpCode(secret, now(), 1) }, ip);
    expect(reused.status).toBe(401);
    expect(reused.body.error.message).toBe('This sign-in has expired. Sign in again with your password.');

    const audit = await t.call('GET', '/api/audit?limit=100', { token: owner.token });
    const mine = audit.body.items.filter((e: { entityId: string }) => e.entityId === member.userId);
    expect(mine.map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining([
        'Signed in with an authenticator code',
        'Failed sign-in attempt: wrong authenticator or recovery code',
      ]),
    );
  });

  it('a code that already signed in is not accepted a second time', async () => {
    const member = await addMember(t, owner, 'staff', 'Rita Replay');
    const { secret } = await enrol(member);
    const ip = freshIp();
    const code = totpCode(secret, now());
    expect((await answer({ challenge: await challengeFor(member.email, ip), code }, ip)).status).toBe(200);
    const replay = await answer({ challenge: await challengeFor(member.email, ip), code }, ip);
    expect(replay.status).toBe(401);
  });

  it('wrong codes count as failed sign-ins: the address slows down, the challenge closes after five', async () => {
    const member = await addMember(t, owner, 'staff', 'Gus Guess');
    const { secret } = await enrol(member);
    const ip = freshIp();
    const challenge = await challengeFor(member.email, ip);
    for (let i = 0; i < 5; i++) {
      const res = await answer({ challenge, code: totpCode(secret, now(), 3 + i) }, ip);
      expect(res.status).toBe(401);
    }
    // The login throttle counted them: this address now waits before its next try at this account.
    const slowed = await login(member.email, ip);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not slowed; the closed challenge takes no more answers, even right ones.
    const other = freshIp();
    expect((await answer({ challenge, code: totpCode(secret, now()) }, other)).status).toBe(401);
    expect((await login(member.email, other)).body.error.code).toBe('mfa_required');
  });

  it('a recovery code signs in exactly once', async () => {
    const member = await addMember(t, owner, 'staff', 'Rory Recovery');
    const { recoveryCodes } = await enrol(member);
    const ip = freshIp();
    // Typed in lower case and without dashes: still the same code.
    const typed = recoveryCodes[3]!.toLowerCase().replace(/-/g, ' ');
    const first = await answer({ challenge: await challengeFor(member.email, ip), recoveryCode: typed }, ip);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await t.call('GET', '/api/me', { token: first.body.accessToken })).status).toBe(200);

    const second = await answer(
      { challenge: await challengeFor(member.email, ip), recoveryCode: recoveryCodes[3]! },
      ip,
    );
    expect(second.status).toBe(401);
    expect(second.body.error.message).toBe('That recovery code is not correct or was already used.');
    const status = await t.call('GET', '/api/auth/mfa', { token: first.body.accessToken });
    expect(status.body.recoveryCodesLeft).toBe(9);
    const another = await answer(
      { challenge: await challengeFor(member.email, freshIp()), recoveryCode: recoveryCodes[4]! },
      ip,
    );
    expect(another.status).toBe(200);
  });

  it('an expired challenge is refused, even with the right code', async () => {
    const member = await addMember(t, owner, 'staff', 'Ezra Expired');
    const { secret } = await enrol(member);
    const ip = freshIp();
    const challenge = await challengeFor(member.email, ip);
    clock.advance(5 * 60_000 + 1000);
    const late = await answer({ challenge, code: totpCode(secret, now()) }, ip);
    expect(late.status).toBe(401);
    expect(late.body.error.message).toBe('This sign-in has expired. Sign in again with your password.');
    const unknown = await answer({ challenge: 'u'.repeat(43), code: totpCode(secret, now()) }, ip);
    expect(unknown.status).toBe(401);
    // An expired challenge is not a wrong guess: signing in again works at once.
    const fresh = await answer(
      { challenge: await challengeFor(member.email, ip), code: totpCode(secret, now()) },
      ip,
    );
    expect(fresh.status).toBe(200);
  });

  it('needs exactly one of code and recovery code', async () => {
    const res = await answer(
      { challenge: 'c'.repeat(40), code: '123456', recoveryCode: 'AAAA-BBBB-CCCC' },
      freshIp(),
    );
    expect(res.status).toBe(400);
    const none = await answer({ challenge: 'c'.repeat(40) }, freshIp());
    expect(none.status).toBe(400);
  });
});

describe('with two-factor sign-in on', () => {
  it('changing the password keeps this session signed in', async () => {
    const member = await addMember(t, owner, 'staff', 'Cara Change');
    await enrol(member);
    const res = await t.call('POST', '/api/auth/password', {
      token: member.token,
      json: { currentPassword: PASSWORD, newPassword: 'Quiet-Meadow-Compass-81' },
      ip: freshIp(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await t.call('GET', '/api/me', { token: res.body.accessToken })).status).toBe(200);
  });

  it('turning it off asks for a current code or the password; then the password alone signs in', async () => {
    const member = await addMember(t, owner, 'staff', 'Otto Off');
    const { secret } = await enrol(member);
    const ip = freshIp();
    const wrongCode = await t.call('POST', '/api/auth/mfa/totp/disable', {
      token: member.token,
      json: { code: totpCode(secret, now(), 6) },
      ip,
    });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.error.details[0].path).toBe('code');
    const wrongPassword = await t.call('POST', '/api/auth/mfa/totp/disable', {
      token: member.token,
      json: { password: 'not-my-password-at-all' },
      ip,
    });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.error.details[0].path).toBe('password');
    expect((await login(member.email, freshIp())).body.error.code).toBe('mfa_required');

    const off = await t.call('POST', '/api/auth/mfa/totp/disable', {
      token: member.token,
      json: { code: totpCode(secret, now()) },
      ip,
    });
    expect(off.status).toBe(204);
    expect((await login(member.email, freshIp())).status).toBe(200);
    expect((await t.call('GET', '/api/auth/mfa', { token: member.token })).body).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    const page = await t.platform.store.query({
      partition: systemKeys.mfaPartition(member.email),
      limit: 50,
    });
    expect(page.items).toEqual([]);
    const twice = await t.call('POST', '/api/auth/mfa/totp/disable', {
      token: member.token,
      json: { password: PASSWORD },
      ip,
    });
    expect(twice.status).toBe(409);

    // It can be turned on again with a new key.
    const { secret: second } = await enrol(member);
    expect(second).not.toBe(secret);
    const audit = await t.call('GET', '/api/audit?limit=100', { token: owner.token });
    const actions = audit.body.items
      .filter((e: { entityId: string }) => e.entityId === member.userId)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.mfa_enabled', 'auth.mfa_disabled', 'auth.mfa_disable_failed']),
    );
  });
});

describe('over Cognito (the cloud column)', () => {
  it('enrols through Cognito, and a recovery code answers Cognito’s challenge with Rounds’ sealed key', async () => {
    const member = await addMember(t, owner, 'staff', 'Cleo Cloud');
    // The same platform with the Cognito adapter over a fake pool; the member's token stands for theirs.
    const pool = fakePool({
      userForAccessToken: (token) => (token === member.token ? member.email : undefined),
    });
    await pool.identity.createLogin({ email: member.email, password: PASSWORD, userId: member.userId });
    // Real time, as in the cloud (this file's test clock has moved on): the fake pool checks codes at it.
    const cloud = { ...t.platform, identity: pool.identity, clock: systemClock };
    const api = createApi(cloud, allDomains(cloud));
    const call = async (path: string, json: unknown, token?: string) => {
      const res = await api.request(
        `https://rounds.example.test${path}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(json),
        },
        { incoming: { socket: { remoteAddress: '10.78.0.1' } } },
      );
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };

    const start = await call('/api/auth/mfa/totp', {}, member.token);
    expect(start.status).toBe(200);
    expect(pool.calls.at(-1)).toEqual({
      action: 'AssociateSoftwareToken',
      input: { AccessToken: member.token },
    });
    const { secret } = start.body;
    const confirm = await call(
      '/api/auth/mfa/totp/confirm',
      { code: totpCode(secret, Date.now()) },
      member.token,
    );
    expect(confirm.status).toBe(200);
    expect(pool.users.get(member.email)!.mfa).toBe(true);
    const [recoveryCode] = confirm.body.recoveryCodes as string[];

    const signIn = async () => {
      const res = await call('/api/auth/login', { email: member.email, password: PASSWORD });
      expect(res.body.error.code).toBe('mfa_required');
      return res.body.error.challenge as string;
    };
    const recovered = await call('/api/auth/login/mfa', { challenge: await signIn(), recoveryCode });
    expect(recovered.status, JSON.stringify(recovered.body)).toBe(200);
    expect(recovered.body.accessToken).toBe('access');
    const answered = pool.calls.at(-1)!;
    expect(answered.action).toBe('RespondToAuthChallenge');
    expect(answered.input.ChallengeResponses.SOFTWARE_TOKEN_MFA_CODE).toMatch(/^\d{6}$/);

    const again = await call('/api/auth/login/mfa', { challenge: await signIn(), recoveryCode });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe('That recovery code is not correct or was already used.');
    const wrong = await call('/api/auth/login/mfa', {
      challenge: await signIn(),
      code: totpCode(secret, Date.now(), 3),
    });
    expect(wrong.status).toBe(401);

    const off = await call(
      '/api/auth/mfa/totp/disable',
      { code: totpCode(secret, Date.now()) },
      member.token,
    );
    expect(off.status).toBe(204);
    expect(pool.users.get(member.email)!.mfa).toBe(false);
    const plain = await call('/api/auth/login', { email: member.email, password: PASSWORD });
    expect(plain.status).toBe(200);
  });
});
