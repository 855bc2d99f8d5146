import { tenantLocale } from '../../shared/locale.ts';
import type { LoginInput, Me, MfaLogin, TokenResponse } from '../../shared/schemas/auth.ts';
import type { Tenant } from '../../shared/schemas/tenants.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, notFound, unauthorized } from '../platform/errors.ts';
import { type FailureRecord, LOGIN_THROTTLE, LoginThrottle } from '../platform/identity/login-throttle.ts';
import { MfaRequired, MfaSessionEnded } from '../platform/identity/port.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { answerChallenge, loadChallenge, openChallenge } from './mfa.service.ts';
import { directoryRepo, tenantRepo, userRepo } from './tenants.repo.ts';

/**
 * Signs in. Failures slow down the account and client address they came from (never the account
 * as a whole), and repeated failures from anywhere warn the account holder by email, once per
 * window. Every attempt on a known account (success or failure) lands in that tenant's audit log.
 * An account with two-factor sign-in gets mfa_required with a challenge instead of tokens.
 */
export async function logIn(
  p: Platform,
  input: LoginInput,
  ip: string,
  requestId: string,
  origin: string,
): Promise<TokenResponse> {
  const email = input.email.toLowerCase();
  const throttle = new LoginThrottle(p.store, () => p.clock.now().getTime());
  await throttle.check(email, ip);
  try {
    const tokens = await p.identity.login(email, input.password);
    await throttle.recordSuccess(email, ip);
    await auditLogin(p, email, requestId, { ok: true });
    return tokens;
  } catch (err) {
    // The password was right: the code step comes next (no failure, no sign-in yet).
    if (err instanceof MfaRequired) throw await openChallenge(p, email, err.session);
    if (err instanceof AppError && err.code === 'unauthorized') {
      await signInFailed(p, throttle, email, ip, requestId, origin, 'password');
    }
    throw err;
  }
}

/**
 * The code step of a sign-in (POST /auth/login/mfa): the authenticator code or a recovery code
 * answers the challenge. A wrong one counts as a failed sign-in for the throttle, the audit log
 * and the warning mail; an expired or used-up challenge only asks for the password again.
 */
export async function logInWithCode(
  p: Platform,
  input: MfaLogin,
  ip: string,
  requestId: string,
  origin: string,
): Promise<TokenResponse> {
  const challenge = await loadChallenge(p, input.challenge);
  const { email } = challenge.item;
  const throttle = new LoginThrottle(p.store, () => p.clock.now().getTime());
  await throttle.check(email, ip);
  try {
    const { tokens, recoveryCodesLeft } = await answerChallenge(p, challenge, input);
    await throttle.recordSuccess(email, ip);
    const summary =
      recoveryCodesLeft === undefined
        ? 'Signed in with an authenticator code'
        : `Signed in with a recovery code; ${recoveryCodesLeft} left`;
    await auditLogin(p, email, requestId, { ok: true, summary });
    return tokens;
  } catch (err) {
    if (err instanceof AppError && err.code === 'unauthorized' && !(err instanceof MfaSessionEnded)) {
      await signInFailed(p, throttle, email, ip, requestId, origin, 'code');
    }
    throw err;
  }
}

async function signInFailed(
  p: Platform,
  throttle: LoginThrottle,
  email: string,
  ip: string,
  requestId: string,
  origin: string,
  step: Warning['step'],
): Promise<void> {
  const failure = await throttle.recordFailure(email, ip);
  const warning = failure.warn
    ? { failure, ip, step, resetUrl: `${p.config.publicUrl ?? origin}/forgot-password` }
    : undefined;
  await auditLogin(p, email, requestId, {
    ok: false,
    warning,
    summary: step === 'code' ? 'Failed sign-in attempt: wrong authenticator or recovery code' : undefined,
  });
}

interface Warning {
  failure: FailureRecord;
  ip: string;
  resetUrl: string;
  /** Which step failed: a wrong code after the right password means the password is known. */
  step: 'password' | 'code';
}

