/**
 * What publishing writes besides the document item: the version in force with the SHA-256 of its
 * text, the library's search words, the standing sign-off (so people who join later are asked),
 * and one Today item per person asked to sign. People a new version no longer asks have their
 * old item closed. The document is also offered to other modules as a sign-off subject (HR's
 * onboarding asks a new hire to sign the handbook through it). The team is read through tenants'
 * exported `listUsers` (members.service.ts).
 */
import { createHash } from 'node:crypto';
import { versionContentText } from '../../shared/documents/content-hash.ts';
import { DAYS_TO_SIGN, type Publish, type SignAudience } from '../../shared/schemas/documents.ts';
import type { User } from '../../shared/schemas/team.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { MAX_TRANSACTION_ITEMS } from '../platform/db/tenant-db.ts';
import { validationFailed } from '../platform/errors.ts';
import { subjectOp } from '../platform/sign-offs/sign-off-asks.ts';
import {
  askToSignOp,
  endSignOffOp,
  signOffItemId,
  standingSignOffOp,
} from '../platform/sign-offs/sign-offs.ts';
import { closeIfOpenOps } from '../platform/today/today-items.ts';
import { listUsers } from '../tenants/members.service.ts';
import { asks, documentLink } from './document-views.ts';
import { documentsRepo, type StoredDocument, type StoredVersion } from './documents.repo.ts';

const SOURCE = 'documents' as const;
/** Room the publish write keeps for its own items and the audit record. */
const OWN_ITEMS = 10;

/**
 * SHA-256 (hex) of exactly what a signature of this version vouches for: the PDF's bytes (hashed
 * when it was attached; file ids never get new bytes) or the version's canonical text.
 */
export function contentHashOf(v: Pick<StoredVersion, 'documentId' | 'number' | 'blocks' | 'file'>): string {
  if (v.file) return v.file.sha256;
  return createHash('sha256').update(versionContentText(v)).digest('hex');
}

/** Everyone active on the team (a practice's team fits in a few pages). */
export async function activeTeam(db: TenantDb): Promise<User[]> {
  const all: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { limit: 100, status: 'active', cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The active people an audience asks, from the team list. */
export function audienceMembers(team: readonly User[], audience: SignAudience): User[] {
  return team.filter((u) => asks(audience, { userId: u.id, role: u.role }));
}

/**
 * The publish ops: the ones that fit in the publish transaction, and `later` to write the rest
 * (a team too big for one transaction gets its remaining items in follow-up writes).
 */
export async function publishOps(db: TenantDb, doc: StoredDocument, v: StoredVersion, input: Publish) {
  const team = await activeTeam(db);
  const byId = new Set(team.map((u) => u.id));
  if (input.audience.userIds.some((uid) => !byId.has(uid))) {
    throw validationFailed([{ path: 'audience.userIds', message: 'Choose people who are on the team' }]);
  }
  const now = db.now();
  // A day back from UTC's date, so an American evening may still choose its own today.
  if (input.signBy && input.signBy < addDaysIso(now, -1)) {
    throw validationFailed([{ path: 'signBy', message: 'Choose a sign-by day from today on' }]);
  }
  const dueDate = input.signBy ?? addDaysIso(now, DAYS_TO_SIGN);
  const contentHash = contentHashOf(v);
  const published: StoredVersion = {
    ...v,
    status: 'published',
    publishedAt: now.toISOString(),
    publishedByName: db.actor.name,
    contentHash,
    audience: input.audience,
    signBy: dueDate,
    events: [
      ...v.events,
      { at: now.toISOString(), byUserId: db.actor.userId, byName: db.actor.name, action: 'published' },
    ],
    updatedAt: now.toISOString(),
  };
  const asked = audienceMembers(team, input.audience);
  const request = {
    source: SOURCE,
    ref: doc.id,
    title: `Read and sign “${doc.title}” (version ${v.number})`,
    link: documentLink(doc.id),
    round: v.number,
  };
  const askOps = asked.map((u) =>
    askToSignOp(
      db,
      { ...request, detail: `Published by ${db.actor.name}` },
      { userId: u.id, name: u.name },
      dueDate,
      now,
    ),
  );
  const askedIds = new Set(asked.map((u) => u.id));
  const noLongerAsked = team
    .filter((u) => !askedIds.has(u.id))
    .map((u) => signOffItemId(SOURCE, doc.id, u.id));
  const closeOps = await closeIfOpenOps(db, noLongerAsked);
  const own: WriteOp[] = [
    documentsRepo.replaceVersionOp(db, published, 'approved'),
    documentsRepo.findTextOp(db, doc, v.blocks),
    input.audience.roles.length
      ? standingSignOffOp(db, { ...request, roles: input.audience.roles, daysToSign: DAYS_TO_SIGN }, now)
      : endSignOffOp(db, SOURCE, doc.id),
    documentSubjectOp(db, doc, v.number),
  ];
  const rest = [...askOps, ...closeOps];
  const room = MAX_TRANSACTION_ITEMS - OWN_ITEMS;
  const later = async () => {
    for (let i = room; i < rest.length; i += room) {
      await db.write(rest.slice(i, i + room), {
        action: 'document.published',
        entityType: 'document',
        entityId: doc.id,
        entityName: doc.title,
        summary: `Asked more people to sign version ${v.number}`,
      });
    }
  };
  return { ops: [...own, ...rest.slice(0, room)], later, asked: asked.length };
}

/** The document as a sign-off subject other modules may ask people to sign (see sign-off-asks.ts). */
export function documentSubjectOp(
  db: TenantDb,
  doc: Pick<StoredDocument, 'id' | 'title' | 'folder'>,
  round: number,
) {
  return subjectOp(
    db,
    {
      source: SOURCE,
      ref: doc.id,
      title: doc.title,
      link: documentLink(doc.id),
      category: doc.folder,
      round,
    },
    db.now(),
  );
}

function addDaysIso(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
