import { createHash } from 'node:crypto';
import { ownerRoleFor, ROLE_LABELS, type Role, rolesForKind } from '../../shared/roles.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { AcceptInvite, Invite, InviteInput, InvitePreview, User } from '../../shared/schemas/team.ts';
import type { WriteOp } from '../platform/db/store.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { newId, newToken } from '../platform/ids.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { signOffOpsForNewMember, signOffOpsForRoleChange } from '../platform/sign-offs/sign-offs.ts';
import { toUser } from './members.service.ts';
import { assertStrongPassword, emailTaken } from './signup.service.ts';
import {
  directoryRepo,
  type InviteItem,
  inviteRepo,
  strip,
  type TenantItem,
  tenantRepo,
  type UserItem,
  userRepo,
} from './tenants.repo.ts';

const INVITE_DAYS = 7;
const lastOwner = () => conflict('The last owner cannot be removed. Make someone else an owner first.');
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export { getActiveMember, listUsers } from './members.service.ts';

/** Changes a user's role; only owners grant or take away ownership, and one owner always remains. */
export async function changeRole(
  db: TenantDb,
  auth: AuthContext,
  userId: string,
  role: Role,
  version: number,
) {
  const user = await requireUser(db, userId);
  assertGrantable(auth, role);
  const owner = ownerRoleFor(auth.tenantKind);
  if ((user.role === owner || role === owner) && auth.role !== owner) {
    throw forbidden('Only an owner can grant or remove the owner role');
  }
  const ops: WriteOp[] = [
    userRepo.updateOp(db, userId, { role, updatedAt: db.now().toISOString() }, version),
  ];
  if (user.status === 'active' && user.role === owner && role !== owner)
    ops.push(tenantRepo.ownerCountOp(db, -1, lastOwner));
  if (user.status === 'active' && user.role !== owner && role === owner)
    ops.push(tenantRepo.ownerCountOp(db, 1, lastOwner));
  // A new role may have documents to sign (a policy for providers): asked as a new member would be.
  if (user.status === 'active' && role !== user.role) {
    ops.push(...(await signOffOpsForRoleChange(db, { userId, name: user.name, role })));
  }
  await db.write(ops, {
    action: 'team.role_changed',
    entityType: 'user',
    entityId: userId,
    entityName: user.name,
    detail: ROLE_LABELS[role],
    summary: `Role changed from ${ROLE_LABELS[user.role]} to ${ROLE_LABELS[role]}`,
  });
  return toUser({ ...user, role, version: version + 1 });
}

/** Deactivates or reactivates a user; a deactivated user cannot sign in or refresh. */
export async function setUserStatus(
  db: TenantDb,
  auth: AuthContext,
  userId: string,
  status: User['status'],
  version: number,
) {
  const user = await requireUser(db, userId);
  const owner = ownerRoleFor(auth.tenantKind);
  if (user.role === owner && auth.role !== owner) throw forbidden('Only an owner can change another owner');
  if (user.status === status) return toUser(user);
  const ops: WriteOp[] = [
    userRepo.updateOp(db, userId, { status, updatedAt: db.now().toISOString() }, version),
  ];
  if (user.role === owner) ops.push(tenantRepo.ownerCountOp(db, status === 'active' ? 1 : -1, lastOwner));
  await db.write(ops, {
    action: status === 'active' ? 'team.user_reactivated' : 'team.user_deactivated',
    entityType: 'user',
    entityId: userId,
    entityName: user.name,
    summary: `${status === 'active' ? 'Reactivated' : 'Deactivated'} ${user.name}`,
  });
  return toUser({ ...user, status, version: version + 1 });
}

/**
 * Closes the login of someone whose last day has passed (the offboarding job): an active login
 * other than an owner's is deactivated, audited with the day. Answers whether it changed anything.
 */
