import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import type { TokenResponse } from '../../../shared/schemas/auth.ts';
import type { Clock } from '../clock.ts';
import { systemKeys } from '../db/keys.ts';
import type { Store } from '../db/store.ts';
import { AppError, conflict, notFound, unauthorized } from '../errors.ts';
import { newId, newToken } from '../ids.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import {
  type ClaimsSource,
  type IdentityPort,
  MfaRequired,
  MfaSessionEnded,
  mfaCodeWrong,
  type RoundsClaims,
} from './port.ts';
import { newTotpSecret, verifyTotp } from './totp.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
/** How long the session from a right password waits for its authenticator code (Cognito's AuthSessionValidity). */
export const MFA_SESSION_SECONDS = 5 * 60;

export interface IssuerSettings {
  region: string;
  userPoolId: string;
  clientId: string;
}

interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

interface Credential {
  userId: string;
  passwordHash: string;
  /** Bumped by "sign out everywhere": refresh tokens issued under an older generation stop working. */
  sessionGeneration?: number;
  /** The authenticator key (base32) once enrolment is confirmed: sign-in then asks for a code. */
  totpSecret?: string;
  /** A key being enrolled, not yet confirmed with a code. */
  totpPending?: string;
  /** The last time step whose code signed in: it and older steps are refused (no replay). */
  totpLastStep?: number;
}

interface RefreshRecord {
  email: string;
  clientId: string;
  expiresAt: number;
  /** The credential's session generation when the token was issued (absent: 0). */
  generation?: number;
}

/** The issuer URL Cognito would use for this pool; aws-jwt-verify checks it. */
export function issuerUrl(s: IssuerSettings): string {
  return `https://cognito-idp.${s.region}.amazonaws.com/${s.userPoolId}`;
}

/** Loads the RS256 signing key from the table, creating it on first start. */
export async function loadSigningKey(store: Store): Promise<SigningKey> {
  const existing = await store.get<SigningKey>(systemKeys.issuerKey());
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = newId();
  const key: SigningKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  try {
    await store.transact([{ kind: 'create', item: { ...systemKeys.issuerKey(), ...key } }]);
    return key;
  } catch {
    // Another process created it first: use theirs so all tokens verify.
    return (await store.get<SigningKey>(systemKeys.issuerKey()))!;
  }
}

/**
 * The embedded issuer: scrypt credentials in the table and RS256 tokens shaped exactly
 * like Cognito's, so the production verifier checks them unchanged.
 */
