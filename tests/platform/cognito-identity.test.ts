import { describe, expect, it } from 'vitest';
import { AppError } from '../../functions/platform/errors.ts';
import { MfaRequired, MfaSessionEnded } from '../../functions/platform/identity/port.ts';
import { totpCode } from '../../functions/platform/identity/totp.ts';
import { fakePool, sdkError } from '../support/fake-cognito-pool.ts';

const PASSWORD = 'Correct-Horse-Staple-42';
const wireError = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('Cognito identity adapter (at the port)', () => {
  it('creates a verified login without Cognito mail, with a permanent password, then signs in', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'Olivia@Clinic.test', password: PASSWORD, userId: '01JUSER' });
    expect(pool.calls.map((c) => c.action)).toEqual(['AdminCreateUser', 'AdminSetUserPassword']);
    expect(pool.calls[0]!.input).toEqual({
      UserPoolId: 'us-east-1_Pool1',
      Username: 'olivia@clinic.test',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'olivia@clinic.test' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(pool.calls[1]!.input).toEqual({
      UserPoolId: 'us-east-1_Pool1',
      Username: 'olivia@clinic.test',
      Password: PASSWORD,
      Permanent: true,
    });
    const tokens = await pool.identity.login('OLIVIA@clinic.test', PASSWORD);
    expect(tokens).toEqual({
      accessToken: 'access',
      idToken: 'id',
      refreshToken: 'refresh-1',
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect(pool.calls.at(-1)!.input).toEqual({
      ClientId: 'web-client',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'olivia@clinic.test', PASSWORD },
    });
  });

  it('a second login for the same email is a 409', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'a@clinic.test', password: PASSWORD, userId: '1' });
    const err = await wireError(
      pool.identity.createLogin({ email: 'A@clinic.test', password: PASSWORD, userId: '2' }),
    );
    expect([err.status, err.code, err.message]).toEqual([
      409,
      'conflict',
      'An account with this email already exists',
    ]);
  });

  it('removes the half-created user when the password is refused, and says which rule failed', async () => {
    const pool = fakePool();
    pool.failPasswordOnce();
    const err = await wireError(
      pool.identity.createLogin({ email: 'b@clinic.test', password: 'short', userId: '1' }),
    );
    expect([err.status, err.message]).toEqual([400, 'The password was refused. Password not long enough.']);
    expect(pool.calls.map((c) => c.action)).toEqual([
      'AdminCreateUser',
      'AdminSetUserPassword',
      'AdminDeleteUser',
    ]);
    expect(pool.users.has('b@clinic.test')).toBe(false);
    // The email is free again: the owner can retry the signup.
    await pool.identity.createLogin({ email: 'b@clinic.test', password: PASSWORD, userId: '1' });
  });

  it('a password with a space at either end is a 400, not a server error', async () => {
    const pool = fakePool();
    pool.failNext(
      'AdminSetUserPassword',
      sdkError(
        'InvalidParameterException',
        "1 validation error detected: Value at 'password' failed to satisfy constraint: " +
          'Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$',
      ),
    );
    const err = await wireError(
      pool.identity.createLogin({ email: 'sp@clinic.test', password: ` ${PASSWORD}`, userId: '1' }),
    );
    expect([err.status, err.message]).toEqual([
      400,
      'The password was refused. It cannot start or end with a space.',
    ]);
    expect(pool.users.has('sp@clinic.test')).toBe(false);
  });

  it('an outage while setting the password still removes the user and surfaces the outage as-is', async () => {
    const pool = fakePool();
    const outage = sdkError('InternalErrorException', 'internal detail never shown to users');
    pool.failNext('AdminSetUserPassword', outage);
    await expect(
      pool.identity.createLogin({ email: 'o@clinic.test', password: PASSWORD, userId: '1' }),
    ).rejects.toBe(outage);
    expect(pool.users.has('o@clinic.test')).toBe(false);
  });

  it('when the compensating delete fails too, the caller gets the original error', async () => {
    const pool = fakePool();
    const outage = sdkError('InternalErrorException');
    pool.failNext('AdminSetUserPassword', outage);
    pool.failNext('AdminDeleteUser', sdkError('ServiceUnavailableException'));
    await expect(
      pool.identity.createLogin({ email: 'o2@clinic.test', password: PASSWORD, userId: '1' }),
    ).rejects.toBe(outage);
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'c@clinic.test', password: PASSWORD, userId: '1' });
    const wrong = await wireError(pool.identity.login('c@clinic.test', 'not-the-password'));
    const unknown = await wireError(pool.identity.login('nobody@clinic.test', PASSWORD));
    expect([wrong.status, wrong.code, wrong.message]).toEqual([
      401,
      'unauthorized',
      'Email or password is incorrect',
    ]);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([
      wrong.status,
      wrong.code,
      wrong.message,
    ]);
  });

  it('asks for the authenticator code when the user has TOTP MFA', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'd@clinic.test', password: PASSWORD, userId: '1' });
    pool.users.get('d@clinic.test')!.mfa = true;
    const err = await wireError(pool.identity.login('d@clinic.test', PASSWORD));
    expect([err.status, err.code, err.message]).toEqual([
      401,
      'mfa_required',
      'Enter the 6-digit code from your authenticator app',
    ]);
    // The Session travels with the error, so the code step can answer it.
    expect(err).toBeInstanceOf(MfaRequired);
    expect((err as MfaRequired).session).toMatch(/^session-/);
  });

  it('enrols an authenticator: Associate, Verify (a wrong code changes nothing), then the preference', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'm@clinic.test', password: PASSWORD, userId: '1' });
    pool.calls.length = 0;
    const { secret } = await pool.identity.startTotp('M@clinic.test', 'access:m@clinic.test');
    expect(secret).toBe(pool.users.get('m@clinic.test')!.pendingSecret);
    expect(pool.calls).toEqual([
      { action: 'AssociateSoftwareToken', input: { AccessToken: 'access:m@clinic.test' } },
    ]);

    const wrong = totpCode(secret, Date.now(), 5);
    expect(await pool.identity.confirmTotp('m@clinic.test', 'access:m@clinic.test', wrong)).toBe(false);
    expect(pool.calls.map((c) => c.action)).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken']);
    expect(pool.users.get('m@clinic.test')!.mfa).toBeUndefined();

    const code = totpCode(secret, Date.now());
    expect(await pool.identity.confirmTotp('m@clinic.test', 'access:m@clinic.test', code)).toBe(true);
    expect(pool.calls.slice(-2)).toEqual([
      {
        action: 'VerifySoftwareToken',
        input: { AccessToken: 'access:m@clinic.test', UserCode: code, FriendlyDeviceName: 'Rounds' },
      },
      {
        action: 'SetUserMFAPreference',
        input: {
          AccessToken: 'access:m@clinic.test',
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        },
      },
    ]);
    expect(pool.users.get('m@clinic.test')!.mfa).toBe(true);
  });

  it('signs in with the code: RespondToAuthChallenge with the Session; a wrong code is a clear 401', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'n@clinic.test', password: PASSWORD, userId: '1' });
    const { secret } = await pool.identity.startTotp('n@clinic.test', 'access:n@clinic.test');
    await pool.identity.confirmTotp('n@clinic.test', 'access:n@clinic.test', totpCode(secret, Date.now()));
    const challenge = await wireError(pool.identity.login('n@clinic.test', PASSWORD));
    const session = (challenge as MfaRequired).session;

    const wrong = await wireError(
      pool.identity.respondToMfa('n@clinic.test', session, totpCode(secret, Date.now(), 4)),
    );
    expect([wrong.status, wrong.code, wrong.message]).toEqual([
      401,
      'unauthorized',
      'That code is not correct. Enter the 6-digit code your authenticator app shows now.',
    ]);
    expect(wrong).not.toBeInstanceOf(MfaSessionEnded);

    const code = totpCode(secret, Date.now());
    const tokens = await pool.identity.respondToMfa('N@clinic.test', session, code);
    expect(tokens).toMatchObject({ accessToken: 'access', idToken: 'id', tokenType: 'Bearer' });
    expect(pool.calls.at(-1)).toEqual({
      action: 'RespondToAuthChallenge',
      input: {
        ClientId: 'web-client',
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: 'n@clinic.test', SOFTWARE_TOKEN_MFA_CODE: code },
      },
    });
    // The Session answered once; an expired one is "sign in again", not a wrong code.
    const used = await wireError(pool.identity.respondToMfa('n@clinic.test', session, code));
    expect(used).toBeInstanceOf(MfaSessionEnded);
    const next = (await wireError(pool.identity.login('n@clinic.test', PASSWORD))) as MfaRequired;
    pool.expire(next.session);
    const expired = await wireError(pool.identity.respondToMfa('n@clinic.test', next.session, code));
    expect(expired).toBeInstanceOf(MfaSessionEnded);
    expect([expired.status, expired.message]).toEqual([
      401,
      'This sign-in has expired. Sign in again with your password.',
    ]);
  });

  it('turns the authenticator off with SetUserMFAPreference; then the password alone signs in', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'o@clinic.test', password: PASSWORD, userId: '1' });
    const { secret } = await pool.identity.startTotp('o@clinic.test', 'access:o@clinic.test');
    await pool.identity.confirmTotp('o@clinic.test', 'access:o@clinic.test', totpCode(secret, Date.now()));
    await pool.identity.disableTotp('o@clinic.test', 'access:o@clinic.test');
    expect(pool.calls.at(-1)).toEqual({
      action: 'SetUserMFAPreference',
      input: {
        AccessToken: 'access:o@clinic.test',
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      },
    });
    await expect(pool.identity.login('o@clinic.test', PASSWORD)).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('an access token Cognito refuses ends the session; throttling is a 429', async () => {
    const pool = fakePool();
    const refused = await wireError(pool.identity.startTotp('x@clinic.test', 'access:x@clinic.test'));
    expect([refused.status, refused.message]).toEqual([401, 'Your session has ended. Sign in again.']);
    const disable = await wireError(pool.identity.disableTotp('x@clinic.test', 'revoked'));
    expect(disable.status).toBe(401);
    pool.failNext('RespondToAuthChallenge', sdkError('TooManyRequestsException'));
    const throttled = await wireError(pool.identity.respondToMfa('x@clinic.test', 's', '123456'));
    expect(throttled.status).toBe(429);
  });

  it('any other challenge is refused without claiming the password was wrong', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'ch@clinic.test', password: PASSWORD, userId: '1' });
    pool.users.get('ch@clinic.test')!.challenge = 'NEW_PASSWORD_REQUIRED';
    const err = await wireError(pool.identity.login('ch@clinic.test', PASSWORD));
    expect([err.status, err.code]).toEqual([401, 'unauthorized']);
    expect(err.message).not.toBe('Email or password is incorrect');
  });

  it('a user the trigger refuses (deactivated) is told so, at sign-in and at refresh', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'e@clinic.test', password: PASSWORD, userId: '1' });
    const { refreshToken } = await pool.identity.login('e@clinic.test', PASSWORD);
    pool.users.get('e@clinic.test')!.deactivated = true;
    const deactivated = [401, 'This account is deactivated. Ask your practice owner to reactivate it.'];
    const atLogin = await wireError(pool.identity.login('e@clinic.test', PASSWORD));
    expect([atLogin.status, atLogin.message]).toEqual(deactivated);
    const atRefresh = await wireError(pool.identity.refresh(refreshToken));
    expect([atRefresh.status, atRefresh.message]).toEqual(deactivated);
  });

  it('a user whose password must be reset is pointed to "Forgot password"', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'r@clinic.test', password: PASSWORD, userId: '1' });
    pool.users.get('r@clinic.test')!.resetRequired = true;
    const err = await wireError(pool.identity.login('r@clinic.test', PASSWORD));
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/Forgot password/);
  });

  it("Cognito's throttling becomes a 429 with Retry-After", async () => {
    const pool = fakePool();
    pool.failNext('InitiateAuth', sdkError('TooManyRequestsException'));
    const atLogin = await wireError(pool.identity.login('t@clinic.test', PASSWORD));
    expect([atLogin.status, atLogin.code]).toEqual([429, 'too_many_requests']);
    expect(Number(atLogin.headers?.['Retry-After'])).toBeGreaterThan(0);
    pool.failNext('AdminCreateUser', sdkError('LimitExceededException'));
    const atCreate = await wireError(
      pool.identity.createLogin({ email: 't@clinic.test', password: PASSWORD, userId: '1' }),
    );
    expect(atCreate.status).toBe(429);
  });

  it('an unknown AWS error is rethrown untouched (onError turns it into a bare 500)', async () => {
    const pool = fakePool();
    const outage = sdkError('InternalErrorException', 'raw AWS text');
    pool.failNext('InitiateAuth', outage);
    await expect(pool.identity.login('u@clinic.test', PASSWORD)).rejects.toBe(outage);
    expect(outage).not.toBeInstanceOf(AppError);
  });

  it('refresh keeps the refresh token Cognito did not rotate; an unknown one ends the session', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'f@clinic.test', password: PASSWORD, userId: '1' });
    const { refreshToken } = await pool.identity.login('f@clinic.test', PASSWORD);
    const renewed = await pool.identity.refresh(refreshToken);
    expect(renewed).toEqual({
      accessToken: 'access-2',
      idToken: 'id-2',
      refreshToken,
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect(pool.calls.at(-1)!.input).toEqual({
      ClientId: 'web-client',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    const err = await wireError(pool.identity.refresh('refresh-unknown'));
    expect([err.status, err.message]).toEqual([401, 'Your session has ended. Sign in again.']);
  });

  it('logout revokes the token; logging out twice or with junk does not fail', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'g@clinic.test', password: PASSWORD, userId: '1' });
    const { refreshToken } = await pool.identity.login('g@clinic.test', PASSWORD);
    await pool.identity.logout(refreshToken);
    expect(pool.calls.at(-1)).toEqual({
      action: 'RevokeToken',
      input: { ClientId: 'web-client', Token: refreshToken },
    });
    await expect(pool.identity.logout(refreshToken)).resolves.toBeUndefined();
    pool.failNext('RevokeToken', sdkError('NotAuthorizedException'));
    await expect(pool.identity.logout('junk-token-from-an-old-browser')).resolves.toBeUndefined();
    const ended = await wireError(pool.identity.refresh(refreshToken));
    expect(ended.message).toBe('Your session has ended. Sign in again.');
  });

  it('deleting a login that does not exist is not an error (compensation is idempotent)', async () => {
    const pool = fakePool();
    await expect(pool.identity.deleteLogin('ghost@clinic.test')).resolves.toBeUndefined();
    expect(pool.calls).toEqual([
      { action: 'AdminDeleteUser', input: { UserPoolId: 'us-east-1_Pool1', Username: 'ghost@clinic.test' } },
    ]);
  });

  it('verifies a password without keeping the session it opened; wrong or unknown is false', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'v@clinic.test', password: PASSWORD, userId: '1' });
    pool.calls.length = 0;
    expect(await pool.identity.verifyPassword('V@clinic.test', PASSWORD)).toBe(true);
    expect(pool.calls).toEqual([
      {
        action: 'InitiateAuth',
        input: {
          ClientId: 'web-client',
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'v@clinic.test', PASSWORD },
        },
      },
      { action: 'RevokeToken', input: { ClientId: 'web-client', Token: 'refresh-1' } },
    ]);
    expect(await pool.identity.verifyPassword('v@clinic.test', 'not-the-password')).toBe(false);
    expect(await pool.identity.verifyPassword('nobody@clinic.test', PASSWORD)).toBe(false);
    // A TOTP challenge only follows a correct password.
    pool.users.get('v@clinic.test')!.mfa = true;
    expect(await pool.identity.verifyPassword('v@clinic.test', PASSWORD)).toBe(true);
    pool.failNext('InitiateAuth', sdkError('TooManyRequestsException'));
    const throttled = await wireError(pool.identity.verifyPassword('v@clinic.test', PASSWORD));
    expect(throttled.status).toBe(429);
  });

  it('sets a permanent password; a refused one is a 400 naming the rule, an unknown user a 404', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'p@clinic.test', password: PASSWORD, userId: '1' });
    await pool.identity.setPassword('P@Clinic.test', 'Quiet-Meadow-Compass-81');
    expect(pool.calls.at(-1)).toEqual({
      action: 'AdminSetUserPassword',
      input: {
        UserPoolId: 'us-east-1_Pool1',
        Username: 'p@clinic.test',
        Password: 'Quiet-Meadow-Compass-81',
        Permanent: true,
      },
    });
    await expect(pool.identity.login('p@clinic.test', 'Quiet-Meadow-Compass-81')).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
    pool.failPasswordOnce();
    const refused = await wireError(pool.identity.setPassword('p@clinic.test', 'short'));
    expect([refused.status, refused.message]).toEqual([
      400,
      'The password was refused. Password not long enough.',
    ]);
    // The refused password left the account as it was.
    expect(pool.users.get('p@clinic.test')!.password).toBe('Quiet-Meadow-Compass-81');
    const unknown = await wireError(pool.identity.setPassword('ghost@clinic.test', PASSWORD));
    expect(unknown.status).toBe(404);
  });

  it('signs a user out everywhere: every refresh token ends; an unknown user is not an error', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 's@clinic.test', password: PASSWORD, userId: '1' });
    await pool.identity.createLogin({ email: 'k@clinic.test', password: PASSWORD, userId: '2' });
    const first = await pool.identity.login('s@clinic.test', PASSWORD);
    const second = await pool.identity.login('s@clinic.test', PASSWORD);
    const someoneElse = await pool.identity.login('k@clinic.test', PASSWORD);
    await pool.identity.signOutEverywhere('S@clinic.test');
    expect(pool.calls.at(-1)).toEqual({
      action: 'AdminUserGlobalSignOut',
      input: { UserPoolId: 'us-east-1_Pool1', Username: 's@clinic.test' },
    });
    for (const session of [first, second]) {
      const ended = await wireError(pool.identity.refresh(session.refreshToken));
      expect(ended.message).toBe('Your session has ended. Sign in again.');
    }
    await expect(pool.identity.refresh(someoneElse.refreshToken)).resolves.toMatchObject({
      accessToken: 'access-2',
    });
    await expect(pool.identity.signOutEverywhere('ghost@clinic.test')).resolves.toBeUndefined();
    pool.failNext('AdminUserGlobalSignOut', sdkError('TooManyRequestsException'));
    const throttled = await wireError(pool.identity.signOutEverywhere('s@clinic.test'));
    expect(throttled.status).toBe(429);
  });
});