async function auditLogin(
  p: Platform,
  email: string,
  requestId: string,
  outcome: { ok: true; summary?: string } | { ok: false; warning?: Warning; summary?: string },
): Promise<void> {
  const entry = await directoryRepo.get(p.store, email);
  if (!entry) return;
  const user = await userRepo.get(
    new TenantDb(
      p.store,
      { tenantId: entry.tenantId },
      { userId: entry.userId, name: '', role: 'system' },
      requestId,
      p.clock,
    ),
    entry.userId,
  );
  if (!user) return;
  const db = new TenantDb(
    p.store,
    { tenantId: entry.tenantId },
    { userId: user.id, name: user.name, role: user.role },
    requestId,
    p.clock,
  );
  const audit = {
    action: outcome.ok ? 'auth.login' : 'auth.login_failed',
    entityType: 'user',
    entityId: user.id,
    summary: outcome.summary ?? (outcome.ok ? 'Signed in' : 'Failed sign-in attempt'),
  };
  if (outcome.ok) {
    await db.write([userRepo.updateOp(db, user.id, { lastLoginAt: db.now().toISOString() })], audit);
    return;
  }
  if (!outcome.warning) {
    await db.appendAudit(audit);
    return;
  }
  // The failed attempt and the warning to the account holder are one write, with one audit line.
  const tenant = await tenantRepo.get(db);
  const mail = queueMail(
    db,
    warningMail({ to: user.email, name: user.name, tenant, ...outcome.warning, at: db.now() }),
    db.now(),
  );
  await db.write([mail.op], {
    ...audit,
    summary: `${audit.summary}; ${outcome.warning.failure.accountFailures} in ${LOGIN_THROTTLE.account.windowMs / 60_000} minutes, so the account holder was told by email`,
  });
  await p.jobs.mailQueued({ tenantId: db.tenantId, messageId: mail.message.id });
}

/** "Someone tried to sign in to your account": when, how often, from where, and what to do. */
function warningMail(
  w: Warning & {
    to: string;
    name: string;
    tenant: Pick<Tenant, 'name' | 'timeZone' | 'region'> | undefined;
    at: Date;
  },
) {
  const timeZone = w.tenant?.timeZone ?? 'UTC';
  const when = new Intl.DateTimeFormat(w.tenant ? tenantLocale(w.tenant) : 'en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(w.at);
  const minutes = LOGIN_THROTTLE.account.windowMs / 60_000;
  const account = `your Rounds account${w.tenant ? ` at ${w.tenant.name}` : ''} (${w.to})`;
  const last = `most recently on ${when} from the network address ${w.ip}`;
  const whatHappened =
    w.step === 'code'
      ? `Someone entered the right password for ${account} but a wrong authenticator or recovery code; sign-ins to it failed ${w.failure.accountFailures} times in the last ${minutes} minutes, ${last}.`
      : `Someone tried to sign in to ${account} with a wrong password ${w.failure.accountFailures} times in the last ${minutes} minutes, ${last}.`;
  const ifNotYou =
    w.step === 'code'
      ? `If it was not you, your password is known to someone else, and only your two-factor sign-in stopped them. Change your password now at ${w.resetUrl} (or choose "Forgot password?" on the sign-in page), and pick a password you use nowhere else.`
      : `If it was not you, your password was not accepted, but someone may be guessing at it. Reset it to be safe at ${w.resetUrl} (or choose "Forgot password?" on the sign-in page), and pick a password you use nowhere else.`;
  return {
    to: w.to,
    kind: 'auth.login_warning',
    subject: 'Someone tried to sign in to your Rounds account',
    text: [
      `Hello ${w.name},`,
      '',
      whatHappened,
      '',
      'If that was you, there is nothing to do: your account is not locked, and only the place the attempts came from has to wait before trying again.',
      '',
      ifNotYou,
      '',
      `We send this at most once every ${minutes} minutes.`,
    ].join('\n'),
  };
}

/** Renews a session's tokens with its refresh token (body or cookie); none is a 401. */
export async function renewSession(p: Platform, refreshToken: string | undefined): Promise<TokenResponse> {
  if (!refreshToken) throw unauthorized('Your session has ended. Sign in again.');
  return p.identity.refresh(refreshToken);
}

/** Revokes a session's refresh token when there is one (logging out twice is fine). */
export async function endSession(p: Platform, refreshToken: string | undefined): Promise<void> {
  if (refreshToken) await p.identity.logout(refreshToken);
}

/** The signed-in user and tenant, for the app shell. */
export async function me(db: TenantDb, auth: AuthContext): Promise<Me> {
  const [user, tenant] = await Promise.all([userRepo.get(db, auth.userId), tenantRepo.get(db)]);
  if (!user || !tenant) throw notFound('Account');
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    tenant: { id: tenant.id, kind: tenant.kind, name: tenant.name },
  };
}