export class LocalIdentity implements IdentityPort {
  private signer?: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly store: Store,
    private readonly key: SigningKey,
    private readonly settings: IssuerSettings,
    private readonly claimsFor: ClaimsSource,
    private readonly clock: Clock,
  ) {}

  /** The JWKS a verifier needs (served at /.well-known/jwks.json locally). */
  jwks(): { keys: JWK[] } {
    return { keys: [this.key.publicJwk] };
  }

  async createLogin(input: { email: string; password: string; userId: string }): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await this.store.transact([
      {
        kind: 'create',
        item: { ...credentialKey(input.email), userId: input.userId, passwordHash },
        onFail: () => conflict('An account with this email already exists'),
      },
    ]);
  }

  async deleteLogin(email: string): Promise<void> {
    await this.store.transact([{ kind: 'delete', key: credentialKey(email) }]);
  }

  async login(email: string, password: string): Promise<TokenResponse> {
    const cred = await this.store.get<Credential>(credentialKey(email));
    const ok = await verifyPassword(password, cred?.passwordHash ?? (await dummyPasswordHash()));
    if (!cred || !ok) throw unauthorized('Email or password is incorrect');
    const claims = await this.claimsFor(email.toLowerCase());
    if (!claims) throw unauthorized('This account is deactivated. Ask your practice owner to reactivate it.');
    if (cred.totpSecret) throw new MfaRequired(await this.mfaSession(email.toLowerCase()));
    return this.startSession(email.toLowerCase(), cred, claims);
  }

  /** Like Cognito's RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the signed session, then the code. */
  async respondToMfa(email: string, session: string, code: string): Promise<TokenResponse> {
    const login = email.toLowerCase();
    try {
      const { payload } = await jwtVerify(session, await importJWK(this.key.publicJwk, 'RS256'), {
        issuer: issuerUrl(this.settings),
        subject: login,
        currentDate: this.clock.now(),
      });
      if (payload.token_use !== 'mfa_session') throw new Error('not an MFA session');
    } catch {
      throw new MfaSessionEnded();
    }
    const cred = await this.store.get<Credential>(credentialKey(login));
    if (!cred?.totpSecret) throw new MfaSessionEnded();
    const step = verifyTotp(cred.totpSecret, code, this.clock.now().getTime(), { after: cred.totpLastStep });
    if (step === null) throw mfaCodeWrong();
    // Two requests with the same code: only one moves the step on.
    await this.store.transact([
      {
        kind: 'update',
        key: credentialKey(login),
        set: { totpLastStep: step },
        condition: {
          expression: 'attribute_not_exists(#last) OR #last < :step',
          names: { '#last': 'totpLastStep' },
          values: { ':step': step },
        },
        onFail: mfaCodeWrong,
      },
    ]);
    const claims = await this.claimsFor(login);
    if (!claims) throw unauthorized('This account is deactivated. Ask your practice owner to reactivate it.');
    return this.startSession(login, cred, claims);
  }

  async startTotp(email: string): Promise<{ secret: string }> {
    const secret = newTotpSecret();
    await this.store.transact([
      { kind: 'update', key: credentialKey(email), set: { totpPending: secret }, onFail: () => noLogin() },
    ]);
    return { secret };
  }

  async confirmTotp(email: string, _accessToken: string, code: string): Promise<boolean> {
    const cred = await this.store.get<Credential>(credentialKey(email));
    if (!cred?.totpPending) return false;
    if (verifyTotp(cred.totpPending, code, this.clock.now().getTime()) === null) return false;
    await this.store.transact([
      {
        kind: 'update',
        key: credentialKey(email),
        set: { totpSecret: cred.totpPending },
        remove: ['totpPending', 'totpLastStep'],
        condition: {
          expression: '#pending = :pending',
          names: { '#pending': 'totpPending' },
          values: { ':pending': cred.totpPending },
        },
        // Enrolment was restarted meanwhile: this code was for the older key.
        onFail: () => conflict('The set-up was restarted elsewhere. Use the newest key.'),
      },
    ]);
    return true;
  }

  async disableTotp(email: string): Promise<void> {
    await this.store.transact([
      {
        kind: 'update',
        key: credentialKey(email),
        remove: ['totpSecret', 'totpPending', 'totpLastStep'],
        onFail: () => noLogin(),
      },
    ]);
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const record = await this.store.get<RefreshRecord>(systemKeys.refreshToken(hashToken(refreshToken)));
    const nowSec = this.nowSec();
    if (!record || record.expiresAt <= nowSec) throw unauthorized('Your session has ended. Sign in again.');
    const cred = await this.store.get<Credential>(credentialKey(record.email));
    if (!cred || (cred.sessionGeneration ?? 0) !== (record.generation ?? 0)) {
      throw unauthorized('Your session has ended. Sign in again.');
    }
    const claims = await this.claimsFor(record.email);
    if (!claims) throw unauthorized('This account is deactivated.');
    return this.issue(claims, refreshToken, nowSec);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.store.transact([{ kind: 'delete', key: systemKeys.refreshToken(hashToken(refreshToken)) }]);
  }

  async verifyPassword(email: string, password: string): Promise<boolean> {
    const cred = await this.store.get<Credential>(credentialKey(email));
    const ok = await verifyPassword(password, cred?.passwordHash ?? (await dummyPasswordHash()));
    return Boolean(cred) && ok;
  }

  async setPassword(email: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.store.transact([
      {
        kind: 'update',
        key: credentialKey(email),
        set: { passwordHash },
        onFail: () => noLogin(),
      },
    ]);
  }

  async signOutEverywhere(email: string): Promise<void> {
    // Refresh records are keyed by their token's hash (no per-user list to walk): bumping the
    // generation makes every record issued before it fail at its next use.
    try {
      await this.store.transact([
        { kind: 'update', key: credentialKey(email), add: { sessionGeneration: 1 }, onFail: () => noLogin() },
      ]);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
    }
  }

  private async startSession(email: string, cred: Credential, claims: RoundsClaims): Promise<TokenResponse> {
    const refreshToken = newToken(48);
    const nowSec = this.nowSec();
    await this.store.put({
      ...systemKeys.refreshToken(hashToken(refreshToken)),
      email,
      clientId: this.settings.clientId,
      expiresAt: nowSec + REFRESH_TOKEN_SECONDS,
      generation: cred.sessionGeneration ?? 0,
    });
    return this.issue(claims, refreshToken, nowSec);
  }

  /** A short-lived signed statement "this email gave the right password", as Cognito's Session is. */
  private async mfaSession(email: string): Promise<string> {
    const nowSec = this.nowSec();
    return this.sign(
      { token_use: 'mfa_session', jti: newId() },
      email,
      issuerUrl(this.settings),
      nowSec,
      nowSec + MFA_SESSION_SECONDS,
    );
  }

  private async issue(claims: RoundsClaims, refreshToken: string, nowSec: number): Promise<TokenResponse> {
    const iss = issuerUrl(this.settings);
    const exp = nowSec + ACCESS_TOKEN_SECONDS;
    const accessToken = await this.sign(
      {
        token_use: 'access',
        client_id: this.settings.clientId,
        scope: 'aws.cognito.signin.user.admin',
        username: claims.sub,
        auth_time: nowSec,
        jti: newId(),
        user_id: claims.sub,
        tenant_id: claims.tenant_id,
        tenant_kind: claims.tenant_kind,
        role: claims.role,
        name: claims.name,
      },
      claims.sub,
      iss,
      nowSec,
      exp,
    );
    const idToken = await this.sign(
      {
        token_use: 'id',
        aud: this.settings.clientId,
        email: claims.email,
        email_verified: true,
        name: claims.name,
        'cognito:username': claims.sub,
        auth_time: nowSec,
        user_id: claims.sub,
        tenant_id: claims.tenant_id,
        tenant_kind: claims.tenant_kind,
        role: claims.role,
      },
      claims.sub,
      iss,
      nowSec,
      exp,
    );
    return { accessToken, idToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, tokenType: 'Bearer' };
  }

  private async sign(payload: Record<string, unknown>, sub: string, iss: string, iat: number, exp: number) {
    this.signer ??= importJWK(this.key.privateJwk, 'RS256');
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(iss)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.signer);
  }

  private nowSec(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

const credentialKey = systemKeys.credential;
const noLogin = () => notFound('Login');

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
