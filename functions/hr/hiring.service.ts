/**
 * Hiring: openings, candidates moving through the stages (applied → phone screen → interview →
 * offer → hired, or rejected / withdrew, each with its date), interview notes, one scorecard per
 * interviewer, the offer, and the hire, which adds the person to the staff directory through
 * createStaff (staff.service.ts, same domain) and marks the opening filled. Candidates are owners'
 * and managers' business only: every route here admits practiceAdmins alone.
 * Cross-domain reads: getLocation and getTenant from tenants/settings.service.ts (an opening's location
 * exists; the practice's day).
 */
import type { Page } from '../../shared/schemas/common.ts';
import type { EmploymentType } from '../../shared/schemas/hr.ts';
import {
  CANDIDATE_STAGE_LABELS,
  CANDIDATE_STAGES,
  type Candidate,
  type CandidateDetail,
  type CandidateInput,
  type CandidateListQuery,
  type CandidateStage,
  type CandidateStageInput,
  type HireInput,
  type OfferInput,
  type Opening,
  type OpeningInput,
  type OpeningListQuery,
  type OpeningUpdate,
  type ScorecardInput,
} from '../../shared/schemas/hr-hiring.ts';
import { localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound, staleVersion, validationFailed } from '../platform/errors.ts';
import { decodeOffset, encodeOffset } from '../platform/http/offset-cursor.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { newId } from '../platform/ids.ts';
import { getLocation, getTenant } from '../tenants/settings.service.ts';
import { hiringRepo, type StoredCandidate, type StoredOpening } from './hiring.repo.ts';
import { createStaff } from './staff.service.ts';

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const toOpening = (o: StoredOpening): Opening => {
  const { createdAt: _c, ...rest } = o;
  return rest;
};
const toCandidate = (c: StoredCandidate): Candidate => {
  const { createdAt: _c, appliedOn: _a, ...rest } = c;
  return { ...rest, name: fullName(c) };
};
const FINAL: readonly CandidateStage[] = ['hired', 'rejected', 'withdrew'];
/** A default FTE for the hire when none is given. */
const FTE: Record<EmploymentType, number> = { full_time: 1, part_time: 0.5, per_diem: 0.2 };

async function practiceToday(db: TenantDb): Promise<string> {
  const { timeZone } = await getTenant(db);
  return localParts(db.now().getTime(), timeZone).date;
}

async function checkLocation(db: TenantDb, id: string) {
  await getLocation(db, id).catch(() => {
    throw validationFailed([{ path: 'locationId', message: 'That location does not exist' }]);
  });
}

function page<T, R>(
  rows: T[],
  signature: string,
  cursor: string | undefined,
  limit: number,
  map: (t: T) => R,
): Page<R> {
  const start = cursor ? decodeOffset(cursor, signature) : 0;
  const end = start + limit;
  return {
    items: rows.slice(start, end).map(map),
    nextCursor: end < rows.length ? encodeOffset(end, signature) : null,
  };
}

/** Openings by the day opened (newest first by default), filtered by status. */
export async function listOpenings(db: TenantDb, q: OpeningListQuery, limit: number): Promise<Page<Opening>> {
  const status = q.status ?? 'all';
  const dir = q.dir === 'asc' ? 1 : -1;
  const rows = (await hiringRepo.openings(db))
    .filter((o) => status === 'all' || o.status === status)
    .sort((a, b) => dir * (a.openedOn.localeCompare(b.openedOn) || a.createdAt.localeCompare(b.createdAt)));
  return page(rows, JSON.stringify(['openings', status, q.dir]), q.cursor, limit, toOpening);
}

export async function getOpening(db: TenantDb, id: string): Promise<Opening> {
  const o = await hiringRepo.opening(db, id);
  if (!o) throw notFound('Opening');
  return toOpening(o);
}

export async function createOpening(db: TenantDb, input: OpeningInput): Promise<Opening> {
  await checkLocation(db, input.locationId);
  const o: StoredOpening = {
    id: newId(),
    ...input,
    status: 'open',
    openedOn: await practiceToday(db),
    candidateCount: 0,
    createdAt: db.now().toISOString(),
    version: 1,
  };
  await db.write([hiringRepo.createOpeningOp(db, o)], {
    action: 'hr.opening_added',
    entityType: 'opening',
    entityId: o.id,
    entityName: o.title,
    summary: `Opened a position: ${o.title}`,
  });
  return toOpening(o);
}

