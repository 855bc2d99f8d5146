import type { TokenResponse } from '../../../shared/schemas/auth.ts';

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
  /** Verifies a password and issues tokens; throws unauthorized on any mismatch. */
  login(email: string, password: string): Promise<TokenResponse>;
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

/** Reads the current claims for a login email, or null when the user may not sign in. */
export type ClaimsSource = (email: string) => Promise<RoundsClaims | null>;
