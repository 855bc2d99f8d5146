import * as z from 'zod/mini';
import { ADMIN_ROLES, ASSOCIATION_ROLES, PRACTICE_ROLES, ROLES } from '../../shared/roles.ts';
import { AuditEventSchema, AuditQuerySchema } from '../../shared/schemas/audit.ts';
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
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  CreateInviteCodeSchema,
  InviteCodeInputSchema,
  InviteCodeSchema,
  JoinInputSchema,
  JoinPreviewInputSchema,
  JoinPreviewSchema,
  MemberSchema,
  MembershipSchema,
} from '../../shared/schemas/membership.ts';
import { OutboxMessageSchema, OutboxQuerySchema } from '../../shared/schemas/outbox.ts';
import {
  AcceptInviteSchema,
  ChangeRoleSchema,
  InviteInputSchema,
  InvitePreviewSchema,
  InviteSchema,
  TeamQuerySchema,
  UserSchema,
  VersionOnlySchema,
} from '../../shared/schemas/team.ts';
import {
  ArchiveLocationSchema,
  LocationInputSchema,
  LocationSchema,
  SignupInputSchema,
  SignupResultSchema,
  TenantSchema,
  UpdateBrandingSchema,
  UpdateLocationSchema,
  UpdatePracticeProfileSchema,
} from '../../shared/schemas/tenants.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import {
  clearRefreshCookie,
  presentedRefreshToken,
  refreshAnswer,
  withRefreshCookie,
} from '../platform/http/refresh-cookie.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { listOutbox } from './activity.service.ts';
import { listAudit } from './audit.service.ts';
import { endSession, logIn, logInWithCode, me, renewSession } from './auth.service.ts';
import * as membership from './membership.service.ts';
import * as mfa from './mfa.service.ts';
import * as password from './password.service.ts';
import * as settings from './settings.service.ts';
import { signUp } from './signup.service.ts';
import * as team from './team.service.ts';

const practiceAdmins = ['owner', 'manager'] as const;
const associationAdmins = ['assoc_admin'] as const;
const IdParams = z.object({ id: IdSchema });
const UserParams = z.object({ userId: IdSchema });
const CodeParams = z.object({ code: InviteCodeInputSchema });
const AssociationParams = z.object({ associationId: IdSchema });
const TokenParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,200}$/)) });
const LocationQuery = z.object({
  ...PageQuerySchema.shape,
  includeArchived: z.optional(z.enum(['true', 'false'])),
});

