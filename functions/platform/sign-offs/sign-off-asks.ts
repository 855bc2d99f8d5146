import type { TodaySource } from '../../../shared/schemas/today.ts';
import { strip } from '../db/items.ts';
import { type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { askToSignOp, type Signer } from './sign-offs.ts';

/**
 * Signing across modules. The module that owns signable things (Documents) offers each one here
 * when it goes in force (a subject: title, link, category such as "handbook", current round) and
 * records here who signed which round. Another module (HR's onboarding) can then ask one person by
 * name to sign a subject, in its own write, and later read whether they did, without knowing the
 * owner's storage. The owner honours a by-name ask like its own audience (it may sign, it is on the
 * signature sheet), so both modules meet only through these items.
 */

export interface SignOffSubject {
  source: TodaySource;
  ref: string;
  title: string;
  link: string;
  /** The owner's grouping of its things (a document's folder): how "the handbook" is found. */
  category: string;
  /** The round in force (a document's published version). */
  round: number;
  updatedAt: string;
}

export interface SignedRecord {
  source: TodaySource;
  ref: string;
  userId: string;
  round: number;
  signedAt: string;
}

/** Most subjects a practice offers (its published documents); a picker lists them all. */
const MAX_SUBJECTS = 500;

/** Offers (or refreshes, on re-publish, rename or a move to another folder) a signable thing. */
export function subjectOp(
  scope: TenantScope,
  subject: Omit<SignOffSubject, 'updatedAt'>,
  now: Date,
): WriteOp {
  return {
    kind: 'put',
    item: {
      ...tenantKeys.signOffSubject(scope, subject.source, subject.ref),
      type: 'sign_off_subject',
      ...subject,
      updatedAt: now.toISOString(),
    },
  };
}

/** The practice's signable things, optionally of one category, most recently refreshed first. */
export async function listSubjects(db: TenantDb, category?: string): Promise<SignOffSubject[]> {
  const page = await db.query<Record<string, unknown>>({
    partition: tenantKeys.signOffSubjectPartition(db),
    limit: MAX_SUBJECTS,
  });
  return page.items
    .map((i) => strip<SignOffSubject>(i))
    .filter((s) => !category || s.category === category)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function getSubject(
  db: TenantDb,
  source: TodaySource,
  ref: string,
): Promise<SignOffSubject | undefined> {
  const item = await db.get<Record<string, unknown>>(tenantKeys.signOffSubject(db, source, ref));
  return item ? strip<SignOffSubject>(item) : undefined;
}

/**
 * The ops that ask one person by name to sign a subject: the standing by-name ask the owner
 * honours, and their Today item to sign (the same item the owner closes when they sign).
 */
export function askPersonOps(
  scope: TenantScope,
  subject: SignOffSubject,
  signer: Signer,
  asked: { by: TodaySource; detail: string; dueDate: string },
  now: Date,
): WriteOp[] {
  return [
    {
      kind: 'put',
      item: {
        ...tenantKeys.signOffAsk(scope, subject.source, subject.ref, signer.userId),
        type: 'sign_off_ask',
        source: subject.source,
        ref: subject.ref,
        userId: signer.userId,
        name: signer.name,
        askedBy: asked.by,
        askedAt: now.toISOString(),
      },
    },
    askToSignOp(
      scope,
      {
        source: subject.source,
        ref: subject.ref,
        title: `Read and sign “${subject.title}”`,
        link: subject.link,
        round: subject.round,
        detail: asked.detail,
      },
      signer,
      asked.dueDate,
      now,
    ),
  ];
}

/** Whether another module asked this person by name to sign the thing. */
export async function isAskedByName(
  db: TenantDb,
  source: TodaySource,
  ref: string,
  userId: string,
): Promise<boolean> {
  return Boolean(await db.get(tenantKeys.signOffAsk(db, source, ref, userId)));
}

/** Which of these things one person was asked by name to sign (one BatchGet, at most 100 things). */
export async function askedByNameAmong(
  db: TenantDb,
  source: TodaySource,
  refs: readonly string[],
  userId: string,
): Promise<Set<string>> {
  if (!refs.length) return new Set();
  const keys = [...new Set(refs)].slice(0, 100).map((ref) => tenantKeys.signOffAsk(db, source, ref, userId));
  return new Set((await db.batchGet<{ ref: string }>(keys)).map((i) => i.ref));
}

/** Everyone asked by name to sign the thing (a practice's team: one page). */
export async function askedByName(db: TenantDb, source: TodaySource, ref: string): Promise<string[]> {
  const page = await db.query<{ userId: string }>({
    partition: tenantKeys.signOffThingPartition(db, source, ref),
    skPrefix: tenantKeys.signOffAskPrefix,
    limit: 1000,
  });
  return page.items.map((i) => i.userId);
}

/** Records, in the owner's signing write, that a person signed a round of the thing. */
export function signedOp(scope: TenantScope, record: SignedRecord): WriteOp {
  return {
    kind: 'put',
    item: {
      ...tenantKeys.signOffSigned(scope, record.source, record.ref, record.userId),
      type: 'sign_off_signed',
      ...record,
    },
  };
}

/** What each (thing, person) last signed: one BatchGet per hundred pairs; unsigned pairs are absent. */
export async function signedRecords(
  db: TenantDb,
  pairs: readonly { source: TodaySource; ref: string; userId: string }[],
): Promise<SignedRecord[]> {
  const out: SignedRecord[] = [];
  // BatchGet refuses a key twice: the same person may be asked by two checklists.
  const unique = [...new Map(pairs.map((p) => [`${p.source}#${p.ref}#${p.userId}`, p])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    const keys = unique.slice(i, i + 100).map((p) => tenantKeys.signOffSigned(db, p.source, p.ref, p.userId));
    out.push(...(await db.batchGet<Record<string, unknown>>(keys)).map((r) => strip<SignedRecord>(r)));
  }
  return out;
}
