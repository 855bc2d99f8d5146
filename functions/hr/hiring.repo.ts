import type { Candidate, CandidateNote, Opening, Scorecard } from '../../shared/schemas/hr-hiring.ts';
import { strip } from '../platform/db/items.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { type AppError, notFound, staleVersion } from '../platform/errors.ts';

/**
 * Hiring's storage: one partition per practice. Openings by id (a practice has tens: the list is one
 * Query); a candidate and its notes and scorecards share a sort-key prefix (the candidate's page is
 * one Query); GSI1 groups an opening's candidates.
 */

export type StoredOpening = Omit<Opening, 'candidateCount'> & { candidateCount: number; createdAt: string };
export type StoredCandidate = Omit<Candidate, 'name'> & { appliedOn: string; createdAt: string };

const MAX_READ = 5000;

async function readAll(db: TenantDb, opts: Parameters<TenantDb['query']>[0]) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ ...opts, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_READ);
  return items;
}

export const hiringRepo = {
  async openings(db: TenantDb): Promise<StoredOpening[]> {
    const items = await readAll(db, {
      partition: tenantKeys.hiringPartition(db),
      skPrefix: tenantKeys.openingPrefix,
      limit: 500,
    });
    return items.map((i) => strip<StoredOpening>(i));
  },

  async opening(db: TenantDb, id: string): Promise<StoredOpening | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.opening(db, id));
    return item ? strip<StoredOpening>(item) : undefined;
  },

  createOpeningOp(db: TenantDb, o: StoredOpening): WriteOp {
    return { kind: 'create', item: { ...tenantKeys.opening(db, o.id), type: 'hr_opening', ...o } };
  },

  updateOpeningOp(
    db: TenantDb,
    previous: StoredOpening,
    set: Partial<StoredOpening>,
    remove: string[] = [],
  ): WriteOp {
    const { id: _id, version: _v, ...fields } = set;
    return {
      kind: 'update',
      key: tenantKeys.opening(db, previous.id),
      set: fields,
      remove,
      expectedVersion: previous.version,
      onFail: staleVersion,
    };
  },

  /** One more candidate on the opening (a counter: adding candidates never conflicts). */
  countCandidateOp(db: TenantDb, openingId: string): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.opening(db, openingId),
      add: { candidateCount: 1 },
      onFail: () => notFound('Opening'),
    };
  },

  async candidatesOf(db: TenantDb, openingId: string): Promise<StoredCandidate[]> {
    const items = await readAll(db, {
      partition: tenantKeys.candidatesOfOpening(db, openingId),
      index: 'GSI1',
      limit: 500,
    });
    return items.map((i) => strip<StoredCandidate>(i));
  },

  async candidate(db: TenantDb, id: string): Promise<StoredCandidate | undefined> {
    const item = await db.get<Record<string, unknown>>(tenantKeys.candidate(db, id));
    return item ? strip<StoredCandidate>(item) : undefined;
  },

  /** The candidate with its notes and scorecards. */
  async candidateWithChildren(db: TenantDb, id: string) {
    const items = await readAll(db, {
      partition: tenantKeys.hiringPartition(db),
      skPrefix: tenantKeys.candidatePrefix(id),
      limit: 500,
    });
    let candidate: StoredCandidate | undefined;
    const notes: CandidateNote[] = [];
    const scorecards: Scorecard[] = [];
    for (const i of items) {
      if (i.type === 'hr_candidate') candidate = strip<StoredCandidate>(i);
      // The candidate id is stored on each child for its own sake; the DTOs do not carry it.
      else if (i.type === 'hr_candidate_note') notes.push(withoutCandidate(strip<CandidateNote & Child>(i)));
      else if (i.type === 'hr_scorecard') scorecards.push(withoutCandidate(strip<Scorecard & Child>(i)));
    }
    return candidate ? { candidate, notes, scorecards } : undefined;
  },

  createCandidateOp(db: TenantDb, c: StoredCandidate): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.candidate(db, c.id),
        ...tenantKeys.candidateIndexes(db, c.openingId, c.id),
        type: 'hr_candidate',
        ...c,
      },
    };
  },

  updateCandidateOp(db: TenantDb, previous: StoredCandidate, set: Partial<StoredCandidate>): WriteOp {
    const { id: _id, version: _v, ...fields } = set;
    return {
      kind: 'update',
      key: tenantKeys.candidate(db, previous.id),
      set: fields,
      expectedVersion: previous.version,
      onFail: staleVersion,
    };
  },

  noteOp(db: TenantDb, candidateId: string, n: CandidateNote): WriteOp {
    return {
      kind: 'create',
      item: {
        ...tenantKeys.candidateNote(db, candidateId, n.id),
        type: 'hr_candidate_note',
        candidateId,
        ...n,
      },
    };
  },

  scorecardOp(db: TenantDb, candidateId: string, s: Scorecard): WriteOp {
    return {
      kind: 'put',
      item: {
        ...tenantKeys.scorecard(db, candidateId, s.interviewerUserId),
        type: 'hr_scorecard',
        candidateId,
        ...s,
      },
    };
  },

  candidateExistsOp(db: TenantDb, id: string, onFail: () => AppError): WriteOp {
    return { kind: 'check', key: tenantKeys.candidate(db, id), exists: true, onFail };
  },
};

type Child = { candidateId: string };
function withoutCandidate<T extends Child>(item: T): Omit<T, 'candidateId'> {
  const { candidateId: _candidate, ...rest } = item;
  return rest;
}
