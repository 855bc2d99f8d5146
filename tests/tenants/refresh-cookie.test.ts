import { beforeAll, describe, expect, it } from 'vitest';
import { cookieMustBeSecure } from '../../functions/platform/http/refresh-cookie.ts';
import { totpCode } from '../../functions/platform/identity/totp.ts';
import {
  addMember,
  createTestApp,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
} from '../support/app.ts';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Cookie Family Practice');
});

/** The refresh cookie a response sets, as the browser would read the Set-Cookie header. */
function refreshCookie(headers: Headers) {
  const header = headers.getSetCookie().find((c) => c.startsWith('rounds_refresh='));
  expect(header, 'a rounds_refresh cookie').toBeTruthy();
  const [pair, ...attributes] = header!.split('; ');
  return { value: decodeURIComponent(pair!.slice('rounds_refresh='.length)), attributes, header: header! };
}
const withCookie = (value: string) => ({ cookie: `rounds_refresh=${encodeURIComponent(value)}` });

describe('the refresh token in an httpOnly cookie', () => {
  it('sign-in sets it: HttpOnly, SameSite=Strict, only for /api/auth; the body keeps it for API clients', async () => {
    const member = await addMember(t, owner, 'staff', 'Cody Cookie');
    const res = await t.call('POST', '/api/auth/login', {
      json: { email: member.email, password: PASSWORD },
      ip: '10.60.0.1',
    });
    expect(res.status).toBe(200);
    const cookie = refreshCookie(res.headers);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth', `Max-Age=${30 * 24 * 3600}`]),
    );
    // Plain http to localhost (local development, these tests): not Secure, or the browser drops it.
    expect(cookie.attributes).not.toContain('Secure');
    expect(cookie.value).toBe(res.body.refreshToken);
  });

  it('refresh works from the cookie alone, renews it, and leaves the token out of the body', async () => {
    const member = await addMember(t, owner, 'staff', 'Rena Renew');
    const login = await t.call('POST', '/api/auth/login', {
      json: { email: member.email, password: PASSWORD },
      ip: '10.60.0.2',
    });
    const { value } = refreshCookie(login.headers);
    const res = await t.call('POST', '/api/auth/refresh', { json: {}, headers: withCookie(value) });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect((await t.call('GET', '/api/me', { token: res.body.accessToken })).body.user.email).toBe(
      member.email,
    );
    expect(refreshCookie(res.headers).attributes).toContain('HttpOnly');
    // API clients still send the token in the body and get it back.
    const api = await t.call('POST', '/api/auth/refresh', { json: { refreshToken: value } });
    expect(api.status).toBe(200);
    expect(api.body.refreshToken).toBe(value);
    // Neither cookie nor body: signed out.
    const none = await t.call('POST', '/api/auth/refresh', { json: {} });
    expect(none.status).toBe(401);
    expect(none.body.error.message).toBe('Your session has ended. Sign in again.');
  });

  it('logout revokes the cookie’s token and clears the cookie', async () => {
    const member = await addMember(t, owner, 'staff', 'Lou Logout');
    const login = await t.call('POST', '/api/auth/login', {
      json: { email: member.email, password: PASSWORD },
      ip: '10.60.0.3',
    });
    const { value } = refreshCookie(login.headers);
    const out = await t.call('POST', '/api/auth/logout', { json: {}, headers: withCookie(value) });
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out.headers);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/api/auth']));
    expect((await t.call('POST', '/api/auth/refresh', { json: {}, headers: withCookie(value) })).status).toBe(
      401,
    );
    // Logging out with no session at all is fine.
    expect((await t.call('POST', '/api/auth/logout', { json: {} })).status).toBe(204);
  });

  it('the code step of two-factor sign-in and a password change set it too; signing out everywhere clears it', async () => {
    const member = await addMember(t, owner, 'staff', 'Tess Twostep');
    const start = await t.call('POST', '/api/auth/mfa/totp', { token: member.token });
    await t.call('POST', '/api/auth/mfa/totp/confirm', {
      token: member.token,
      json: { code: totpCode(start.body.secret, Date.now()) },
    });
    const first = await t.call('POST', '/api/auth/login', {
      json: { email: member.email, password: PASSWORD },
      ip: '10.60.0.4',
    });
    expect(first.body.error.code).toBe('mfa_required');
    expect(first.headers.getSetCookie()).toEqual([]);
    const mfa = await t.call('POST', '/api/auth/login/mfa', {
      json: { challenge: first.body.error.challenge, code: totpCode(start.body.secret, Date.now()) },
      ip: '10.60.0.4',
    });
    expect(mfa.status).toBe(200);
    expect(refreshCookie(mfa.headers).value).toBe(mfa.body.refreshToken);

    const changed = await t.call('POST', '/api/auth/password', {
      token: mfa.body.accessToken,
      json: { currentPassword: PASSWORD, newPassword: 'Quiet-Meadow-Compass-81' },
      ip: '10.60.0.4',
    });
    expect(changed.status).toBe(200);
    const renewed = refreshCookie(changed.headers).value;
    expect(renewed).toBe(changed.body.refreshToken);
    // The old session's cookie ended with the change; the new one works.
    expect(
      (await t.call('POST', '/api/auth/refresh', { json: {}, headers: withCookie(mfa.body.refreshToken) }))
        .status,
    ).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/refresh', { json: {}, headers: withCookie(renewed) })).status,
    ).toBe(200);

    const everywhere = await t.call('POST', '/api/auth/logout-all', { token: changed.body.accessToken });
    expect(everywhere.status).toBe(204);
    expect(refreshCookie(everywhere.headers).attributes).toContain('Max-Age=0');
  });

  it('is Secure everywhere but plain http to this machine', () => {
    expect(cookieMustBeSecure('http://localhost:3000/api/auth/login')).toBe(false);
    expect(cookieMustBeSecure('http://127.0.0.1:5173/api/auth/login')).toBe(false);
    expect(cookieMustBeSecure('https://localhost/api/auth/login')).toBe(true);
    expect(cookieMustBeSecure('https://app.example.com/api/auth/login')).toBe(true);
    expect(cookieMustBeSecure('http://192.168.1.20:3000/api/auth/login')).toBe(true);
  });
});
