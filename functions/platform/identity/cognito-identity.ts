import type { TokenResponse } from '../../../shared/schemas/auth.ts';
import { PASSWORD_LENGTH } from '../../../shared/schemas/common.ts';
import { AppError, badRequest, conflict, notFound, tooManyRequests, unauthorized } from '../errors.ts';
import { withoutUndefined } from '../objects.ts';
import type { CognitoApi } from './cognito-api.ts';
import { type IdentityPort, MfaRequired, MfaSessionEnded, mfaCodeWrong } from './port.ts';

/** Which user pool and app client the adapter signs users into. */
export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
}

interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
}

interface InitiateAuthOutput {
  ChallengeName?: string;
  Session?: string;
  AuthenticationResult?: AuthenticationResult;
}

const WRONG_CREDENTIALS = 'Email or password is incorrect';
const DEACTIVATED = 'This account is deactivated. Ask your practice owner to reactivate it.';
const UNSUPPORTED_STEP = 'This sign-in needs a step Rounds does not support yet. Contact support.';
const THROTTLED = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'TooManyFailedAttemptsException',
]);

const errorName = (err: unknown) => (err as { name?: string })?.name ?? '';

/**
 * Cloud adapter of the identity port: the Cognito user pool holds the passwords; the
 * pre-token-generation trigger adds tenant, kind and role from the table, so tokens look
 * exactly like the local issuer's. The pool's sign-in alias is the email address.
 */
export class CognitoIdentity implements IdentityPort {
  constructor(
    private readonly api: CognitoApi,
    private readonly settings: CognitoSettings,
  ) {}

  async createLogin(input: { email: string; password: string; userId: string }): Promise<void> {
    const username = input.email.toLowerCase();
    try {
      await this.api.call('AdminCreateUser', {
        UserPoolId: this.settings.userPoolId,
        Username: username,
        // Rounds sends its own invitation mail; Cognito's would duplicate it.
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: username },
          { Name: 'email_verified', Value: 'true' },
        ],
      });
    } catch (err) {
      if (errorName(err) === 'UsernameExistsException')
        throw conflict('An account with this email already exists');
      throw mapCommon(err);
    }
    try {
      await this.api.call('AdminSetUserPassword', {
        UserPoolId: this.settings.userPoolId,
        Username: username,
        Password: input.password,
        Permanent: true,
      });
    } catch (err) {
      // Compensate: a login without a usable password would block this email for good.
      // If the delete fails too, the caller still gets the password step's error.
      await this.deleteLogin(username).catch(() => undefined);
      throw passwordRefusal(err) ?? mapCommon(err);
    }
  }

  async deleteLogin(email: string): Promise<void> {
    try {
      await this.api.call('AdminDeleteUser', {
        UserPoolId: this.settings.userPoolId,
        Username: email.toLowerCase(),
      });
    } catch (err) {
      if (errorName(err) !== 'UserNotFoundException') throw err;
    }
  }

  async login(email: string, password: string): Promise<TokenResponse> {
    try {
      const out = await this.api.call<InitiateAuthOutput>('InitiateAuth', {
        ClientId: this.settings.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email.toLowerCase(), PASSWORD: password },
      });
      // The code step answers this Session with RespondToAuthChallenge (respondToMfa).
      if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA' && out.Session) throw new MfaRequired(out.Session);
      // Any other challenge comes after a correct password, so saying so reveals nothing.
      if (out.ChallengeName) throw unauthorized(UNSUPPORTED_STEP);
      if (!out.AuthenticationResult) throw unauthorized(WRONG_CREDENTIALS);
      return tokens(out.AuthenticationResult);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const name = errorName(err);
      if (name === 'NotAuthorizedException' || name === 'UserNotFoundException')
        throw unauthorized(WRONG_CREDENTIALS);
      if (name === 'PasswordResetRequiredException') {
        throw unauthorized('Your password must be reset. Use "Forgot password" to choose a new one.');
      }
      throw mapCommon(err);
    }
  }

  async respondToMfa(email: string, session: string, code: string): Promise<TokenResponse> {
    try {
      const out = await this.api.call<InitiateAuthOutput>('RespondToAuthChallenge', {
        ClientId: this.settings.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: email.toLowerCase(), SOFTWARE_TOKEN_MFA_CODE: code },
      });
      if (out.ChallengeName) throw unauthorized(UNSUPPORTED_STEP);
      if (!out.AuthenticationResult) throw new MfaSessionEnded();
      return tokens(out.AuthenticationResult);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const name = errorName(err);
      if (name === 'CodeMismatchException' || name === 'ExpiredCodeException') throw mfaCodeWrong();
      // "Invalid session for the user, session is expired." (or already answered).
      if (name === 'NotAuthorizedException') throw new MfaSessionEnded();
      throw mapCommon(err);
    }
  }

  /** AssociateSoftwareToken with the user's access token: Cognito makes the key and keeps it. */
  async startTotp(_email: string, accessToken: string): Promise<{ secret: string }> {
    try {
      const out = await this.api.call<{ SecretCode?: string }>('AssociateSoftwareToken', {
        AccessToken: accessToken,
      });
      if (!out.SecretCode) throw new Error('AssociateSoftwareToken returned no SecretCode');
      return { secret: out.SecretCode };
    } catch (err) {
      throw sessionRefusal(err) ?? mapCommon(err);
    }
  }

  /** VerifySoftwareToken, then SetUserMFAPreference so every sign-in asks for a code. */
  async confirmTotp(_email: string, accessToken: string, code: string): Promise<boolean> {
    try {
      const out = await this.api.call<{ Status?: string }>('VerifySoftwareToken', {
        AccessToken: accessToken,
        UserCode: code,
        FriendlyDeviceName: 'Rounds',
      });
      if (out.Status !== 'SUCCESS') return false;
    } catch (err) {
      const name = errorName(err);
      if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') return false;
      throw sessionRefusal(err) ?? mapCommon(err);
    }
    await this.setTotpPreference(accessToken, true);
    return true;
  }

  async disableTotp(_email: string, accessToken: string): Promise<void> {
    await this.setTotpPreference(accessToken, false);
  }

  private async setTotpPreference(accessToken: string, enabled: boolean): Promise<void> {
    try {
      await this.api.call('SetUserMFAPreference', {
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: enabled, PreferredMfa: enabled },
      });
    } catch (err) {
      throw sessionRefusal(err) ?? mapCommon(err);
    }
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    try {
      const out = await this.api.call<InitiateAuthOutput>('InitiateAuth', {
        ClientId: this.settings.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      });
      if (!out.AuthenticationResult) throw unauthorized('Your session has ended. Sign in again.');
      // Without refresh-token rotation Cognito returns no new one: the old one stays valid.
      return tokens({ RefreshToken: refreshToken, ...withoutUndefined(out.AuthenticationResult) });
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (errorName(err) === 'NotAuthorizedException')
        throw unauthorized('Your session has ended. Sign in again.');
      throw mapCommon(err);
    }
  }

  async logout(refreshToken: string): Promise<void> {
    try {
      await this.api.call('RevokeToken', { ClientId: this.settings.clientId, Token: refreshToken });
    } catch (err) {
      // Logging out with an unknown or already revoked token is already the wanted state.
      if (
        !['UnsupportedTokenTypeException', 'NotAuthorizedException', 'InvalidParameterException'].includes(
          errorName(err),
        )
      )
        throw err;
    }
  }

  /**
   * Checks a password with the same USER_PASSWORD_AUTH flow sign-in uses. The session it opens
   * is revoked at once; a challenge (TOTP) comes only after a correct password, so it counts as one.
   */
  async verifyPassword(email: string, password: string): Promise<boolean> {
    let out: InitiateAuthOutput;
    try {
      out = await this.api.call<InitiateAuthOutput>('InitiateAuth', {
        ClientId: this.settings.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email.toLowerCase(), PASSWORD: password },
      });
    } catch (err) {
      const name = errorName(err);
      if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') return false;
      if (name === 'PasswordResetRequiredException') return false;
      throw mapCommon(err);
    }
    const refreshToken = out.AuthenticationResult?.RefreshToken;
    if (refreshToken) await this.logout(refreshToken);
    return Boolean(out.AuthenticationResult || out.ChallengeName);
  }

  /** Sets a permanent password (no "change at next sign-in"); Rounds mails its own reset links. */
  async setPassword(email: string, password: string): Promise<void> {
    try {
      await this.api.call('AdminSetUserPassword', {
        UserPoolId: this.settings.userPoolId,
        Username: email.toLowerCase(),
        Password: password,
        Permanent: true,
      });
    } catch (err) {
      if (errorName(err) === 'UserNotFoundException') throw notFound('Login');
      throw passwordRefusal(err) ?? mapCommon(err);
    }
  }

  /** AdminUserGlobalSignOut: Cognito revokes every refresh token the user holds. */
  async signOutEverywhere(email: string): Promise<void> {
    try {
      await this.api.call('AdminUserGlobalSignOut', {
        UserPoolId: this.settings.userPoolId,
        Username: email.toLowerCase(),
      });
    } catch (err) {
      if (errorName(err) !== 'UserNotFoundException') throw mapCommon(err);
    }
  }
}

