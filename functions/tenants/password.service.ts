import { createHash } from 'node:crypto';
import {
  type ChangePassword,
  type PasswordResetConfirm,
  type PasswordResetPreview,
  RESET_LINK_MINUTES,
  type TokenResponse,
} from '../../shared/schemas/auth.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, badRequest, conflict, forbidden, notFound, validationFailed } from '../platform/errors.ts';
import { LoginThrottle } from '../platform/identity/login-throttle.ts';
import { MfaRequired } from '../platform/identity/port.ts';
import { ResetThrottle } from '../platform/identity/reset-throttle.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { newToken } from '../platform/ids.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { continueSignedIn } from './mfa.service.ts';
import { assertStrongPassword } from './signup.service.ts';
import { directoryRepo, passwordResetRepo, tenantRepo, type UserItem, userRepo } from './tenants.repo.ts';

/**
 * Password reset by email link, change password, and sign-out everywhere. Rounds owns the
 * link and its mail in both columns; the identity port only verifies, sets and revokes
 * (locally the embedded issuer, in the cloud AdminSetUserPassword / AdminUserGlobalSignOut).
 */

/** Mail kind of a reset link; the outbox page hides the link (only the recipient may use it). */
export const RESET_MAIL_KIND = 'auth.password_reset';
/** Used or expired links stay readable this long, so a late click hears why it no longer works. */
const KEEP_SECONDS = 7 * 86400;

export const RESET_ACCEPTED = {
  message: `If an account uses this email, we sent it a link to choose a new password. The link works once, for ${RESET_LINK_MINUTES} minutes.`,
};
const LINK_INVALID = 'This reset link is not valid. Check that you opened the whole link from the email.';
const LINK_USED =
  'This reset link was already used. Ask for a new one if you still need to reset your password.';
const LINK_EXPIRED = `This reset link has expired (links work for ${RESET_LINK_MINUTES} minutes). Ask for a new one.`;

/**
 * The outbox page shows a reset mail without its link: owners and managers read the outbox,
 * and a link they could open would let them take over a teammate's account.
 */
