import { describe, expect, it } from 'vitest';
import { AppError } from '../../functions/platform/errors.ts';
import { CognitoIdentity } from '../../functions/platform/identity/cognito-identity.ts';

type Call = { action: string; input: Record<string, any> };

const sdkError = (name: string) => Object.assign(new Error(name), { name });

/**
 * An in-memory user pool speaking the commands the adapter uses, with the SDK's error names.
 * `mfa` users get a challenge; `deactivated` users make the trigger refuse.
 */
function fakePool() {
  const users = new Map<string, { password?: string; mfa?: boolean; deactivated?: boolean }>();
  const refresh = new Map<string, string>();
  const calls: Call[] = [];
  let failNextPassword = false;
  const client = {
    async call(action: string, i: Record<string, any>) {
      calls.push({ action, input: i });
      switch (action) {
        case 'AdminCreateUser':
          if (users.has(i.Username)) throw sdkError('UsernameExistsException');
          users.set(i.Username, {});
          return {};
        case 'AdminSetUserPassword':
          if (failNextPassword) {
            failNextPassword = false;
            throw sdkError('InvalidPasswordException');
          }
          users.get(i.Username)!.password = i.Password;
          return {};
        case 'AdminDeleteUser':
          if (!users.delete(i.Username)) throw sdkError('UserNotFoundException');
          return {};
        case 'InitiateAuth':
          return initiateAuth(i);
        case 'RevokeToken':
          if (!refresh.delete(i.Token)) throw sdkError('UnsupportedTokenTypeException');
          return {};
        default:
          throw new Error(`unexpected ${action}`);
      }
    },
  };
  function initiateAuth(i: Record<string, any>) {
    if (i.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      if (!refresh.has(i.AuthParameters.REFRESH_TOKEN)) throw sdkError('NotAuthorizedException');
      return { AuthenticationResult: { AccessToken: 'access-2', IdToken: 'id-2', ExpiresIn: 900 } };
    }
    const user = users.get(i.AuthParameters.USERNAME);
    if (!user) throw sdkError('UserNotFoundException');
    if (user.password !== i.AuthParameters.PASSWORD) throw sdkError('NotAuthorizedException');
    if (user.deactivated) throw sdkError('UserLambdaValidationException');
    if (user.mfa) return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' };
    const token = `refresh-${refresh.size + 1}`;
    refresh.set(token, i.AuthParameters.USERNAME);
    return {
      AuthenticationResult: { AccessToken: 'access', IdToken: 'id', RefreshToken: token, ExpiresIn: 900 },
    };
  }
  return {
    users,
    calls,
    failPasswordOnce: () => {
      failNextPassword = true;
    },
    identity: new CognitoIdentity(client as never, { userPoolId: 'us-east-1_Pool1', clientId: 'web-client' }),
  };
}

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
  it('creates a login without Cognito mail, with a permanent password, then signs in', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'Olivia@Clinic.test', password: PASSWORD, userId: '01JUSER' });
    const create = pool.calls.find((c) => c.action === 'AdminCreateUser')!;
    expect(create.input).toMatchObject({
      UserPoolId: 'us-east-1_Pool1',
      Username: 'olivia@clinic.test',
      MessageAction: 'SUPPRESS',
    });
    expect(pool.calls.find((c) => c.action === 'AdminSetUserPassword')!.input.Permanent).toBe(true);
    const tokens = await pool.identity.login('olivia@clinic.test', PASSWORD);
    expect(tokens).toEqual({
      accessToken: 'access',
      idToken: 'id',
      refreshToken: 'refresh-1',
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect(pool.calls.at(-1)!.input).toMatchObject({
      ClientId: 'web-client',
      AuthFlow: 'USER_PASSWORD_AUTH',
    });
  });

  it('a second login for the same email is a 409', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'a@clinic.test', password: PASSWORD, userId: '1' });
    const err = await wireError(
      pool.identity.createLogin({ email: 'A@clinic.test', password: PASSWORD, userId: '2' }),
    );
    expect([err.status, err.code]).toEqual([409, 'conflict']);
  });

  it('removes the half-created user when the password is refused', async () => {
    const pool = fakePool();
    pool.failPasswordOnce();
    const err = await wireError(
      pool.identity.createLogin({ email: 'b@clinic.test', password: 'short', userId: '1' }),
    );
    expect(err.status).toBe(400);
    expect(pool.users.has('b@clinic.test')).toBe(false);
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'c@clinic.test', password: PASSWORD, userId: '1' });
    const wrong = await wireError(pool.identity.login('c@clinic.test', 'not-the-password'));
    const unknown = await wireError(pool.identity.login('nobody@clinic.test', PASSWORD));
    expect(wrong.message).toBe('Email or password is incorrect');
    expect([unknown.status, unknown.message]).toEqual([401, wrong.message]);
  });

  it('asks for the authenticator code when the user has TOTP MFA', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'd@clinic.test', password: PASSWORD, userId: '1' });
    pool.users.get('d@clinic.test')!.mfa = true;
    const err = await wireError(pool.identity.login('d@clinic.test', PASSWORD));
    expect([err.status, err.code]).toEqual([401, 'mfa_required']);
  });

  it('a user the trigger refuses (deactivated) is told so', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'e@clinic.test', password: PASSWORD, userId: '1' });
    pool.users.get('e@clinic.test')!.deactivated = true;
    const err = await wireError(pool.identity.login('e@clinic.test', PASSWORD));
    expect(err.message).toMatch(/deactivated/);
  });

  it('refresh keeps the refresh token Cognito did not rotate; an unknown one ends the session', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'f@clinic.test', password: PASSWORD, userId: '1' });
    const { refreshToken } = await pool.identity.login('f@clinic.test', PASSWORD);
    const renewed = await pool.identity.refresh(refreshToken);
    expect(renewed).toMatchObject({ accessToken: 'access-2', refreshToken });
    const err = await wireError(pool.identity.refresh('refresh-unknown'));
    expect([err.status, err.message]).toEqual([401, 'Your session has ended. Sign in again.']);
  });

  it('logout revokes the token; logging out twice or with junk does not fail', async () => {
    const pool = fakePool();
    await pool.identity.createLogin({ email: 'g@clinic.test', password: PASSWORD, userId: '1' });
    const { refreshToken } = await pool.identity.login('g@clinic.test', PASSWORD);
    await pool.identity.logout(refreshToken);
    await pool.identity.logout(refreshToken);
    await expect(pool.identity.refresh(refreshToken)).rejects.toThrow();
  });

  it('deleting a login that does not exist is not an error (compensation is idempotent)', async () => {
    const pool = fakePool();
    await expect(pool.identity.deleteLogin('ghost@clinic.test')).resolves.toBeUndefined();
  });
});
