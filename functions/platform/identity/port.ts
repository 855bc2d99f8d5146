import type { TokenResponse } from '../../../shared/schemas/auth.ts';
import { AppError } from '../errors.ts';

/** The claims Rounds puts in every access token: the tenant wall starts here. */
export interface RoundsClaims {
  sub: string;
  email: string;
  name: string;
  tenant_id: string;
  tenant_kind: 'practice' | 'association';
  role: string;
}

/**
 * Identity port. Local: embedded issuer (scrypt + RS256 tokens shaped like Cognito's).
 * Cloud: Cognito user pool. Both look claims up through the same ClaimsSource.
 */
export interface IdentityPort {
  /** Creates a login for a directory user; throws conflict if the email already has one. */
  createLogin(input: { email: string; password: string; userId: string }): Promise<void>;
  /** Removes a login (compensation when the directory write fails). */
  deleteLogin(email: string): Promise<void>;
  /**
   * Verifies a password and issues tokens; throws unauthorized on any mismatch, and MfaRequired
   * (with the session to answer) when the login has an authenticator app.
   */
  login(email: string, password: string): Promise<TokenResponse>;
  /**
   * Answers MfaRequired with the authenticator code and issues tokens. A wrong code is
   * `mfaCodeWrong()`; a session that expired or was used up is MfaSessionEnded.
   */
  respondToMfa(email: string, session: string, code: string): Promise<TokenResponse>;
  /**
   * Starts authenticator enrolment: a new key, not used at sign-in until confirmed. The caller's
   * access token is how Cognito knows the user (AssociateSoftwareToken); the local issuer ignores it.
   */
  startTotp(email: string, accessToken: string): Promise<{ secret: string }>;
  /** Confirms enrolment with a current code; false when the code is wrong. Then sign-in asks for codes. */
  confirmTotp(email: string, accessToken: string, code: string): Promise<boolean>;
  /** Turns the authenticator step off; sign-in asks for the password only. */
  disableTotp(email: string, accessToken: string): Promise<void>;
  /** Issues new access and id tokens; refreshed claims pick up role changes. */
  refresh(refreshToken: string): Promise<TokenResponse>;
  /** Revokes a refresh token (logout). Unknown tokens are ignored. */
  logout(refreshToken: string): Promise<void>;
  /** Whether this is the login's current password (no tokens are kept); false for unknown emails. */
  verifyPassword(email: string, password: string): Promise<boolean>;
  /**
   * Replaces a login's password (reset link, change password). Rounds checks its policy first;
   * the adapter maps its own store's refusals to a 400.
   */
  setPassword(email: string, password: string): Promise<void>;
  /**
   * Revokes every refresh token of a login, so all its sessions end at their next refresh
   * (access tokens run out within 15 minutes). Unknown emails are ignored.
   */
  signOutEverywhere(email: string): Promise<void>;
}

export const MFA_MESSAGES = {
  required: 'Enter the 6-digit code from your authenticator app',
  wrongCode: 'That code is not correct. Enter the 6-digit code your authenticator app shows now.',
  sessionEnded: 'This sign-in has expired. Sign in again with your password.',
} as const;

/** The password was right; the login has an authenticator app, so `session` must be answered with a code. */
export class MfaRequired extends AppError {
  constructor(readonly session: string) {
    super('mfa_required', MFA_MESSAGES.required);
  }
}

/** The session an authenticator code answers has expired or was used up: sign in again. */
export class MfaSessionEnded extends AppError {
  constructor() {
    super('unauthorized', MFA_MESSAGES.sessionEnded);
  }
}

export const mfaCodeWrong = () => new AppError('unauthorized', MFA_MESSAGES.wrongCode);

/** Reads the current claims for a login email, or null when the user may not sign in. */
export type ClaimsSource = (email: string) => Promise<RoundsClaims | null>;
