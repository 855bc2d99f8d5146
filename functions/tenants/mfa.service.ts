import { createHash, randomInt } from 'node:crypto';
import {
  MFA_CHALLENGE_MINUTES,
  type MfaLogin,
  type MfaStatus,
  RECOVERY_CODE_COUNT,
  type RecoveryCodes,
  type TokenResponse,
  type TotpDisable,
  type TotpEnrolment,
} from '../../shared/schemas/auth.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, conflict, notFound, unauthorized, validationFailed } from '../platform/errors.ts';
import { LoginThrottle } from '../platform/identity/login-throttle.ts';
import { MFA_MESSAGES, MfaSessionEnded } from '../platform/identity/port.ts';
import { mfaSecretBox } from '../platform/identity/secret-box.ts';
import { otpauthUri, totpCode, verifyTotp } from '../platform/identity/totp.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { newToken } from '../platform/ids.ts';
import type { Platform } from '../platform/platform.ts';
import { type MfaChallengeItem, mfaRepo } from './mfa.repo.ts';
import { type UserItem, userRepo } from './tenants.repo.ts';

/**
 * Two-factor sign-in with an authenticator app (TOTP) and recovery codes. The identity port holds
 * the factor sign-in checks: the local issuer, or Cognito in the cloud (AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference, RespondToAuthChallenge). Rounds keeps its own part
 * under `SYS#`: ten one-time recovery codes (hashes only) and a sealed copy of the key, with which
 * a recovery code answers the identity's code step (Cognito has no recovery codes) and a current
 * code can turn two-factor sign-in off.
 */

/** Wrong answers one code step takes before the password is asked again. */
const CHALLENGE_ATTEMPTS = 5;
const ISSUER = 'Rounds';
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const ALREADY_ON = 'Two-factor sign-in is already on. Turn it off first to move it to another app.';
const NOT_ON = 'Two-factor sign-in is not on for your account.';
const START_FIRST = 'Start the set-up first: choose "Set up two-factor sign-in".';
const RESTARTED = 'The set-up was restarted elsewhere. Add the newest key to your app and enter its code.';
const WRONG_RECOVERY = 'That recovery code is not correct or was already used.';
const CODE_FIELD = 'That code is not correct. Enter the 6-digit code your authenticator app shows now.';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const normalizeRecovery = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const recoveryHash = (email: string, code: string) =>
  sha256(`${email.toLowerCase()}:${normalizeRecovery(code)}`);

function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

const nowSec = (p: Platform) => Math.floor(p.clock.now().getTime() / 1000);

async function requireUser(db: TenantDb, auth: AuthContext): Promise<UserItem> {
  const user = await userRepo.get(db, auth.userId);
  if (!user) throw notFound('Account');
  return user;
}

// --- the Account page ---

export async function mfaStatus(p: Platform, db: TenantDb, auth: AuthContext): Promise<MfaStatus> {
  const user = await requireUser(db, auth);
  const item = await mfaRepo.get(p.store, user.email);
  if (item?.status !== 'enabled') return { enabled: false, recoveryCodesLeft: 0 };
  const left = await mfaRepo.recoveryCodeHashes(p.store, user.email);
  return { enabled: true, enabledAt: item.enabledAt, recoveryCodesLeft: left.length };
}

/**
 * Starts enrolment: the identity makes a key (Cognito: AssociateSoftwareToken with the caller's
 * access token); Rounds keeps a sealed copy. Nothing changes at sign-in until a code confirms it.
 */
export async function startTotp(
  p: Platform,
  db: TenantDb,
  auth: AuthContext,
  accessToken: string,
): Promise<TotpEnrolment> {
  const user = await requireUser(db, auth);
  const existing = await mfaRepo.get(p.store, user.email);
  if (existing?.status === 'enabled') throw conflict(ALREADY_ON);
  const { secret } = await p.identity.startTotp(user.email, accessToken);
  const sealed = (await mfaSecretBox(p.store)).seal(secret);
  const startedAt = db.now().toISOString();
  await p.store.transact([
    existing
      ? mfaRepo.restartOp(user.email, sealed, startedAt, () => conflict(ALREADY_ON))
      : mfaRepo.startOp(
          { email: user.email, tenantId: db.tenantId, userId: user.id, pendingSecret: sealed, startedAt },
          () => conflict(RESTARTED),
        ),
  ]);
  return { secret, otpauthUri: otpauthUri({ issuer: ISSUER, account: user.email, secret }) };
}

