import { randomInt } from 'node:crypto';
import type { Page } from '../../shared/schemas/common.ts';
import {
  CONSENT,
  type CreateInviteCode,
  type InviteCode,
  type JoinPreview,
  type Member,
  type MemberOrder,
  type Membership,
  normalizeInviteCode,
} from '../../shared/schemas/membership.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import type { Platform } from '../platform/platform.ts';
import {
  type AssociationCodeItem,
  codeRepo,
  membershipRepo,
  type TenantItem,
  tenantRepo,
} from './tenants.repo.ts';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeUnusable = () => conflict('This code is no longer valid. Ask the association for a new one.');
const alreadyMember = () => conflict('Your practice is already a member of this association');

/** Creates a shareable code practices use to join; it expires and has a number of seats. */
export async function createInviteCode(db: TenantDb, input: CreateInviteCode): Promise<InviteCode> {
  const association = await requireTenant(db);
  const now = db.now();
  const expires = new Date(now.getTime() + input.expiresInDays * 86400_000);
  const item: AssociationCodeItem = {
    code: newCode(),
    associationId: db.tenantId,
    associationName: association.name,
    region: association.region,
    createdAt: now.toISOString(),
    expiresOn: expires.toISOString(),
    expiresAtSec: Math.floor(expires.getTime() / 1000),
    maxUses: input.maxUses,
    uses: 0,
    revoked: false,
  };
  await db.writeWithPlatformItems([], [codeRepo.createOp(item)], {
    action: 'membership.code_created',
    entityType: 'invite_code',
    entityId: item.code,
    summary: `Created invite code for ${input.maxUses} practice(s), valid ${input.expiresInDays} day(s)`,
  });
  return toCode(item, now);
}

export async function listInviteCodes(p: Platform, db: TenantDb, opts: { limit: number; cursor?: string }) {
  const page = await codeRepo.list(p.store, db.tenantId, opts);
  const now = db.now();
  return {
    items: page.items.map((c) => toCode(c, now)),
    nextCursor: page.nextCursor,
  } satisfies Page<InviteCode>;
}

export async function revokeInviteCode(p: Platform, db: TenantDb, code: string): Promise<InviteCode> {
  const item = await ownCode(p, db, code);
  await db.writeWithPlatformItems([], [codeRepo.revokeOp(item.code)], {
    action: 'membership.code_revoked',
    entityType: 'invite_code',
    entityId: item.code,
    summary: 'Revoked invite code',
  });
  return toCode({ ...item, revoked: true }, db.now());
}

const MEMBER_SORTERS: Record<string, (a: Member, b: Member) => number> = {
  joined: (a, b) => a.joinedAt.localeCompare(b.joinedAt),
  name: (a, b) => a.practiceName.localeCompare(b.practiceName),
  specialty: (a, b) => a.specialty.localeCompare(b.specialty),
  region: (a, b) => a.region.localeCompare(b.region),
  size: (a, b) => SIZE_ORDER.indexOf(a.size) - SIZE_ORDER.indexOf(b.size),
};
const SIZE_ORDER = ['solo', 'small', 'medium', 'large'];

/**
 * The association's member practices (listing fields, never their data), sorted and paged. An
 * association has at most a few thousand members: the listing is read whole and the page cut from
 * it (the cursor is the offset, bound to the order).
 */
