import type { PracticeRole } from '../../../shared/roles.ts';
import type { TodaySource } from '../../../shared/schemas/today.ts';
import { addDays } from '../../../shared/time.ts';
import { type TenantScope, tenantKeys } from '../db/keys.ts';
import type { WriteOp } from '../db/store.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { pairRef, raiseTodayItemOp, todayItemId } from '../today/today-items.ts';

/**
 * Sign-offs: a module asks people to read and sign one of its things (a handbook version, later a
 * policy attestation or a training record). Each person asked gets their own Today item, raised in
 * the module's write. The module also leaves a standing request naming the roles asked, so a person
 * who joins later is asked too: the team module adds `signOffOpsForNewMember` to the join's own
 * transaction, knowing nothing of documents.
 */
export interface SignOffRequest {
  source: TodaySource;
  /** The module's thing (a document id): one standing request per thing, replaced on re-publish. */
  ref: string;
  /** The Today item's title: "Read and sign “Employee handbook” (version 2)". */
  title: string;
  link: string;
  roles: PracticeRole[];
  /** Days a person who joins later has to sign. */
  daysToSign: number;
  /** Which round of asking this is (a document's version number): items of older rounds ask again. */
  round: number;
}

/** A person asked to sign. */
export interface Signer {
  userId: string;
  name: string;
}

/** The kind of every sign-off item in Today. */
export const SIGN_OFF_KIND = 'sign';

/**
 * One Today item per (thing, person), with a stable id: a new version re-raises the same item,
 * and signing closes it without a lookup. The pair is hashed so the id stays within 64 characters.
 */
export function signOffItemId(source: TodaySource, ref: string, userId: string): string {
  return todayItemId(source, SIGN_OFF_KIND, signOffRef(ref, userId));
}

const signOffRef = (ref: string, userId: string) => pairRef(ref, userId);

/** Raises (or re-raises, for a new version) one person's item to sign. */
export function askToSignOp(
  scope: TenantScope,
  req: Pick<SignOffRequest, 'source' | 'ref' | 'title' | 'link' | 'round'> & { detail?: string },
  signer: Signer,
  dueDate: string | undefined,
  now: Date,
): WriteOp {
  const op = raiseTodayItemOp(
    scope,
    {
      source: req.source,
      kind: SIGN_OFF_KIND,
      ref: signOffRef(req.ref, signer.userId),
      title: req.title,
      ...(req.detail ? { detail: req.detail } : {}),
      link: req.link,
      assignee: signer,
      ...(dueDate ? { dueDate } : {}),
      // Shown in Today from now, not only when the sign-by day nears; a day back from UTC's date so
      // an American evening (already tomorrow in UTC) lists it too.
      remindFrom: addDays(now.toISOString().slice(0, 10), -1),
    },
    now,
  );
  // The round rides on the item, so a later role change can tell a signed round from an older one.
  return op.kind === 'put' ? { ...op, item: { ...op.item, signOffRound: req.round } } : op;
}

/** Leaves (or replaces) the standing request new members are asked from. */
export function standingSignOffOp(scope: TenantScope, req: SignOffRequest, now: Date): WriteOp {
  return {
    kind: 'put',
    item: {
      ...tenantKeys.signOffRequest(scope, req.source, req.ref),
      type: 'sign_off_request',
      ...req,
      updatedAt: now.toISOString(),
    },
  };
}

/** Ends the standing request (the thing no longer asks anyone to sign). */
export function endSignOffOp(scope: TenantScope, source: TodaySource, ref: string): WriteOp {
  return { kind: 'delete', key: tenantKeys.signOffRequest(scope, source, ref) };
}

/**
 * Most items asked of one new member: they join in one transaction (at most 100 items, of which
 * the join itself takes up to eight). Ninety documents to sign is beyond any practice's handbook
 * and policies; past it, the rest are asked when those documents are next published.
 */
const MAX_ASKED_ON_JOIN = 90;

/**
 * The ops that ask someone whose role changed for what the new role must sign, skipping what they
 * were already asked or signed in the current round (their item of that round exists).
 */
export async function signOffOpsForRoleChange(
  db: TenantDb,
  member: Signer & { role: string },
): Promise<WriteOp[]> {
  const requests = await requestsFor(db, member.role);
  const ids = requests.map((req) => signOffItemId(req.source, req.ref, member.userId));
  const items: { id: string; signOffRound?: number }[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    items.push(
      ...(await db.batchGet<{ id: string; signOffRound?: number }>(
        ids.slice(i, i + 100).map((id) => tenantKeys.todayItem(db, id)),
      )),
    );
  }
  const round = new Map(items.map((item) => [item.id, item.signOffRound]));
  const today = db.now().toISOString().slice(0, 10);
  return requests
    .filter((req, i) => round.get(ids[i]!) !== req.round)
    .map((req) => askToSignOp(db, req, member, addDays(today, req.daysToSign), db.now()));
}

/** The standing requests that name this role (at most what one transaction can add). */
async function requestsFor(db: TenantDb, role: string): Promise<SignOffRequest[]> {
  const page = await db.query<SignOffRequest>({
    partition: tenantKeys.signOffPartition(db),
    limit: MAX_ASKED_ON_JOIN,
    filter: {
      expression: 'contains(#roles, :role)',
      names: { '#roles': 'roles' },
      values: { ':role': role },
    },
  });
  return page.items;
}

/**
 * The ops that ask someone who just joined with `role` to sign everything their role must sign,
 * each due `daysToSign` days from today (in UTC days: a day's difference does not matter here).
 */
export async function signOffOpsForNewMember(
  db: TenantDb,
  member: Signer & { role: string },
): Promise<WriteOp[]> {
  const today = db.now().toISOString().slice(0, 10);
  return (await requestsFor(db, member.role)).map((req) =>
    askToSignOp(db, req, member, addDays(today, req.daysToSign), db.now()),
  );
}