/** Tenants domain: sign-up, auth, team, settings, association membership, audit log, outbox. */
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
      roles: ROLES,
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
      roles: ROLES,
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
      roles: ROLES,
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
      roles: ROLES,
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
      roles: ROLES,
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
      roles: ROLES,
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
      roles: ROLES,
      response: MeSchema,
    },
    (r) => me(r.db, r.auth),
  );

  // --- settings ---
  route(
    {
      tag: 'settings',
      method: 'get',
      path: '/tenant',
      summary: 'Tenant profile and branding',
      roles: ROLES,
      response: TenantSchema,
    },
    (r) => settings.getTenant(r.db),
  );
  route(
    {
      tag: 'settings',
      method: 'put',
      path: '/tenant/profile',
      summary: 'Update the profile (practice or association fields)',
      roles: ADMIN_ROLES,
      body: UpdatePracticeProfileSchema,
      bodyFor: settings.profileSchemaFor,
      response: TenantSchema,
    },
    (r) => settings.updateProfile(r.db, r.body as Record<string, unknown> & { version: number }),
  );
  route(
    {
      tag: 'settings',
      method: 'put',
      path: '/tenant/branding',
      summary: 'Update logo and colors used on printed materials',
      roles: ADMIN_ROLES,
      body: UpdateBrandingSchema,
      response: TenantSchema,
    },
    (r) => settings.updateBranding(r.db, r.body),
  );
  route(
    {
      tag: 'settings',
      method: 'get',
      path: '/locations',
      summary: 'List locations',
      roles: PRACTICE_ROLES,
      query: LocationQuery,
      response: pageOf(LocationSchema),
    },
    (r) =>
      settings.listLocations(r.db, {
        ...pageArgs(r.query),
        includeArchived: r.query.includeArchived === 'true',
      }),
  );
  route(
    {
      tag: 'settings',
      method: 'post',
      path: '/locations',
      summary: 'Add a location',
      roles: practiceAdmins,
      body: LocationInputSchema,
      response: LocationSchema,
      status: 201,
    },
    (r) => settings.createLocation(r.db, r.body),
  );
  route(
    {
      tag: 'settings',
      method: 'get',
      path: '/locations/:id',
      summary: 'Get a location',
      roles: PRACTICE_ROLES,
      params: IdParams,
      response: LocationSchema,
    },
    (r) => settings.getLocation(r.db, r.params.id),
  );
  route(
    {
      tag: 'settings',
      method: 'put',
      path: '/locations/:id',
      summary: 'Update a location',
      roles: practiceAdmins,
      params: IdParams,
      body: UpdateLocationSchema,
      response: LocationSchema,
    },
    (r) => settings.updateLocation(r.db, r.params.id, r.body),
  );
  route(
    {
      tag: 'settings',
      method: 'post',
      path: '/locations/:id/archive',
      summary: 'Archive a location',
      roles: practiceAdmins,
      params: IdParams,
      body: ArchiveLocationSchema,
      response: LocationSchema,
    },
    (r) => settings.archiveLocation(r.db, r.params.id, r.body.version),
  );

  // --- team ---
  route(
    {
      tag: 'team',
      method: 'get',
      path: '/team',
      summary: 'List team members',
      roles: ADMIN_ROLES,
      query: TeamQuerySchema,
      response: pageOf(UserSchema),
    },
    (r) => team.listUsers(r.db, { ...pageArgs(r.query), status: r.query.status }),
  );
  route(
    {
      tag: 'team',
      method: 'patch',
      path: '/team/:userId/role',
      summary: "Change a member's role",
      roles: ADMIN_ROLES,
      params: UserParams,
      body: ChangeRoleSchema,
      response: UserSchema,
    },
    (r) => team.changeRole(r.db, r.auth, r.params.userId, r.body.role, r.body.version),
  );
  route(
    {
      tag: 'team',
      method: 'post',
      path: '/team/:userId/deactivate',
      summary: 'Deactivate a member (cannot sign in)',
      roles: ADMIN_ROLES,
      params: UserParams,
      body: VersionOnlySchema,
      response: UserSchema,
    },
    (r) => team.setUserStatus(r.db, r.auth, r.params.userId, 'deactivated', r.body.version),
  );
  route(
    {
      tag: 'team',
      method: 'post',
      path: '/team/:userId/reactivate',
      summary: 'Reactivate a member',
      roles: ADMIN_ROLES,
      params: UserParams,
      body: VersionOnlySchema,
      response: UserSchema,
    },
    (r) => team.setUserStatus(r.db, r.auth, r.params.userId, 'active', r.body.version),
  );
  route(
    {
      tag: 'team',
      method: 'get',
      path: '/team/invites',
      summary: 'List invitations',
      roles: ADMIN_ROLES,
      query: PageQuerySchema,
      response: pageOf(InviteSchema),
    },
    (r) => team.listInvites(r.db, pageArgs(r.query)),
  );
  route(
    {
      tag: 'team',
      method: 'post',
      path: '/team/invites',
      summary: 'Invite someone by email with a role',
      roles: ADMIN_ROLES,
      body: InviteInputSchema,
      response: InviteSchema,
      status: 201,
    },
    async (r, c) => (await team.inviteUser(p, r.db, r.auth, r.body, origin(c.req.url))).invite,
  );
  route(
    {
      tag: 'team',
      method: 'post',
      path: '/team/invites/:id/revoke',
      summary: 'Revoke a pending invitation',
      roles: ADMIN_ROLES,
      params: IdParams,
      response: InviteSchema,
    },
    (r) => team.revokeInvite(r.db, r.params.id),
  );
  route(
    {
      tag: 'team',
      method: 'get',
      path: '/outbox',
      summary: 'Messages Rounds sent on your behalf (audience=patients or staff to filter)',
      roles: ADMIN_ROLES,
      query: OutboxQuerySchema,
      response: pageOf(OutboxMessageSchema),
    },
    (r) => listOutbox(r.db, { ...pageArgs(r.query), audience: r.query.audience }),
  );

  // --- association membership ---
  route(
    {
      tag: 'membership',
      method: 'post',
      path: '/association/codes',
      summary: 'Create an invite code for practices',
      roles: associationAdmins,
      body: CreateInviteCodeSchema,
      response: InviteCodeSchema,
      status: 201,
    },
    (r) => membership.createInviteCode(r.db, r.body),
  );
  route(
    {
      tag: 'membership',
      method: 'get',
      path: '/association/codes',
      summary: 'List invite codes',
      roles: associationAdmins,
      query: PageQuerySchema,
      response: pageOf(InviteCodeSchema),
    },
    (r) => membership.listInviteCodes(p, r.db, pageArgs(r.query)),
  );
  route(
    {
      tag: 'membership',
      method: 'post',
      path: '/association/codes/:code/revoke',
      summary: 'Revoke an invite code',
      roles: associationAdmins,
      params: CodeParams,
      response: InviteCodeSchema,
    },
    (r) => membership.revokeInviteCode(p, r.db, r.params.code),
  );
  route(
    {
      tag: 'membership',
      method: 'get',
      path: '/association/members',
      summary: 'Member practices (listing fields only)',
      roles: ASSOCIATION_ROLES,
      query: PageQuerySchema,
      response: pageOf(MemberSchema),
    },
    (r) => membership.listMembers(p, r.db, pageArgs(r.query)),
  );
  route(
    {
      tag: 'membership',
      method: 'post',
      path: '/memberships/preview',
      summary: 'Show what joining an association shares',
      roles: ['owner'],
      body: JoinPreviewInputSchema,
      response: JoinPreviewSchema,
    },
    (r) => membership.previewJoin(p, r.db, r.body.code),
  );
  route(
    {
      tag: 'membership',
      method: 'post',
      path: '/memberships',
      summary: 'Join an association with explicit consent',
      roles: ['owner'],
      body: JoinInputSchema,
      response: MembershipSchema,
      status: 201,
    },
    (r) => membership.join(p, r.db, r.body.code),
  );
  route(
    {
      tag: 'membership',
      method: 'get',
      path: '/memberships',
      summary: "The practice's association memberships",
      roles: practiceAdmins,
      query: PageQuerySchema,
      response: pageOf(MembershipSchema),
    },
    (r) => membership.listMemberships(r.db, pageArgs(r.query)),
  );
  route(
    {
      tag: 'membership',
      method: 'delete',
      path: '/memberships/:associationId',
      summary: 'Leave an association',
      roles: ['owner'],
      params: AssociationParams,
      status: 204,
    },
    (r) => membership.leave(r.db, r.params.associationId),
  );

  // --- audit ---
  route(
    {
      tag: 'audit',
      method: 'get',
      path: '/audit',
      summary:
        'Browse the audit log as sentences with names; filter by patient, person, action (or a family: `team.`), type and days (read-only; no route edits it)',
      roles: ADMIN_ROLES,
      query: AuditQuerySchema,
      response: pageOf(AuditEventSchema),
    },
    (r) => listAudit(r.db, r.query),
  );

  return domain;
}