/**
 * Confirms enrolment with a current code (Cognito: VerifySoftwareToken, then SetUserMFAPreference).
 * Answers the recovery codes once; only their hashes are kept.
 */
export async function confirmTotp(
  p: Platform,
  db: TenantDb,
  auth: AuthContext,
  accessToken: string,
  code: string,
): Promise<RecoveryCodes> {
  const user = await requireUser(db, auth);
  const item = await mfaRepo.get(p.store, user.email);
  if (item?.status === 'enabled') throw conflict(ALREADY_ON);
  if (!item?.pendingSecret) throw conflict(START_FIRST);
  if (!(await p.identity.confirmTotp(user.email, accessToken, code))) {
    throw validationFailed([{ path: 'code', message: CODE_FIELD }], 'The code is not correct');
  }
  const now = db.now().toISOString();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.writeWithPlatformItems(
    [],
    [
      mfaRepo.enableOp(user.email, item.pendingSecret, now, () => conflict(RESTARTED)),
      ...codes.map((c) => mfaRepo.recoveryCodeOp(user.email, recoveryHash(user.email, c), now)),
    ],
    {
      action: 'auth.mfa_enabled',
      entityType: 'user',
      entityId: user.id,
      entityName: user.name,
      summary: 'Turned on two-factor sign-in with an authenticator app',
    },
  );
  return { recoveryCodes: codes };
}

/**
 * Turns two-factor sign-in off after a current code or the password. A wrong one is a field error
 * and counts as a failed sign-in, like a wrong current password when changing it.
 */
export async function disableTotp(
  p: Platform,
  db: TenantDb,
  auth: AuthContext,
  accessToken: string,
  input: TotpDisable,
  ip: string,
): Promise<void> {
  const user = await requireUser(db, auth);
  const item = await mfaRepo.get(p.store, user.email);
  if (item?.status !== 'enabled' || !item.secret) throw conflict(NOT_ON);
  const throttle = new LoginThrottle(p.store, () => p.clock.now().getTime());
  await throttle.check(user.email, ip);
  const ok =
    input.password !== undefined
      ? await p.identity.verifyPassword(user.email, input.password)
      : verifyTotp(
          (await mfaSecretBox(p.store)).open(item.secret),
          input.code ?? '',
          p.clock.now().getTime(),
        ) !== null;
  if (!ok) {
    await throttle.recordFailure(user.email, ip);
    await db.appendAudit({
      action: 'auth.mfa_disable_failed',
      entityType: 'user',
      entityId: user.id,
      entityName: user.name,
      summary: 'Turning off two-factor sign-in was refused: wrong code or password',
    });
    throw input.password !== undefined
      ? validationFailed(
          [{ path: 'password', message: 'This is not your password' }],
          'The password is not correct',
        )
      : validationFailed([{ path: 'code', message: CODE_FIELD }], 'The code is not correct');
  }
  await p.identity.disableTotp(user.email, accessToken);
  const hashes = await mfaRepo.recoveryCodeHashes(p.store, user.email);
  await db.writeWithPlatformItems(
    [],
    [mfaRepo.deleteOp(user.email), ...hashes.map((h) => mfaRepo.deleteRecoveryCodeOp(user.email, h))],
    {
      action: 'auth.mfa_disabled',
      entityType: 'user',
      entityId: user.id,
      entityName: user.name,
      summary: 'Turned off two-factor sign-in',
    },
  );
}

// --- sign-in ---

/**
 * The password was right and the identity asks for a code: keeps its session under a one-time
 * challenge token (hash only) for MFA_CHALLENGE_MINUTES and answers mfa_required with the token.
 */
