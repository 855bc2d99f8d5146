import * as z from 'zod/mini';
import {
  ChangePasswordSchema,
  LoginInputSchema,
  MeSchema,
  MfaLoginSchema,
  MfaStatusSchema,
  PasswordResetAcceptedSchema,
  PasswordResetConfirmSchema,
  PasswordResetPreviewSchema,
  PasswordResetRequestSchema,
  RecoveryCodesSchema,
  RefreshInputSchema,
  RefreshResponseSchema,
  TokenResponseSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpEnrolmentSchema,
} from '../../shared/schemas/auth.ts';
import { IdSchema } from '../../shared/schemas/common.ts';
import { AcceptInviteSchema, InvitePreviewSchema } from '../../shared/schemas/team.ts';
import { SignupInputSchema, SignupResultSchema } from '../../shared/schemas/tenants.ts';
import '../../shared/validation.ts';
import {
  clearRefreshCookie,
  presentedRefreshToken,
  refreshAnswer,
  withRefreshCookie,
} from '../platform/http/refresh-cookie.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { endSession, logIn, logInWithCode, me, renewSession } from './auth.service.ts';
import * as mfa from './mfa.service.ts';
import { orgRoutes } from './org.routes.ts';
import * as password from './password.service.ts';
import { signUp } from './signup.service.ts';
import * as team from './team.service.ts';

const TokenParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,200}$/)) });

/** Tenants domain: sign-up, auth and the account here; settings, team, membership and audit in org.routes.ts. */
export function createTenantsApp(p: Platform) {
  const { route, domain } = defineDomain('tenants', p);
  const origin = (url: string) => new URL(url).origin;
  /** The caller's access token (already verified): Cognito's enrolment calls act with it. */
  const bearer = (header: string | undefined) => (header ?? '').replace(/^Bearer /, '');

  // --- sign-up and auth (public) ---
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/signup',
      summary: 'Sign up a practice or an association with its owner',
      roles: 'public',
      body: SignupInputSchema,
      response: SignupResultSchema,
      status: 201,
    },
    (r) => signUp(p, r.body, r.requestId),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/login',
      summary:
        'Sign in with email and password; also sets the httpOnly refresh cookie (Path=/api/auth) browsers use',
      roles: 'public',
      body: LoginInputSchema,
      response: TokenResponseSchema,
    },
    (r, c) => withRefreshCookie(c, logIn(p, r.body, r.clientIp, r.requestId, origin(c.req.url))),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/login/mfa',
      summary:
        'Second step of a sign-in that answered mfa_required: the challenge with the authenticator code or a recovery code',
      roles: 'public',
      body: MfaLoginSchema,
      response: TokenResponseSchema,
    },
    (r, c) => withRefreshCookie(c, logInWithCode(p, r.body, r.clientIp, r.requestId, origin(c.req.url))),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/refresh',
      summary:
        'New access and id tokens for the refresh cookie (browsers send {}), or for a refresh token in the body (API clients; only they get it back)',
      roles: 'public',
      body: RefreshInputSchema,
      response: RefreshResponseSchema,
    },
    async (r, c) => {
      const { token, fromCookie } = presentedRefreshToken(c, r.body);
      return refreshAnswer(c, await renewSession(p, token), fromCookie);
    },
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/logout',
      summary: 'Revoke the refresh token (cookie, or body for API clients) and clear the cookie',
      roles: 'public',
      body: RefreshInputSchema,
      status: 204,
    },
    (r, c) => {
      const { token } = presentedRefreshToken(c, r.body);
      clearRefreshCookie(c);
      return endSession(p, token);
    },
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/password-reset',
      summary: 'Mail a one-time password-reset link (same answer whether or not the email has an account)',
      roles: 'public',
      body: PasswordResetRequestSchema,
      response: PasswordResetAcceptedSchema,
      status: 202,
    },
    (r, c) => password.requestPasswordReset(p, r.body.email, r.clientIp, origin(c.req.url), r.requestId),
  );
  route(
    {
      tag: 'auth',
      method: 'get',
      path: '/auth/password-reset/:token',
      summary: 'Check a password-reset link before choosing a new password',
      roles: 'public',
      params: TokenParams,
      response: PasswordResetPreviewSchema,
    },
    (r) => password.previewPasswordReset(p, r.params.token),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/password-reset/confirm',
      summary: 'Set a new password with a reset link (once); ends every session of the account',
      roles: 'public',
      body: PasswordResetConfirmSchema,
      status: 204,
    },
    (r) => password.confirmPasswordReset(p, r.body, r.requestId),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/password',
      summary: 'Change your password; other sessions end and fresh tokens are returned',
      roles: 'anyone',
      body: ChangePasswordSchema,
      response: TokenResponseSchema,
    },
    (r, c) => withRefreshCookie(c, password.changePassword(p, r.db, r.auth, r.body, r.clientIp)),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/logout-all',
      summary: 'Sign out of all sessions (every refresh token of your account is revoked)',
      roles: 'anyone',
      status: 204,
    },
    async (r, c) => {
      await password.signOutEverywhere(p, r.db, r.auth);
      clearRefreshCookie(c);
    },
  );
  route(
    {
      tag: 'auth',
      method: 'get',
      path: '/auth/mfa',
      summary: 'Whether two-factor sign-in is on for your account, and how many recovery codes are left',
      roles: 'anyone',
      response: MfaStatusSchema,
    },
    (r) => mfa.mfaStatus(p, r.db, r.auth),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/mfa/totp',
      summary: 'Start two-factor set-up: a new authenticator key (otpauth:// URI and the key to type in)',
      roles: 'anyone',
      response: TotpEnrolmentSchema,
    },
    (r, c) => mfa.startTotp(p, r.db, r.auth, bearer(c.req.header('authorization'))),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/mfa/totp/confirm',
      summary: 'Turn two-factor sign-in on with a current code; answers 10 one-time recovery codes, once',
      roles: 'anyone',
      body: TotpConfirmSchema,
      response: RecoveryCodesSchema,
    },
    (r, c) => mfa.confirmTotp(p, r.db, r.auth, bearer(c.req.header('authorization')), r.body.code),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/auth/mfa/totp/disable',
      summary: 'Turn two-factor sign-in off with a current code or your password',
      roles: 'anyone',
      body: TotpDisableSchema,
      status: 204,
    },
    (r, c) => mfa.disableTotp(p, r.db, r.auth, bearer(c.req.header('authorization')), r.body, r.clientIp),
  );
  route(
    {
      tag: 'auth',
      method: 'get',
      path: '/invites/:token',
      summary: 'Show an invitation before accepting it',
      roles: 'public',
      params: TokenParams,
      response: InvitePreviewSchema,
    },
    (r) => team.previewInvite(p, r.params.token),
  );
  route(
    {
      tag: 'auth',
      method: 'post',
      path: '/invites/accept',
      summary: 'Accept an invitation and set a password',
      roles: 'public',
      body: AcceptInviteSchema,
      response: z.object({ userId: IdSchema }),
      status: 201,
    },
    (r) => team.acceptInvite(p, r.body, r.requestId),
  );
  route(
    {
      tag: 'auth',
      method: 'get',
      path: '/me',
      summary: 'The signed-in user and tenant',
      roles: 'anyone',
      response: MeSchema,
    },
    (r) => me(r.db, r.auth),
  );

  orgRoutes(route, p);

  return domain;
}