export async function updateOpening(db: TenantDb, id: string, input: OpeningUpdate): Promise<Opening> {
  const previous = await hiringRepo.opening(db, id);
  if (!previous) throw notFound('Opening');
  if (previous.version !== input.version) throw staleVersion();
  if (previous.status === 'filled') throw conflict('This opening is filled: it can no longer change');
  await checkLocation(db, input.locationId);
  const { version: _v, description, ...fields } = input;
  const set = { ...fields, ...(description ? { description } : {}) };
  const remove = !description && previous.description ? ['description'] : [];
  await db.write([hiringRepo.updateOpeningOp(db, previous, set, remove)], {
    action: 'hr.opening_updated',
    entityType: 'opening',
    entityId: id,
    entityName: input.title,
    summary: `Updated the opening ${input.title} (${input.status})`,
  });
  const next = { ...previous, ...set, version: previous.version + 1 };
  if (!description) delete next.description;
  return toOpening(next);
}

const stageRank = (s: CandidateStage) => CANDIDATE_STAGES.indexOf(s);

/** An opening's candidates by stage (pipeline order), then by the day they applied. */
export async function listCandidates(
  db: TenantDb,
  openingId: string,
  q: CandidateListQuery,
  limit: number,
): Promise<Page<Candidate>> {
  await getOpening(db, openingId);
  const rows = (await hiringRepo.candidatesOf(db, openingId))
    .filter((c) => !q.stage || c.stage === q.stage)
    .sort(
      (a, b) =>
        stageRank(a.stage) - stageRank(b.stage) ||
        a.appliedOn.localeCompare(b.appliedOn) ||
        a.id.localeCompare(b.id),
    );
  return page(rows, JSON.stringify(['candidates', openingId, q.stage]), q.cursor, limit, toCandidate);
}

export async function addCandidate(
  db: TenantDb,
  openingId: string,
  input: CandidateInput,
): Promise<Candidate> {
  const opening = await hiringRepo.opening(db, openingId);
  if (!opening) throw notFound('Opening');
  if (opening.status !== 'open') throw conflict('This opening is not open: reopen it to add candidates');
  const { appliedOn, ...fields } = input;
  const c: StoredCandidate = {
    id: newId(),
    openingId,
    ...fields,
    stage: 'applied',
    history: [{ stage: 'applied', date: appliedOn }],
    appliedOn,
    createdAt: db.now().toISOString(),
    version: 1,
  };
  await db.write([hiringRepo.createCandidateOp(db, c), hiringRepo.countCandidateOp(db, openingId)], {
    action: 'hr.candidate_added',
    entityType: 'candidate',
    entityId: c.id,
    entityName: fullName(c),
    summary: `Added a candidate for ${opening.title}: ${fullName(c)}`,
  });
  return toCandidate(c);
}

export async function getCandidate(db: TenantDb, id: string): Promise<CandidateDetail> {
  const found = await hiringRepo.candidateWithChildren(db, id);
  if (!found) throw notFound('Candidate');
  const opening = await hiringRepo.opening(db, found.candidate.openingId);
  return {
    ...toCandidate(found.candidate),
    openingTitle: opening?.title ?? 'Opening',
    notes: found.notes.sort((a, b) => a.at.localeCompare(b.at)),
    scorecards: found.scorecards.sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
  };
}

async function candidateAt(db: TenantDb, id: string, version: number): Promise<StoredCandidate> {
  const c = await hiringRepo.candidate(db, id);
  if (!c) throw notFound('Candidate');
  if (c.version !== version) throw staleVersion();
  if (FINAL.includes(c.stage)) {
    throw conflict(
      `${fullName(c)} is ${CANDIDATE_STAGE_LABELS[c.stage].toLowerCase()}: the record is closed`,
    );
  }
  return c;
}

/** Moves a candidate to a stage on a date (hired comes from the hire, offer from the offer). */
export async function moveCandidate(
  db: TenantDb,
  id: string,
  input: CandidateStageInput,
): Promise<CandidateDetail> {
  const c = await candidateAt(db, id, input.version);
  const last = c.history[c.history.length - 1];
  if (last && input.date < last.date) {
    throw validationFailed([{ path: 'date', message: `The date cannot be before ${last.date}` }]);
  }
  const history = [...c.history, { stage: input.stage, date: input.date }];
  await db.write([hiringRepo.updateCandidateOp(db, c, { stage: input.stage, history })], {
    action: 'hr.candidate_moved',
    entityType: 'candidate',
    entityId: id,
    entityName: fullName(c),
    summary: `${fullName(c)}: ${CANDIDATE_STAGE_LABELS[c.stage]} → ${CANDIDATE_STAGE_LABELS[input.stage]}`,
  });
  return getCandidate(db, id);
}

