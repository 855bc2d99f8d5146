import type { Member, Membership } from '../../shared/schemas/membership.ts';
import { type OutboxAudience, PATIENT_MAIL_KIND_PREFIXES } from '../../shared/schemas/outbox.ts';
import type { Invite, User } from '../../shared/schemas/team.ts';
import type { Branding, Location, Tenant } from '../../shared/schemas/tenants.ts';
import { systemKeys, type TenantScope, tenantKeys } from '../platform/db/keys.ts';
import type { QueryOptions, Store, WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import type { AppError } from '../platform/errors.ts';
import type { DirectoryEntry } from '../platform/identity/claims.ts';

/**
 * The tenants domain's only DynamoDB access: items are stored as their DTO plus keys and
 * a few internal fields, so mapping out is dropping the keys.
 */
/** A tenant as stored: its branding names the logo file (the answer adds the logo's address). */
export type TenantItem = Omit<Tenant, 'branding'> & { branding: Branding; activeOwners: number };
export type UserItem = User & { updatedAt: string };
export type InviteItem = Omit<Invite, 'status'> & {
  status: 'pending' | 'accepted' | 'revoked';
  invitedById: string;
};
export interface InviteTokenItem {
  tenantId: string;
  inviteId: string;
  expiresAt: number;
}
export interface AssociationCodeItem {
  code: string;
  associationId: string;
  associationName: string;
  region: Member['region'];
  createdAt: string;
  expiresOn: string;
  expiresAtSec: number;
  maxUses: number;
  uses: number;
  revoked: boolean;
}

export { strip } from '../platform/db/items.ts';

export const tenantRepo = {
  get: (db: TenantDb) => db.get<TenantItem>(tenantKeys.tenant(db)),
  getById: (store: Store, tenantId: string) => store.get<TenantItem>(tenantKeys.tenant({ tenantId })),
  createOp: (scope: TenantScope, tenant: TenantItem): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.tenant(scope), type: 'tenant', ...tenant },
  }),
  updateOp: (
    db: TenantDb,
    set: Record<string, unknown>,
    expectedVersion: number,
    remove: string[] = [],
  ): WriteOp => ({
    kind: 'update',
    key: tenantKeys.tenant(db),
    set,
    remove,
    expectedVersion,
  }),
  /** Changes the active-owner count; a decrement never takes it below one. */
  ownerCountOp: (db: TenantDb, delta: 1 | -1, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: tenantKeys.tenant(db),
    add: { activeOwners: delta },
    ...(delta < 0
      ? {
          condition: {
            expression: '#owners > :oneOwner',
            names: { '#owners': 'activeOwners' },
            values: { ':oneOwner': 1 },
          },
        }
      : {}),
    onFail,
  }),
};

export const userRepo = {
  get: (db: TenantDb, id: string) => db.get<UserItem>(tenantKeys.user(db, id)),
  list: (db: TenantDb, opts: { limit: number; cursor?: string; status?: User['status'] }) =>
    db.query<UserItem>({
      partition: tenantKeys.orgPartition(db),
      skPrefix: tenantKeys.userPrefix,
      limit: opts.limit,
      cursor: opts.cursor,
      filter: opts.status
        ? {
            expression: '#status = :status',
            names: { '#status': 'status' },
            values: { ':status': opts.status },
          }
        : undefined,
    }),
  createOp: (scope: TenantScope, user: UserItem): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.user(scope, user.id), type: 'user', ...user },
  }),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, expectedVersion?: number): WriteOp => ({
    kind: 'update',
    key: tenantKeys.user(db, id),
    set,
    expectedVersion,
  }),
};

export const directoryRepo = {
  get: (store: Store, email: string) => store.get<DirectoryEntry>(systemKeys.login(email)),
  createOp: (entry: DirectoryEntry, onFail: () => AppError): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.login(entry.email), type: 'directory', ...entry },
    onFail,
  }),
};

