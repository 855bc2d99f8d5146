import type { LoginInput, Me, TokenResponse } from '../../shared/schemas/auth.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { LoginThrottle } from '../platform/identity/login-throttle.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import type { Platform } from '../platform/platform.ts';
import { directoryRepo, tenantRepo, userRepo } from './tenants.repo.ts';

/**
 * Signs in: throttled per email and per client address; every attempt on a known
 * account (success or failure) lands in that tenant's audit log.
 */
export async function logIn(
  p: Platform,
  input: LoginInput,
  ip: string,
  requestId: string,
): Promise<TokenResponse> {
  const email = input.email.toLowerCase();
  const throttle = new LoginThrottle(p.store, () => p.clock.now().getTime());
  await throttle.check(email, ip);
  try {
    const tokens = await p.identity.login(email, input.password);
    await throttle.recordSuccess(email);
    await auditLogin(p, email, requestId, true);
    return tokens;
  } catch (err) {
    if (err instanceof AppError && err.code === 'unauthorized') {
      await throttle.recordFailure(email, ip);
      await auditLogin(p, email, requestId, false);
    }
    throw err;
  }
}

async function auditLogin(p: Platform, email: string, requestId: string, ok: boolean): Promise<void> {
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
    action: ok ? 'auth.login' : 'auth.login_failed',
    entityType: 'user',
    entityId: user.id,
    summary: ok ? 'Signed in' : 'Failed sign-in attempt',
  };
  if (ok) await db.write([userRepo.updateOp(db, user.id, { lastLoginAt: db.now().toISOString() })], audit);
  else await db.appendAudit(audit);
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