export async function addNote(db: TenantDb, id: string, text: string): Promise<CandidateDetail> {
  const c = await hiringRepo.candidate(db, id);
  if (!c) throw notFound('Candidate');
  const note = { id: newId(), text, byName: db.actor.name, at: db.now().toISOString() };
  await db.write(
    [hiringRepo.candidateExistsOp(db, id, () => notFound('Candidate')), hiringRepo.noteOp(db, id, note)],
    {
      action: 'hr.candidate_note_added',
      entityType: 'candidate',
      entityId: id,
      entityName: fullName(c),
      summary: `Added an interview note on ${fullName(c)}`,
    },
  );
  return getCandidate(db, id);
}

/** The caller's own scorecard for the candidate (saved again, it replaces theirs). */
export async function saveScorecard(
  db: TenantDb,
  caller: Pick<AuthContext, 'userId' | 'name'>,
  id: string,
  input: ScorecardInput,
): Promise<CandidateDetail> {
  const c = await hiringRepo.candidate(db, id);
  if (!c) throw notFound('Candidate');
  const areas = input.ratings.map((r) => r.area.toLowerCase());
  if (new Set(areas).size !== areas.length) {
    throw validationFailed([{ path: 'ratings', message: 'Rate each area once' }]);
  }
  const card = {
    interviewerUserId: caller.userId,
    interviewerName: caller.name,
    ratings: input.ratings,
    recommendation: input.recommendation,
    ...(input.comment ? { comment: input.comment } : {}),
    savedAt: db.now().toISOString(),
  };
  await db.write(
    [hiringRepo.candidateExistsOp(db, id, () => notFound('Candidate')), hiringRepo.scorecardOp(db, id, card)],
    {
      action: 'hr.scorecard_saved',
      entityType: 'candidate',
      entityId: id,
      entityName: fullName(c),
      summary: `${caller.name} scored ${fullName(c)}: ${input.recommendation.replace('_', ' ')}`,
    },
  );
  return getCandidate(db, id);
}

/** Records (or changes) the offer: pay and start date; the candidate moves to the offer stage. */
export async function makeOffer(db: TenantDb, id: string, input: OfferInput): Promise<CandidateDetail> {
  const c = await candidateAt(db, id, input.version);
  const today = await practiceToday(db);
  const history = c.stage === 'offer' ? c.history : [...c.history, { stage: 'offer' as const, date: today }];
  const offer = { pay: input.pay, startDate: input.startDate };
  await db.write([hiringRepo.updateCandidateOp(db, c, { stage: 'offer', history, offer })], {
    action: 'hr.offer_made',
    entityType: 'candidate',
    entityId: id,
    entityName: fullName(c),
    summary: `Offer to ${fullName(c)}: start ${input.startDate}`,
    detail: 'pay set',
  });
  return getCandidate(db, id);
}

/**
 * Hires the candidate on their offer: the staff record (createStaff, with its license alerts), the
 * candidate marked hired and the opening filled land in ONE transaction, conditioned on the
 * versions read, under the hire's audit record: a refused or racing hire leaves nothing behind.
 */
export async function hireCandidate(
  db: TenantDb,
  caller: AuthContext,
  id: string,
  input: HireInput,
): Promise<{ candidate: Candidate; staffId: string }> {
  const c = await candidateAt(db, id, input.version);
  if (c.stage !== 'offer' || !c.offer) throw badRequest('Make an offer before hiring');
  const opening = await hiringRepo.opening(db, c.openingId);
  if (!opening) throw notFound('Opening');
  if (opening.status !== 'open') throw conflict('This opening is no longer open');
  const history = [...c.history, { stage: 'hired' as const, date: await practiceToday(db) }];
  const staff = await createStaff(
    db,
    caller,
    {
      firstName: c.firstName,
      lastName: c.lastName,
      jobTitle: opening.title,
      staffRole: opening.staffRole,
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      locationIds: [opening.locationId],
      hireDate: c.offer.startDate,
      employmentType: opening.employmentType,
      fte: input.fte ?? FTE[opening.employmentType],
      credentials: [],
      pay: c.offer.pay,
    },
    {
      ops: (staffId) => [
        hiringRepo.updateCandidateOp(db, c, { stage: 'hired', history, staffId }),
        hiringRepo.updateOpeningOp(db, opening, { status: 'filled', filledByStaffId: staffId }),
      ],
      audit: {
        action: 'hr.candidate_hired',
        entityType: 'candidate',
        entityId: id,
        entityName: fullName(c),
        summary: `Hired ${fullName(c)} as ${opening.title}, starting ${c.offer.startDate}; the opening is filled`,
      },
    },
  );
  return {
    candidate: toCandidate({ ...c, stage: 'hired', history, staffId: staff.id, version: c.version + 1 }),
    staffId: staff.id,
  };
}
