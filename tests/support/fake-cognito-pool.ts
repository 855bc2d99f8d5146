import { CognitoIdentity } from '../../functions/platform/identity/cognito-identity.ts';
import { newTotpSecret, verifyTotp } from '../../functions/platform/identity/totp.ts';

type Call = { action: string; input: Record<string, any> };

export const sdkError = (name: string, message = name) => Object.assign(new Error(message), { name });

/**
 * An in-memory user pool speaking the commands the adapter uses, with the SDK's error names.
 * `mfa` users get a challenge; `deactivated` users make the trigger refuse. Software tokens work
 * like Cognito's: associate with an access token (`access:<username>` here), verify a code, set
 * the preference; a SOFTWARE_TOKEN_MFA Session is answered once with a right code.
 * `userForAccessToken` lets a test map real access tokens to pool users.
 */
export function fakePool(opts: { userForAccessToken?: (token: string) => string | undefined } = {}) {
  const users = new Map<
    string,
    {
      password?: string;
      mfa?: boolean;
      deactivated?: boolean;
      challenge?: string;
      resetRequired?: boolean;
      pendingSecret?: string;
      totpSecret?: string;
    }
  >();
  const refresh = new Map<string, string>();
  /** Open MFA sessions: Session → username. `expire(session)` ends one as Cognito's 3–15 minutes would. */
  const sessions = new Map<string, string>();
  const byAccessToken = (token: string) => {
    const username =
      opts.userForAccessToken?.(token) ?? (token.startsWith('access:') ? token.slice('access:'.length) : '');
    const user = users.get(username);
    if (!user) throw sdkError('NotAuthorizedException', 'Access Token has been revoked');
    return user;
  };
  let issued = 0;
  const calls: Call[] = [];
  let failNextPassword = false;
  /** The next call of this action throws this error instead (throttling, outages). */
  const failures = new Map<string, Error>();
  const client = {
    async call(action: string, i: Record<string, any>) {
      calls.push({ action, input: i });
      const failure = failures.get(action);
      if (failure) {
        failures.delete(action);
        throw failure;
      }
      switch (action) {
        case 'AdminCreateUser':
          if (users.has(i.Username)) throw sdkError('UsernameExistsException');
          users.set(i.Username, {});
          return {};
        case 'AdminSetUserPassword':
          if (!users.has(i.Username)) throw sdkError('UserNotFoundException');
          if (failNextPassword) {
            failNextPassword = false;
            throw sdkError(
              'InvalidPasswordException',
              'Password did not conform with policy: Password not long enough',
            );
          }
          users.get(i.Username)!.password = i.Password;
          return {};
        case 'AdminDeleteUser':
          if (!users.delete(i.Username)) throw sdkError('UserNotFoundException');
          return {};
        case 'AdminUserGlobalSignOut':
          if (!users.has(i.Username)) throw sdkError('UserNotFoundException');
          for (const [token, owner] of refresh) if (owner === i.Username) refresh.delete(token);
          return {};
        case 'InitiateAuth':
          return initiateAuth(i);
        case 'RevokeToken':
          if (!refresh.delete(i.Token)) throw sdkError('UnsupportedTokenTypeException');
          return {};
        case 'AssociateSoftwareToken': {
          const user = byAccessToken(i.AccessToken);
          user.pendingSecret = newTotpSecret();
          return { SecretCode: user.pendingSecret };
        }
        case 'VerifySoftwareToken': {
          const user = byAccessToken(i.AccessToken);
          if (!user.pendingSecret) throw sdkError('InvalidParameterException');
          if (verifyTotp(user.pendingSecret, i.UserCode, Date.now()) === null) {
            throw sdkError('EnableSoftwareTokenMFAException', 'Code mismatch');
          }
          user.totpSecret = user.pendingSecret;
          return { Status: 'SUCCESS' };
        }
        case 'SetUserMFAPreference': {
          const user = byAccessToken(i.AccessToken);
          const { Enabled } = i.SoftwareTokenMfaSettings;
          if (Enabled && !user.totpSecret) throw sdkError('InvalidParameterException');
          user.mfa = Enabled;
          return {};
        }
        case 'RespondToAuthChallenge': {
          const username = sessions.get(i.Session);
          if (
            !username ||
            i.ChallengeName !== 'SOFTWARE_TOKEN_MFA' ||
            i.ChallengeResponses.USERNAME !== username
          ) {
            throw sdkError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
          }
          const user = users.get(username)!;
          const code = i.ChallengeResponses.SOFTWARE_TOKEN_MFA_CODE;
          if (!user.totpSecret || verifyTotp(user.totpSecret, code, Date.now()) === null) {
            throw sdkError('CodeMismatchException', 'Invalid code received for user');
          }
          sessions.delete(i.Session);
          return issue(username);
        }
        default:
          throw new Error(`unexpected ${action}`);
      }
    },
  };
  function initiateAuth(i: Record<string, any>) {
    if (i.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      const owner = refresh.get(i.AuthParameters.REFRESH_TOKEN);
      if (!owner) throw sdkError('NotAuthorizedException');
      if (users.get(owner)?.deactivated) throw sdkError('UserLambdaValidationException');
      return { AuthenticationResult: { AccessToken: 'access-2', IdToken: 'id-2', ExpiresIn: 900 } };
    }
    const user = users.get(i.AuthParameters.USERNAME);
    if (!user) throw sdkError('UserNotFoundException');
    if (user.password !== i.AuthParameters.PASSWORD) throw sdkError('NotAuthorizedException');
    if (user.resetRequired) throw sdkError('PasswordResetRequiredException');
    if (user.deactivated) throw sdkError('UserLambdaValidationException');
    if (user.mfa) {
      const session = `session-${sessions.size + 1}-${i.AuthParameters.USERNAME}`;
      sessions.set(session, i.AuthParameters.USERNAME);
      return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session };
    }
    if (user.challenge) return { ChallengeName: user.challenge, Session: 's' };
    return issue(i.AuthParameters.USERNAME);
  }
  function issue(username: string) {
    const token = `refresh-${++issued}`;
    refresh.set(token, username);
    return {
      AuthenticationResult: { AccessToken: 'access', IdToken: 'id', RefreshToken: token, ExpiresIn: 900 },
    };
  }
  return {
    users,
    calls,
    expire: (session: string) => sessions.delete(session),
    failNext: (action: string, err: Error) => failures.set(action, err),
    failPasswordOnce: () => {
      failNextPassword = true;
    },
    identity: new CognitoIdentity(client as never, { userPoolId: 'us-east-1_Pool1', clientId: 'web-client' }),
  };
}
