import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { JWK } from 'jose';
import { ROLES, type Role, TENANT_KINDS, type TenantKind } from '../../../shared/roles.ts';
import { unauthorized } from '../errors.ts';

/** Who is calling, as the verified access token says. */
export interface AuthContext {
  userId: string;
  tenantId: string;
  tenantKind: TenantKind;
  role: Role;
  name: string;
}

export interface VerifierSettings {
  userPoolId: string;
  clientId: string;
  /** Local only: the embedded issuer's JWKS (aws-jwt-verify refuses http: JWKS URIs). */
  jwks?: { keys: JWK[] };
  /**
   * Local only: the platform clock in epoch ms. Tokens are issued on it, and tests move it both
   * ways: a world on a fixed date in the past must not fail once the real time passes its tokens'
   * 15 minutes, and a test that jumps a day ahead after signing in keeps its session. So a local
   * token is refused once it has expired by both the platform clock and the real time. The cloud
   * column omits it: Cognito issues on the real time and aws-jwt-verify checks that alone.
   */
  now?: () => number;
}

export type TokenVerifier = (token: string) => Promise<AuthContext>;

/**
 * aws-jwt-verify reads the real time; with a platform clock behind it, the gap is given as grace,
 * so a token passes while `exp` is after the earlier of the two clocks.
 */
function graceFor(now: (() => number) | undefined) {
  if (!now) return {};
  return { graceSeconds: Math.max(0, Math.ceil((Date.now() - now()) / 1000)) };
}

/** One verifier for both columns: CognitoJwtVerifier, fed the local JWKS when running locally. */
export function createTokenVerifier(s: VerifierSettings): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({
    userPoolId: s.userPoolId,
    tokenUse: 'access',
    clientId: s.clientId,
  });
  if (s.jwks) verifier.cacheJwks(s.jwks as Parameters<typeof verifier.cacheJwks>[0]);
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      payload = (await verifier.verify(token, graceFor(s.now))) as unknown as Record<string, unknown>;
    } catch {
      throw unauthorized('Your session is invalid or has expired. Sign in again.');
    }
    // user_id, not sub: Cognito's sub is its own id; ours comes from the table via the trigger.
    const { user_id, tenant_id, tenant_kind, role, name } = payload;
    if (
      typeof user_id !== 'string' ||
      typeof tenant_id !== 'string' ||
      !TENANT_KINDS.includes(tenant_kind as TenantKind) ||
      !ROLES.includes(role as Role)
    ) {
      throw unauthorized('Your session is missing tenant information. Sign in again.');
    }
    return {
      userId: user_id,
      tenantId: tenant_id,
      tenantKind: tenant_kind as TenantKind,
      role: role as Role,
      name: typeof name === 'string' ? name : '',
    };
  };
}