export async function deactivateLeaver(db: TenantDb, userId: string, lastDay: string): Promise<boolean> {
  const user = await userRepo.get(db, userId);
  // An owner leaving hands the practice over first (Team page); the job never removes an owner.
  if (user?.status !== 'active' || user.role === 'owner') return false;
  await db.write(
    [
      userRepo.updateOp(
        db,
        userId,
        { status: 'deactivated', updatedAt: db.now().toISOString() },
        user.version,
      ),
    ],
    {
      action: 'team.user_deactivated',
      entityType: 'user',
      entityId: userId,
      entityName: user.name,
      summary: `Deactivated ${user.name}: their last day was ${lastDay}`,
    },
  );
  return true;
}

/**
 * Invites someone by email: the invite and its message are written in one transaction.
 * The accept token is returned for the demo seed; the API only ever sends it by mail.
 */
export async function inviteUser(
  p: Platform,
  db: TenantDb,
  auth: AuthContext,
  input: InviteInput,
  origin: string,
): Promise<{ invite: Invite; acceptToken: string }> {
  assertGrantable(auth, input.role);
  if (input.role === ownerRoleFor(auth.tenantKind) && auth.role !== input.role) {
    throw forbidden('Only an owner can invite another owner');
  }
  const email = input.email.toLowerCase();
  if (await directoryRepo.get(p.store, email)) {
    throw validationFailed([{ path: 'email', message: 'This person already has a Rounds account' }]);
  }
  const tenant = await requireTenant(db);
  const now = db.now();
  const token = newToken();
  const tokenHash = hashToken(token);
  const expires = new Date(now.getTime() + INVITE_DAYS * 86400_000);
  const invite: InviteItem = {
    id: newId(now.getTime()),
    email,
    name: input.name ?? null,
    role: input.role,
    status: 'pending',
    invitedBy: auth.name,
    invitedById: auth.userId,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  };
  const link = `${p.config.publicUrl ?? origin}/invite/${token}`;
  const mail = queueMail(
    db,
    {
      to: email,
      kind: 'team.invite',
      subject: `${auth.name} invited you to ${tenant.name} on Rounds`,
      text: [
        `Hello${input.name ? ` ${input.name}` : ''},`,
        '',
        `${auth.name} invited you to join ${tenant.name} on Rounds as ${ROLE_LABELS[input.role]}.`,
        `Accept the invitation and set your password here: ${link}`,
        '',
        `This link works once and expires on ${expires.toUTCString()}.`,
      ].join('\n'),
    },
    now,
  );
  await db.writeWithPlatformItems(
    [inviteRepo.createOp(db, { ...invite, tokenHash }), mail.op],
    [
      inviteRepo.createTokenOp(tokenHash, {
        tenantId: db.tenantId,
        inviteId: invite.id,
        expiresAt: Math.floor(expires.getTime() / 1000),
      }),
    ],
    {
      action: 'team.invited',
      entityType: 'invite',
      entityId: invite.id,
      entityName: input.name || email,
      detail: ROLE_LABELS[input.role],
      summary: `Invited ${email} as ${ROLE_LABELS[input.role]}`,
    },
  );
  await p.jobs.mailQueued({ tenantId: db.tenantId, messageId: mail.message.id });
  return { invite: toInvite(invite, now), acceptToken: token };
}

export async function listInvites(
  db: TenantDb,
  opts: { limit: number; cursor?: string },
): Promise<Page<Invite>> {
  const page = await inviteRepo.list(db, opts);
  const now = db.now();
  return { items: page.items.map((i) => toInvite(i, now)), nextCursor: page.nextCursor };
}

export async function revokeInvite(db: TenantDb, id: string): Promise<Invite> {
  const invite = await inviteRepo.get(db, id);
  if (!invite) throw notFound('Invitation');
  if (invite.status !== 'pending') throw conflict(`This invitation is already ${invite.status}`);
  const tokenHash = (invite as InviteItem & { tokenHash: string }).tokenHash;
  await db.writeWithPlatformItems(
    [inviteRepo.setStatusOp(db, id, 'revoked')],
    [inviteRepo.deleteTokenOp(tokenHash)],
    {
      action: 'team.invite_revoked',
      entityType: 'invite',
      entityId: id,
      entityName: invite.name || invite.email,
      summary: `Revoked invitation for ${invite.email}`,
    },
  );
  return toInvite({ ...invite, status: 'revoked' }, db.now());
}