export async function openChallenge(p: Platform, email: string, session: string): Promise<AppError> {
  const token = newToken();
  const validUntil = nowSec(p) + MFA_CHALLENGE_MINUTES * 60;
  await p.store.transact([
    mfaRepo.createChallengeOp(sha256(token), {
      email: email.toLowerCase(),
      session,
      validUntil,
      attempts: 0,
      expiresAt: validUntil + 3600,
    }),
  ]);
  return new AppError('mfa_required', MFA_MESSAGES.required, undefined, undefined, { challenge: token });
}

export interface OpenChallenge {
  hash: string;
  item: MfaChallengeItem;
}

/** The open code step a challenge token names; unknown, used up or expired is "sign in again". */
export async function loadChallenge(p: Platform, token: string): Promise<OpenChallenge> {
  const hash = sha256(token);
  const item = await mfaRepo.getChallenge(p.store, hash);
  if (!item || item.validUntil <= nowSec(p) || item.attempts >= CHALLENGE_ATTEMPTS)
    throw new MfaSessionEnded();
  return { hash, item };
}

/**
 * Answers a code step with the authenticator code, or with a recovery code (used up at once;
 * Rounds then answers with the sealed key). Each answer counts; the challenge closes after
 * CHALLENGE_ATTEMPTS wrong ones, on expiry and on success.
 */
export async function answerChallenge(
  p: Platform,
  challenge: OpenChallenge,
  input: Pick<MfaLogin, 'code' | 'recoveryCode'>,
): Promise<{ tokens: TokenResponse; recoveryCodesLeft?: number }> {
  const { hash, item } = challenge;
  await p.store.transact([
    mfaRepo.attemptOp(hash, nowSec(p), CHALLENGE_ATTEMPTS, () => new MfaSessionEnded()),
  ]);
  try {
    if (input.recoveryCode === undefined) {
      const tokens = await p.identity.respondToMfa(item.email, item.session, input.code ?? '');
      await p.store.transact([mfaRepo.deleteChallengeOp(hash)]);
      return { tokens };
    }
    const tokens = await answerWithRecoveryCode(p, item, input.recoveryCode);
    await p.store.transact([mfaRepo.deleteChallengeOp(hash)]);
    return { tokens, recoveryCodesLeft: (await mfaRepo.recoveryCodeHashes(p.store, item.email)).length };
  } catch (err) {
    if (err instanceof MfaSessionEnded) await p.store.transact([mfaRepo.deleteChallengeOp(hash)]);
    throw err;
  }
}

async function answerWithRecoveryCode(p: Platform, challenge: MfaChallengeItem, code: string) {
  const { email } = challenge;
  const mfa = await mfaRepo.get(p.store, email);
  if (mfa?.status !== 'enabled' || !mfa.secret) throw unauthorized(WRONG_RECOVERY);
  const hash = recoveryHash(email, code);
  await p.store.transact([mfaRepo.useRecoveryCodeOp(email, hash, () => unauthorized(WRONG_RECOVERY))]);
  try {
    return await answerWithOwnKey(p, email, mfa.secret, challenge.session);
  } catch (err) {
    // The code was right but the sign-in did not complete (the session ended): it stays usable.
    await p.store
      .transact([mfaRepo.recoveryCodeOp(email, hash, p.clock.now().toISOString())])
      .catch(() => undefined);
    throw err;
  }
}

async function answerWithOwnKey(p: Platform, email: string, sealed: string, session: string) {
  const secret = (await mfaSecretBox(p.store)).open(sealed);
  const now = p.clock.now().getTime();
  try {
    return await p.identity.respondToMfa(email, session, totpCode(secret, now));
  } catch (err) {
    // This step's code already signed in (codes are not accepted twice): the next step's is valid too.
    if (!(err instanceof AppError) || err instanceof MfaSessionEnded || err.code !== 'unauthorized')
      throw err;
    return p.identity.respondToMfa(email, session, totpCode(secret, now, 1));
  }
}

/**
 * For a caller who is already signed in with both factors and just proved the password again
 * (change password): the identity's code step is answered with the sealed key, not asked again.
 */
export async function continueSignedIn(p: Platform, email: string, session: string): Promise<TokenResponse> {
  const mfa = await mfaRepo.get(p.store, email);
  if (mfa?.status !== 'enabled' || !mfa.secret) throw new MfaSessionEnded();
  return answerWithOwnKey(p, email, mfa.secret, session);
}