export function hideResetLink(kind: string, text: string): string {
  if (kind !== RESET_MAIL_KIND) return text;
  return text.replace(/\S*\/reset\/[A-Za-z0-9_-]+/g, '(link hidden: only the recipient can use it)');
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Mails a one-time reset link when the email has an active account. The answer is the same
 * either way (no account enumeration); requests are throttled per client address and per email.
 */
export async function requestPasswordReset(
  p: Platform,
  emailInput: string,
  ip: string,
  origin: string,
  requestId: string,
): Promise<typeof RESET_ACCEPTED> {
  const email = emailInput.toLowerCase();
  const { mayMail } = await new ResetThrottle(p.store, () => p.clock.now().getTime()).hit(email, ip);
  if (mayMail) await mailResetLink(p, email, origin, requestId);
  return RESET_ACCEPTED;
}

async function mailResetLink(p: Platform, email: string, origin: string, requestId: string): Promise<void> {
  const entry = await directoryRepo.get(p.store, email);
  if (!entry) return;
  const db = new TenantDb(
    p.store,
    { tenantId: entry.tenantId },
    { userId: entry.userId, name: '', role: 'system' },
    requestId,
    p.clock,
  );
  const [user, tenant] = await Promise.all([userRepo.get(db, entry.userId), tenantRepo.get(db)]);
  if (user?.status !== 'active' || !tenant) return;
  const now = db.now();
  const token = newToken();
  const validUntil = Math.floor(now.getTime() / 1000) + RESET_LINK_MINUTES * 60;
  const link = `${p.config.publicUrl ?? origin}/reset/${token}`;
  const mail = queueMail(
    db,
    {
      to: user.email,
      kind: RESET_MAIL_KIND,
      subject: 'Reset your Rounds password',
      text: [
        `Hello ${user.name},`,
        '',
        `Someone asked to reset the password of your Rounds account at ${tenant.name}.`,
        `Choose a new password here: ${link}`,
        '',
        `This link works once and only for the next ${RESET_LINK_MINUTES} minutes. Setting a new password signs you out everywhere.`,
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    },
    now,
  );
  await actorDb(p, entry.tenantId, user, requestId).writeWithPlatformItems(
    [mail.op],
    [
      passwordResetRepo.createOp(hashToken(token), {
        tenantId: entry.tenantId,
        userId: user.id,
        email: user.email,
        createdAt: now.toISOString(),
        validUntil,
        expiresAt: validUntil + KEEP_SECONDS,
      }),
    ],
    {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      summary: 'Password reset link sent by email',
    },
  );
  await p.jobs.mailQueued({ tenantId: entry.tenantId, messageId: mail.message.id });
}

/** What the reset page shows first; refuses unknown, used and expired links with their reason. */
export async function previewPasswordReset(p: Platform, token: string): Promise<PasswordResetPreview> {
  const { link } = await loadLink(p, token);
  return { email: link.email, expiresAt: new Date(link.validUntil * 1000).toISOString() };
}

/**
 * Sets the new password through the link, once: the link is used first (so two submits cannot
 * both win), given back if the password is refused, and every session of the account ends.
 */
export async function confirmPasswordReset(
  p: Platform,
  input: PasswordResetConfirm,
  requestId: string,
): Promise<void> {
  const { link, hash } = await loadLink(p, input.token);
  const lookup = new TenantDb(
    p.store,
    { tenantId: link.tenantId },
    { userId: link.userId, name: '', role: 'system' },
    requestId,
    p.clock,
  );
  const user = await userRepo.get(lookup, link.userId);
  if (!user || user.email !== link.email) throw new AppError('not_found', LINK_INVALID);
  if (user.status !== 'active') {
    throw forbidden('This account is deactivated. Ask your practice owner to reactivate it.');
  }
  assertStrongPassword(input.password, { email: user.email, name: user.name }, 'password');
  await p.store.transact([passwordResetRepo.useOp(hash, p.clock.now(), () => conflict(LINK_USED))]);
  try {
    await p.identity.setPassword(user.email, input.password);
  } catch (err) {
    await p.store.transact([passwordResetRepo.releaseOp(hash)]).catch(() => undefined);
    throw err;
  }
  await p.identity.signOutEverywhere(user.email);
  await actorDb(p, link.tenantId, user, requestId).appendAudit({
    action: 'auth.password_reset',
    entityType: 'user',
    entityId: user.id,
    summary: 'Password reset with an email link; signed out of all sessions',
  });
}

async function loadLink(p: Platform, token: string) {
  const hash = hashToken(token);
  const link = await passwordResetRepo.get(p.store, hash);
  if (!link) throw new AppError('not_found', LINK_INVALID);
  if (link.usedAt) throw conflict(LINK_USED);
  if (link.validUntil <= Math.floor(p.clock.now().getTime() / 1000)) throw badRequest(LINK_EXPIRED);
  return { link, hash };
}

/**
 * Changes the signed-in user's password. A wrong current password is a 400 on that field
 * (never 401: the session itself is fine) and counts as a failed sign-in for throttling.
 * Every other session ends; the caller gets fresh tokens and stays signed in.
 */
export async function changePassword(
  p: Platform,
  db: TenantDb,
  auth: AuthContext,
  input: ChangePassword,
  ip: string,
): Promise<TokenResponse> {
  const user = await requireUser(db, auth);
  const throttle = new LoginThrottle(p.store, () => p.clock.now().getTime());
  await throttle.check(user.email, ip);
  if (!(await p.identity.verifyPassword(user.email, input.currentPassword))) {
    await throttle.recordFailure(user.email, ip);
    await db.appendAudit({
      action: 'auth.password_change_failed',
      entityType: 'user',
      entityId: user.id,
      summary: 'Password change refused: wrong current password',
    });
    throw validationFailed(
      [{ path: 'currentPassword', message: 'This is not your current password' }],
      'Your current password is not correct',
    );
  }
  if (input.newPassword === input.currentPassword) {
    throw validationFailed([
      { path: 'newPassword', message: 'Choose a password different from your current one' },
    ]);
  }
  assertStrongPassword(input.newPassword, { email: user.email, name: user.name }, 'newPassword');
  await p.identity.setPassword(user.email, input.newPassword);
  await p.identity.signOutEverywhere(user.email);
  const tokens = await p.identity.login(user.email, input.newPassword).catch((err: unknown) => {
    // Two-factor sign-in is on: this session already passed it, so its code step is answered for it.
    if (err instanceof MfaRequired) return continueSignedIn(p, user.email, err.session);
    throw err;
  });
  await db.appendAudit({
    action: 'auth.password_changed',
    entityType: 'user',
    entityId: user.id,
    summary: 'Changed their password; other sessions signed out',
  });
  return tokens;
}

/** Ends every session of the signed-in user, this one included at its next refresh. */
export async function signOutEverywhere(p: Platform, db: TenantDb, auth: AuthContext): Promise<void> {
  const user = await requireUser(db, auth);
  await p.identity.signOutEverywhere(user.email);
  await db.appendAudit({
    action: 'auth.signed_out_everywhere',
    entityType: 'user',
    entityId: user.id,
    summary: 'Signed out of all sessions',
  });
}

async function requireUser(db: TenantDb, auth: AuthContext): Promise<UserItem> {
  const user = await userRepo.get(db, auth.userId);
  if (!user) throw notFound('Account');
  return user;
}

function actorDb(p: Platform, tenantId: string, user: UserItem, requestId: string): TenantDb {
  return new TenantDb(
    p.store,
    { tenantId },
    { userId: user.id, name: user.name, role: user.role },
    requestId,
    p.clock,
  );
}