function tokens(result: AuthenticationResult): TokenResponse {
  if (!result.AccessToken || !result.IdToken || !result.RefreshToken) {
    throw unauthorized('Sign-in did not complete. Try again.');
  }
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: result.RefreshToken,
    expiresIn: result.ExpiresIn ?? 900,
    tokenType: 'Bearer',
  };
}

/**
 * Cognito's own password refusals as a 400. Its policy message names the rule it failed
 * ("Password not long enough"); only that plain-text part reaches the client.
 */
function passwordRefusal(err: unknown): AppError | undefined {
  const name = errorName(err);
  if (name === 'InvalidPasswordException') {
    const rule = /policy:\s*([\w ,'-]{1,120})\.?$/i.exec(String((err as Error).message ?? ''))?.[1];
    return badRequest(
      `The password was refused. ${rule ? `${rule.trim()}.` : `Use at least ${PASSWORD_LENGTH.min} characters.`}`,
    );
  }
  // The only parameter pattern a valid request can miss: Cognito wants no space at either end.
  if (name === 'InvalidParameterException' && /password/i.test(String((err as Error).message))) {
    return badRequest('The password was refused. It cannot start or end with a space.');
  }
  return undefined;
}

/** An access token Cognito no longer accepts (signed out everywhere, expired): sign in again. */
function sessionRefusal(err: unknown): AppError | undefined {
  return errorName(err) === 'NotAuthorizedException'
    ? unauthorized('Your session has ended. Sign in again.')
    : undefined;
}

/** Errors every call may meet: throttling, and a trigger refusing a deactivated user. */
function mapCommon(err: unknown): unknown {
  const name = errorName(err);
  if (THROTTLED.has(name)) return tooManyRequests(30, 'Too many attempts. Wait a moment and try again.');
  if (name === 'UserLambdaValidationException') return unauthorized(DEACTIVATED);
  return err;
}