export async function listMembers(
  p: Platform,
  db: TenantDb,
  opts: { limit: number; cursor?: string; order: MemberOrder },
): Promise<Page<Member>> {
  const all: Member[] = [];
  let cursor: string | undefined;
  do {
    const page = await membershipRepo.listMembers(p.store, db.tenantId, { limit: 1000, cursor });
    all.push(...page.items.map(toMember));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const [key, dir] = opts.order.split('-') as [string, 'asc' | 'desc'];
  const sign = dir === 'desc' ? -1 : 1;
  const sorter = MEMBER_SORTERS[key]!;
  all.sort((a, b) => sign * sorter(a, b) || MEMBER_SORTERS.name!(a, b));
  const start = opts.cursor ? decodeOffset(opts.cursor, opts.order) : 0;
  const end = start + opts.limit;
  return {
    items: all.slice(start, end),
    nextCursor: end < all.length ? encodeOffset(end, opts.order) : null,
  };
}

/** What the consent screen shows for a code: who the association is and exactly what is shared. */
export async function previewJoin(p: Platform, db: TenantDb, code: string): Promise<JoinPreview> {
  const item = await usableCode(p, db, code);
  if (await membershipRepo.getForPractice(db, item.associationId)) throw alreadyMember();
  return {
    associationId: item.associationId,
    associationName: item.associationName,
    region: item.region,
    consentVersion: CONSENT.version,
    shared: [...CONSENT.shared],
    neverShared: [...CONSENT.neverShared],
  };
}

/** Joins with explicit consent: uses a code seat, lists the practice with the association, records consent. */
export async function join(p: Platform, db: TenantDb, code: string): Promise<Membership> {
  const item = await usableCode(p, db, code);
  const practice = await requireTenant(db);
  const joinedAt = db.now().toISOString();
  const membership: Membership = {
    associationId: item.associationId,
    associationName: item.associationName,
    joinedAt,
    consentVersion: CONSENT.version,
  };
  const member: Member = {
    practiceId: db.tenantId,
    practiceName: practice.name,
    specialty: practice.specialty ?? 'other',
    region: practice.region,
    size: practice.size ?? 'small',
    joinedAt,
  };
  await db.writeWithPlatformItems(
    [membershipRepo.practiceOp(db, membership, alreadyMember)],
    [
      codeRepo.useOp(item.code, Math.floor(db.now().getTime() / 1000), codeUnusable),
      membershipRepo.memberOp(item.associationId, member, alreadyMember),
    ],
    {
      action: 'membership.joined',
      entityType: 'membership',
      entityId: item.associationId,
      summary: `Joined ${item.associationName}; consented to share aggregates (consent ${CONSENT.version})`,
    },
  );
  return membership;
}

export async function listMemberships(db: TenantDb, opts: { limit: number; cursor?: string }) {
  const page = await membershipRepo.listForPractice(db, opts);
  return { items: page.items.map(toMembership), nextCursor: page.nextCursor } satisfies Page<Membership>;
}

/** Leaves an association: the listing and the consent go in one transaction. */
export async function leave(db: TenantDb, associationId: string): Promise<void> {
  const membership = await membershipRepo.getForPractice(db, associationId);
  if (!membership) throw notFound('Membership');
  await db.writeWithPlatformItems(
    [membershipRepo.deletePracticeOp(db, associationId)],
    [membershipRepo.deleteMemberOp(associationId, db.tenantId)],
    {
      action: 'membership.left',
      entityType: 'membership',
      entityId: associationId,
      summary: `Left ${membership.associationName}; sharing stopped`,
    },
  );
}

/** Looks a code up as stored ("ABCD-2345"), however it was typed (case, dash, spaces). */
function findCode(p: Platform, code: string) {
  return codeRepo.get(p.store, normalizeInviteCode(code));
}

async function usableCode(p: Platform, db: TenantDb, code: string): Promise<AssociationCodeItem> {
  const item = await findCode(p, code);
  if (!item) throw notFound('Invite code');
  if (toCode(item, db.now()).status !== 'active') throw codeUnusable();
  return item;
}

async function ownCode(p: Platform, db: TenantDb, code: string): Promise<AssociationCodeItem> {
  const item = await findCode(p, code);
  if (!item || item.associationId !== db.tenantId) throw notFound('Invite code');
  return item;
}

async function requireTenant(db: TenantDb): Promise<TenantItem> {
  const tenant = await tenantRepo.get(db);
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

function newCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}

function toCode(item: AssociationCodeItem, now: Date): InviteCode {
  const status = item.revoked
    ? 'revoked'
    : item.uses >= item.maxUses
      ? 'used_up'
      : item.expiresAtSec * 1000 <= now.getTime()
        ? 'expired'
        : 'active';
  return {
    code: item.code,
    createdAt: item.createdAt,
    expiresAt: item.expiresOn,
    maxUses: item.maxUses,
    uses: item.uses,
    status,
  };
}

const toMember = (m: Member): Member => ({
  practiceId: m.practiceId,
  practiceName: m.practiceName,
  specialty: m.specialty,
  region: m.region,
  size: m.size,
  joinedAt: m.joinedAt,
});

const toMembership = (m: Membership): Membership => ({
  associationId: m.associationId,
  associationName: m.associationName,
  joinedAt: m.joinedAt,
  consentVersion: m.consentVersion,
});