export const locationRepo = {
  get: (db: TenantDb, id: string) => db.get<Location>(tenantKeys.location(db, id)),
  list: (db: TenantDb, opts: { limit: number; cursor?: string; includeArchived: boolean }) =>
    db.query<Location>({
      partition: tenantKeys.orgPartition(db),
      skPrefix: tenantKeys.locationPrefix,
      limit: opts.limit,
      cursor: opts.cursor,
      filter: opts.includeArchived
        ? undefined
        : { expression: '#archived = :no', names: { '#archived': 'archived' }, values: { ':no': false } },
    }),
  createOp: (scope: TenantScope, location: Location): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.location(scope, location.id), type: 'location', ...location },
  }),
  updateOp: (db: TenantDb, id: string, set: Record<string, unknown>, expectedVersion: number): WriteOp => ({
    kind: 'update',
    key: tenantKeys.location(db, id),
    set,
    expectedVersion,
  }),
};

export const inviteRepo = {
  get: (db: TenantDb, id: string) => db.get<InviteItem>(tenantKeys.invite(db, id)),
  getById: (store: Store, tenantId: string, id: string) =>
    store.get<InviteItem>(tenantKeys.invite({ tenantId }, id)),
  list: (db: TenantDb, opts: { limit: number; cursor?: string }) =>
    db.query<InviteItem>({
      partition: tenantKeys.orgPartition(db),
      skPrefix: tenantKeys.invitePrefix,
      limit: opts.limit,
      cursor: opts.cursor,
      newestFirst: true,
    }),
  createOp: (scope: TenantScope, invite: InviteItem & { tokenHash: string }): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.invite(scope, invite.id), type: 'invite', ...invite },
  }),
  setStatusOp: (scope: TenantScope, id: string, status: InviteItem['status']): WriteOp => ({
    kind: 'update',
    key: tenantKeys.invite(scope, id),
    set: { status },
    condition: {
      expression: '#st = :pending',
      names: { '#st': 'status' },
      values: { ':pending': 'pending' },
    },
  }),
  getToken: (store: Store, hash: string) => store.get<InviteTokenItem>(systemKeys.inviteToken(hash)),
  createTokenOp: (hash: string, token: InviteTokenItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.inviteToken(hash), type: 'invite_token', ...token },
  }),
  deleteTokenOp: (hash: string): WriteOp => ({ kind: 'delete', key: systemKeys.inviteToken(hash) }),
};

/** A password-reset link, under SYS# by its token's hash: it is read before anyone is signed in. */
export interface PasswordResetItem {
  tenantId: string;
  userId: string;
  email: string;
  createdAt: string;
  /** Epoch seconds the link stops working. */
  validUntil: number;
  /** Set once the link set a password; a second use is refused. */
  usedAt?: string;
  /** TTL (epoch seconds): kept a while after validUntil so a late click hears "expired" or "used". */
  expiresAt: number;
}

export const passwordResetRepo = {
  get: (store: Store, hash: string) => store.get<PasswordResetItem>(systemKeys.passwordReset(hash)),
  createOp: (hash: string, item: PasswordResetItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.passwordReset(hash), type: 'password_reset', ...item },
  }),
  /** Uses the link once: fails when it was used already or has expired since it was read. */
  useOp: (hash: string, usedAt: Date, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: systemKeys.passwordReset(hash),
    set: { usedAt: usedAt.toISOString() },
    condition: {
      expression: 'attribute_not_exists(#used) AND #valid > :now',
      names: { '#used': 'usedAt', '#valid': 'validUntil' },
      values: { ':now': Math.floor(usedAt.getTime() / 1000) },
    },
    onFail,
  }),
  /** Gives a link back when setting the password failed after it was used. */
  releaseOp: (hash: string): WriteOp => ({
    kind: 'update',
    key: systemKeys.passwordReset(hash),
    remove: ['usedAt'],
  }),
};

