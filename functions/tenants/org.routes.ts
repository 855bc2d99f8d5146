import * as z from 'zod/mini';
import { AuditEventSchema, AuditQuerySchema } from '../../shared/schemas/audit.ts';
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
  MembersQuerySchema,
} from '../../shared/schemas/membership.ts';
import { OutboxMessageSchema, OutboxQuerySchema } from '../../shared/schemas/outbox.ts';
import {
  ChangeRoleSchema,
  InviteInputSchema,
  InviteSchema,
  TeamQuerySchema,
  UserSchema,
  VersionOnlySchema,
} from '../../shared/schemas/team.ts';
import {
  ArchiveLocationSchema,
  LocationInputSchema,
  LocationSchema,
  TenantSchema,
  UpdateBrandingSchema,
  UpdateLocationSchema,
  UpdatePracticeProfileSchema,
} from '../../shared/schemas/tenants.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { listOutbox } from './activity.service.ts';
import { listAudit } from './audit.service.ts';
import * as membership from './membership.service.ts';
import * as settings from './settings.service.ts';
import * as team from './team.service.ts';

const IdParams = z.object({ id: IdSchema });
const UserParams = z.object({ userId: IdSchema });
const CodeParams = z.object({ code: InviteCodeInputSchema });
const AssociationParams = z.object({ associationId: IdSchema });
const LocationQuery = z.object({
  ...PageQuerySchema.shape,
  includeArchived: z.optional(z.enum(['true', 'false'])),
});
type Route = ReturnType<typeof defineDomain>['route'];
const origin = (url: string) => new URL(url).origin;

/** Settings, team, association membership and the audit log: running the organisation. */
export function orgRoutes(route: Route, p: Platform) {
  // --- settings ---
  route(
    {
      tag: 'settings',
      method: 'get',
      path: '/tenant',
      summary: 'Tenant profile and branding',
      roles: 'anyone',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'practice',
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
      roles: 'practiceAdmins',
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
      roles: 'practice',
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
      roles: 'practiceAdmins',
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
      roles: 'practiceAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'tenantAdmins',
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
      roles: 'associationAdmins',
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
      roles: 'associationAdmins',
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
      roles: 'associationAdmins',
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
      roles: 'association',
      query: MembersQuerySchema,
      response: pageOf(MemberSchema),
    },
    (r) => membership.listMembers(p, r.db, { ...pageArgs(r.query), order: r.query.order ?? 'joined-desc' }),
  );
  route(
    {
      tag: 'membership',
      method: 'post',
      path: '/memberships/preview',
      summary: 'Show what joining an association shares',
      roles: 'practiceOwner',
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
      roles: 'practiceOwner',
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
      roles: 'practiceAdmins',
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
      roles: 'practiceOwner',
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
      roles: 'tenantAdmins',
      query: AuditQuerySchema,
      response: pageOf(AuditEventSchema),
    },
    (r) => listAudit(r.db, r.query),
  );
}