/** What the accept page shows before the invitee sets a password. */
export async function previewInvite(p: Platform, token: string): Promise<InvitePreview> {
  const { invite, tenant } = await loadInvite(p, token);
  return {
    tenantName: tenant.name,
    tenantKind: tenant.kind,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
}

/** Accepts an invitation: creates the login, the user and the directory entry; the link then stops working. */
export async function acceptInvite(
  p: Platform,
  input: AcceptInvite,
  requestId: string,
): Promise<{ userId: string }> {
  const { invite, tenantId, tokenHash } = await loadInvite(p, input.token);
  assertStrongPassword(input.password, { email: invite.email, name: input.name }, 'password');
  const now = p.clock.now().toISOString();
  const userId = newId();
  const user: UserItem = {
    id: userId,
    name: input.name,
    email: invite.email,
    role: invite.role,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
  const db = new TenantDb(
    p.store,
    { tenantId },
    { userId, name: input.name, role: invite.role },
    requestId,
    p.clock,
  );
  const ownerOps =
    invite.role === 'owner' || invite.role === 'assoc_admin'
      ? [tenantRepo.ownerCountOp(db, 1, lastOwner)]
      : [];
  // Everything the new member's role must read and sign (handbook, policies) lands in their Today.
  const signOffOps = await signOffOpsForNewMember(db, { userId, name: input.name, role: invite.role });
  await p.identity.createLogin({ email: invite.email, password: input.password, userId });
  try {
    await db.writeWithPlatformItems(
      [
        userRepo.createOp(db, user),
        inviteRepo.setStatusOp(db, invite.id, 'accepted'),
        ...ownerOps,
        ...signOffOps,
      ],
      [
        directoryRepo.createOp({ email: invite.email, userId, tenantId }, emailTaken),
        inviteRepo.deleteTokenOp(tokenHash),
      ],
      {
        action: 'team.invite_accepted',
        entityType: 'user',
        entityId: userId,
        entityName: input.name,
        detail: ROLE_LABELS[invite.role],
        summary: `${input.name} joined as ${ROLE_LABELS[invite.role]}`,
      },
    );
  } catch (err) {
    await p.identity.deleteLogin(invite.email);
    throw err;
  }
  return { userId };
}

async function loadInvite(p: Platform, token: string) {
  const tokenHash = hashToken(token);
  const pointer = await inviteRepo.getToken(p.store, tokenHash);
  const nowSec = Math.floor(p.clock.now().getTime() / 1000);
  if (!pointer || pointer.expiresAt <= nowSec) throw notFound('Invitation');
  const [invite, tenant] = await Promise.all([
    inviteRepo.getById(p.store, pointer.tenantId, pointer.inviteId),
    tenantRepo.getById(p.store, pointer.tenantId),
  ]);
  if (!invite || !tenant || invite.status !== 'pending') throw notFound('Invitation');
  return { invite, tenant, tenantId: pointer.tenantId, tokenHash };
}

function assertGrantable(auth: AuthContext, role: Role): void {
  if (!rolesForKind(auth.tenantKind).includes(role)) {
    throw validationFailed([{ path: 'role', message: `Choose a role used by ${auth.tenantKind}s` }]);
  }
}

async function requireUser(db: TenantDb, id: string): Promise<UserItem> {
  const user = await userRepo.get(db, id);
  if (!user) throw notFound('User');
  return user;
}

async function requireTenant(db: TenantDb): Promise<TenantItem> {
  const tenant = await tenantRepo.get(db);
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

function toInvite(item: InviteItem, now: Date): Invite {
  const {
    invitedById: _i,
    tokenHash: _t,
    ...rest
  } = strip<InviteItem & { tokenHash?: string }>(item as unknown as Record<string, unknown>);
  const expired = rest.status === 'pending' && new Date(rest.expiresAt) <= now;
  return { ...rest, status: expired ? 'expired' : rest.status };
}