export const membershipRepo = {
  listForPractice: (db: TenantDb, opts: { limit: number; cursor?: string }) =>
    db.query<Membership>({
      partition: tenantKeys.orgPartition(db),
      skPrefix: tenantKeys.membershipPrefix,
      limit: opts.limit,
      cursor: opts.cursor,
    }),
  getForPractice: (db: TenantDb, associationId: string) =>
    db.get<Membership>(tenantKeys.membership(db, associationId)),
  practiceOp: (scope: TenantScope, m: Membership, onFail: () => AppError): WriteOp => ({
    kind: 'create',
    item: { ...tenantKeys.membership(scope, m.associationId), type: 'membership', ...m },
    onFail,
  }),
  deletePracticeOp: (scope: TenantScope, associationId: string): WriteOp => ({
    kind: 'delete',
    key: tenantKeys.membership(scope, associationId),
    mustExist: true,
  }),
  memberOp: (associationId: string, m: Member, onFail: () => AppError): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.associationMember(associationId, m.practiceId), type: 'member', ...m },
    onFail,
  }),
  updateMemberOp: (associationId: string, practiceId: string, set: Record<string, unknown>): WriteOp => ({
    kind: 'update',
    key: systemKeys.associationMember(associationId, practiceId),
    set,
  }),
  deleteMemberOp: (associationId: string, practiceId: string): WriteOp => ({
    kind: 'delete',
    key: systemKeys.associationMember(associationId, practiceId),
  }),
  /** The association's member list lives under SYS#: it is written by the joining practice. */
  listMembers: (store: Store, associationId: string, opts: { limit: number; cursor?: string }) =>
    store.query<Member>({
      partition: systemKeys.associationMembersPartition(associationId),
      skPrefix: systemKeys.associationMemberPrefix,
      limit: opts.limit,
      cursor: opts.cursor,
    }),
};

export const codeRepo = {
  get: (store: Store, code: string) => store.get<AssociationCodeItem>(systemKeys.associationCode(code)),
  list: (store: Store, associationId: string, opts: { limit: number; cursor?: string }) =>
    store.query<AssociationCodeItem>({
      partition: systemKeys.associationCodesPartition(associationId),
      index: 'GSI1',
      limit: opts.limit,
      cursor: opts.cursor,
      newestFirst: true,
    }),
  createOp: (item: AssociationCodeItem): WriteOp => ({
    kind: 'create',
    item: {
      ...systemKeys.associationCode(item.code),
      GSI1PK: systemKeys.associationCodesPartition(item.associationId),
      GSI1SK: `CODE#${item.createdAt}`,
      type: 'association_code',
      ...item,
    },
  }),
  revokeOp: (code: string): WriteOp => ({
    kind: 'update',
    key: systemKeys.associationCode(code),
    set: { revoked: true },
  }),
  /** Uses one seat of a code; fails when it is revoked, expired or used up. */
  useOp: (code: string, nowSec: number, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: systemKeys.associationCode(code),
    add: { uses: 1 },
    condition: {
      expression: '#revoked = :no AND #uses < #max AND #exp > :now',
      names: { '#revoked': 'revoked', '#uses': 'uses', '#max': 'maxUses', '#exp': 'expiresAtSec' },
      values: { ':no': false, ':now': nowSec },
    },
    onFail,
  }),
};

/** Kind prefixes of patient mail as a filter: matching them (patients) or none of them (staff). */
function audienceFilter(audience: OutboxAudience | undefined): QueryOptions['filter'] {
  if (!audience) return undefined;
  const names = { '#kind': 'kind' };
  const values = Object.fromEntries(PATIENT_MAIL_KIND_PREFIXES.map((p, i) => [`:kp${i}`, p]));
  const anyPrefix = Object.keys(values)
    .map((v) => `begins_with(#kind, ${v})`)
    .join(' OR ');
  return { expression: audience === 'patients' ? `(${anyPrefix})` : `NOT (${anyPrefix})`, names, values };
}

export const feedRepo = {
  /** Newest first; an audience filter keeps the page one (bounded, read-on) Query of the partition. */
  outbox: (db: TenantDb, opts: { limit: number; cursor?: string; audience?: OutboxAudience }) =>
    db.query<Record<string, unknown>>({
      partition: tenantKeys.outboxPartition(db),
      skPrefix: tenantKeys.outboxPrefix,
      limit: opts.limit,
      cursor: opts.cursor,
      newestFirst: true,
      filter: audienceFilter(opts.audience),
    }),
};
