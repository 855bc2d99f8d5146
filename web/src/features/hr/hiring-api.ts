import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  Candidate,
  CandidateDetail,
  CandidateInput,
  CandidateStageInput,
  HireInput,
  OfferInput,
  Opening,
  OpeningInput,
  OpeningStatus,
  OpeningUpdate,
  ScorecardInput,
} from '../../../../shared/schemas/hr-hiring.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getPerson, listAllCurrentStaff, listStaff } from './staff-api.ts';

/** One page of openings by the day opened (newest first unless `asc`). */
export const listOpenings = query(
  (status: OpeningStatus | 'all', dir: 'asc' | 'desc', cursor: string | undefined, limit: number) =>
    api<Page<Opening>>('/hr/openings', { query: { status, dir, cursor, limit } }),
  'hrOpenings',
);

export const getOpening = query(
  (id: string) => api<Opening>(`/hr/openings/${encodeURIComponent(id)}`),
  'hrOpening',
);

/** Every candidate of an opening, by stage (a pipeline shows them all; an opening has tens). */
export const listAllCandidates = query(async (openingId: string): Promise<Candidate[]> => {
  const all: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<Candidate>>(`/hr/openings/${encodeURIComponent(openingId)}/candidates`, {
      query: { cursor, limit: 100 },
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}, 'hrCandidates');

export const getCandidate = query(
  (id: string) => api<CandidateDetail>(`/hr/candidates/${encodeURIComponent(id)}`),
  'hrCandidate',
);

const KEYS = [listOpenings.key, getOpening.key, listAllCandidates.key, getCandidate.key];
const cand = (id: string) => `/hr/candidates/${encodeURIComponent(id)}`;

export const createOpening = (body: OpeningInput) =>
  mutate(api<Opening>('/hr/openings', { method: 'POST', body }), KEYS);

export const updateOpening = (id: string, body: OpeningUpdate) =>
  mutate(api<Opening>(`/hr/openings/${encodeURIComponent(id)}`, { method: 'PUT', body }), KEYS);

export const addCandidate = (openingId: string, body: CandidateInput) =>
  mutate(
    api<Candidate>(`/hr/openings/${encodeURIComponent(openingId)}/candidates`, { method: 'POST', body }),
    KEYS,
  );

export const moveCandidate = (id: string, body: CandidateStageInput) =>
  mutate(api<CandidateDetail>(`${cand(id)}/stage`, { method: 'POST', body }), KEYS);

export const addNote = (id: string, text: string) =>
  mutate(api<CandidateDetail>(`${cand(id)}/notes`, { method: 'POST', body: { text } }), KEYS);

export const saveScorecard = (id: string, body: ScorecardInput) =>
  mutate(api<CandidateDetail>(`${cand(id)}/scorecard`, { method: 'PUT', body }), KEYS);

export const makeOffer = (id: string, body: OfferInput) =>
  mutate(api<CandidateDetail>(`${cand(id)}/offer`, { method: 'PUT', body }), KEYS);

/** The hire adds a person to the staff directory: the directory's lists are read again too. */
export const hireCandidate = (id: string, body: HireInput) =>
  mutate(api<{ candidate: Candidate; staffId: string }>(`${cand(id)}/hire`, { method: 'POST', body }), [
    ...KEYS,
    listStaff.key,
    listAllCurrentStaff.key,
    getPerson.key,
  ]);
